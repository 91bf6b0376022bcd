// The service-time accumulator's two state forms (JSON arrays from toJSON, Float64Arrays from toState) and its checks
// of what it is given. Expected figures are hand calculations, written out below.
import { describe, expect, it } from "vitest";
import { floatList } from "../internal/float-list.js";
import { businessCalendar } from "./calendar.js";
import { serviceClock } from "./service-clock.js";
import { createServiceTimeAccumulator, type ServiceTimeAccumulatorState } from "./service-time-accumulator.js";

const NINE_TO_FIVE = [["09:00", "17:00"]] as const;
const calendar = businessCalendar({
  timeZone: "UTC",
  week: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
});

// Four tickets created Monday 2025-03-10 (UTC, Mon-Fri 09:00-17:00):
//   08:00 → 09:30  calendar  90 min, business 30 (09:00-09:30)
//   16:00 → Tue 10:00  calendar 1080 min, business 60 + 60 = 120
//   10:00 → 10:45  calendar  45 min, business 45
//   11:00 → no reply (open)
const tickets = [
  { createdAt: "2025-03-10T08:00:00Z", firstResponseAt: "2025-03-10T09:30:00Z" },
  { createdAt: "2025-03-10T16:00:00Z", firstResponseAt: "2025-03-11T10:00:00Z" },
  { createdAt: "2025-03-10T10:00:00Z", firstResponseAt: "2025-03-10T10:45:00Z" },
  { createdAt: "2025-03-10T11:00:00Z" },
];

describe("service-time accumulator states", () => {
  const clock = serviceClock({ metric: "first-response", calendar });
  const filled = () => {
    const accumulator = createServiceTimeAccumulator(clock);
    for (const ticket of tickets) accumulator.add(ticket);
    return accumulator;
  };

  it("toJSON: plain arrays in the order added (JSON as it is); toState: the same minutes as Float64Arrays", () => {
    const json = filled().toJSON();
    expect(json).toEqual({ kind: "service-times", calendar: [90, 1080, 45], business: [30, 120, 45], open: 1 });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    const state = filled().toState();
    expect(state.calendar).toBeInstanceOf(Float64Array);
    expect([...state.calendar]).toEqual([90, 1080, 45]);
    expect([...state.business!]).toEqual([30, 120, 45]);
    expect(state.open).toBe(1);
  });

  it("round trips through either state: the same figures (business median 45, mean (30 + 120 + 45) / 3 = 65)", () => {
    for (const state of [filled().toJSON(), filled().toState(), structuredClone(filled().toState())]) {
      const restored = createServiceTimeAccumulator(clock, state);
      const result = restored.result({ percentiles: [90] });
      // Sorted business minutes 30, 45, 120: median 45; p90 (linear) at rank 0.9 × 2 = 1.8: 45 + 0.8 × 75 = 105.
      expect(result.business).toMatchObject({ n: 3, median: 45, mean: 65, min: 30, max: 120 });
      expect(result.business!.p90).toBeCloseTo(105, 12);
      // Sorted calendar minutes 45, 90, 1080: median 90; mean 1215 / 3 = 405.
      expect(result.calendar).toMatchObject({ n: 3, median: 90, mean: 405, min: 45, max: 1080 });
      expect(result.open).toBe(1);
    }
  });

  it("merges states, accumulators and itself in order: minutes appended, open tickets added", () => {
    const accumulator = filled();
    accumulator.merge(filled().toState()).merge(filled()).merge(accumulator);
    // 3 measured × 3, doubled by the merge with itself: 18; open 1 × 3 × 2 = 6.
    expect(accumulator.n).toBe(18);
    expect(accumulator.open).toBe(6);
    expect(accumulator.toJSON().calendar.slice(0, 7)).toEqual([90, 1080, 45, 90, 1080, 45, 90]);
    // Six copies of 30, 120, 45: the same median and mean.
    expect(accumulator.result().business).toMatchObject({ n: 18, median: 45, mean: 65 });
  });

  it("result() leaves the minutes in the order added (statistics on a copy)", () => {
    const accumulator = filled();
    accumulator.result();
    expect([...accumulator.minutes().business!]).toEqual([30, 120, 45]);
  });

  it("refuses a state whose minutes are not minutes, or whose lists differ in length", () => {
    const accumulator = createServiceTimeAccumulator(clock);
    const bad: unknown[] = [
      { kind: "service-times", calendar: [1, Number.NaN], business: [1, 1], open: 0 },
      { kind: "service-times", calendar: [1, -1], business: [1, 1], open: 0 },
      { kind: "service-times", calendar: new Float64Array([1, Number.POSITIVE_INFINITY]), business: [1, 1], open: 0 },
      { kind: "service-times", calendar: ["1"], business: [1], open: 0 },
      { kind: "service-times", calendar: [1, 2], business: new Float64Array([1]), open: 0 },
      { kind: "service-times", calendar: new Float32Array([1]), business: [1], open: 0 },
      { kind: "service-times", calendar: [1], business: null, open: 0 },
    ];
    for (const state of bad) {
      expect(() => accumulator.merge(state as ServiceTimeAccumulatorState)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" }),
      );
      expect(() => createServiceTimeAccumulator(clock, state as ServiceTimeAccumulatorState)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" }),
      );
    }
    expect(() =>
      accumulator.merge({
        kind: "service-times",
        calendar: [1],
        business: [1],
        open: -1,
      } as ServiceTimeAccumulatorState),
    ).toThrow(expect.objectContaining({ code: "INVALID_COUNT" }));
    // Nothing was added by the refused merges.
    expect(accumulator.n).toBe(0);
  });

  it("refuses minutes that are not minutes in addMinutes (INVALID_VALUE), and adds nothing", () => {
    const accumulator = createServiceTimeAccumulator(clock);
    const at = { start: 0, end: 0 };
    for (const minutes of [
      { calendarMinutes: Number.NaN, businessMinutes: 1 },
      { calendarMinutes: -5, businessMinutes: 1 },
      { calendarMinutes: 5, businessMinutes: null },
      { calendarMinutes: "5" as unknown as number, businessMinutes: 5 },
      { calendarMinutes: 5, businessMinutes: Number.POSITIVE_INFINITY },
    ])
      expect(() => accumulator.addMinutes({ ...minutes, ...at })).toThrow(
        expect.objectContaining({ code: "INVALID_VALUE", fn: "ServiceTimeAccumulator.addMinutes" }),
      );
    expect(accumulator.n).toBe(0);
  });
});

describe("floatList", () => {
  it("grows by doubling past its capacity and keeps every value in order", () => {
    const list = floatList(16);
    for (let i = 0; i < 1000; i++) list.push(i / 4);
    list.append([1, 2]);
    list.append(new Float64Array([3]));
    list.append(list.view().subarray(0, 2)); // its own memory, read before it grows
    expect(list.length).toBe(1005);
    expect(list.view()[999]).toBe(249.75);
    expect(list.toArray().slice(-5)).toEqual([1, 2, 3, 0, 0.25]);
  });
});
