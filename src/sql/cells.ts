// Reading the rows a query returned: each row an object, each count a whole number ≥ 0. The queries write their
// counts with count(*), so a null, a negative or a fraction is a row that did not come from them; it is refused with
// the row's index rather than read as 0 or as a negative number of tickets.
import { invalid } from "../internal/describe.js";

/** A row of a query's result: an object, `INVALID_ARGUMENT` with its index otherwise. */
export function resultRow(
  fn: string,
  row: unknown,
  index: number,
  expected: string,
): Readonly<Record<string, unknown>> {
  if (typeof row !== "object" || row === null)
    throw invalid(fn, "INVALID_ARGUMENT", `rows[${index}]`, row, expected, index);
  return row as Readonly<Record<string, unknown>>;
}

/**
 * A count the query wrote (a number, a bigint or its text, as DuckDB and PostgreSQL drivers give it): a whole number
 * ≥ 0, `INVALID_COUNT` with the row's index otherwise.
 */
export function countCell(fn: string, row: Readonly<Record<string, unknown>>, column: string, index: number): number {
  const cell = row[column];
  const value =
    typeof cell === "bigint" || (typeof cell === "string" && cell.trim() !== "") ? Number(cell) : (cell as unknown);
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
    throw invalid(
      fn,
      "INVALID_COUNT",
      `rows[${index}].${column}`,
      cell,
      "a count the query wrote, a whole number ≥ 0",
      index,
    );
  return value;
}
