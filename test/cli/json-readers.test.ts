// The JSON array and NDJSON readers: elements found across chunk boundaries, strings holding brackets and escaped
// quotes, each element's first line, a broken element as one bad row.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flatten, JsonArrayScanner, JsonFileError, NdjsonScanner, type JsonElement } from "../../src/cli/read/json.js";

function readArray(text: string, size: number): JsonElement[] {
  const scanner = new JsonArrayScanner();
  const out: JsonElement[] = [];
  for (let at = 0; at < text.length; at += size)
    scanner.push(text.slice(at, at + size), (element) => void out.push(element));
  scanner.end();
  return out;
}

describe("JsonArrayScanner", () => {
  it("gives every element of any array of records, cut into chunks of any size (JSON.parse of the whole is the reference)", () => {
    const recordArb = fc.dictionary(
      fc.string({ maxLength: 5 }),
      fc.oneof(
        fc.string({ maxLength: 6 }),
        fc.integer(),
        fc.constant(null),
        fc.array(fc.integer(), { maxLength: 3 }),
        fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 })),
      ),
    );
    fc.assert(
      fc.property(
        fc.array(recordArb, { maxLength: 8 }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        (records, size, pretty) => {
          const text = pretty ? JSON.stringify(records, null, 2) : JSON.stringify(records);
          expect(readArray(text, size).map((element) => element.value)).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("says on which line each element starts", () => {
    // Lines by hand: "[" on 1, the first record on 2-4, the second on 5.
    const text = '[\n  {"a": 1,\n   "b": "x]}"\n  },\n  {"a": 2}\n]\n';
    expect(readArray(text, 3).map((element) => element.line)).toEqual([2, 5]);
  });

  it("makes a broken element one bad row and reads on", () => {
    const elements = readArray('[{"a": 1}, {"a": tru}, {"a": 3}]', 4);
    expect(elements.map((element) => element.value)).toEqual([{ a: 1 }, undefined, { a: 3 }]);
    expect(elements[1]!.problem).toMatch(/^not valid JSON/);
  });

  it("rejects a file that is not an array, or an array never closed, as a whole", () => {
    expect(() => readArray('{"a": 1}', 10)).toThrow(JsonFileError);
    expect(() => readArray('[{"a": 1}, ', 10)).toThrow(/never closed/);
  });
});

describe("NdjsonScanner", () => {
  it("reads one value per line, skips blank lines, and numbers the lines", () => {
    const scanner = new NdjsonScanner();
    const out: JsonElement[] = [];
    const text = '{"a":1}\n\n{"a":2}\r\n{oops}\n{"a":3}';
    for (let at = 0; at < text.length; at += 5)
      scanner.push(text.slice(at, at + 5), (element) => void out.push(element));
    scanner.end((element) => void out.push(element));
    expect(out.map((element) => [element.line, element.value])).toEqual([
      [1, { a: 1 }],
      [3, { a: 2 }],
      [4, undefined],
      [5, { a: 3 }],
    ]);
    expect(out[2]!.problem).toMatch(/^not valid JSON/);
  });
});

describe("flatten", () => {
  it("names nested fields with dots, and keeps arrays as values", () => {
    expect([...flatten({ a: 1, person_properties: { country: "DE", plan: { tier: "pro" } }, tags: ["x"] })]).toEqual([
      ["a", 1],
      ["person_properties.country", "DE"],
      ["person_properties.plan.tier", "pro"],
      ["tags", ["x"]],
    ]);
  });
});
