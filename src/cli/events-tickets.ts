// `report --events FILE --tickets TICKETS`: a ticket export (CSV, TSV, JSON, NDJSON) read by the report's own column
// reading (columns.ts: --column, --preset, header names matched loosely), each row's --by keys kept by ticket id, to
// segment the tickets measured from the events. Rows without an id, and an id given twice, are listed, never dropped
// silently.
import { UsageError } from "./args.js";
import { ColumnError, type FieldSpec, type Preset, resolveColumns, type ResolvedField } from "./columns.js";
import type { Reject } from "./format/index.js";
import { dateReader } from "./dates.js";
import { type InputFormat, openInput, readRows } from "./read/input.js";
import { recordBuilder } from "./records.js";

/** The tickets of a `--tickets` file: each ticket's segment values, by ticket id as text. */
export interface TicketsRead {
  /** The values of the --by keys read from the file (in the order of `by`), by ticket id. */
  readonly segments: ReadonlyMap<string, readonly unknown[]>;
  /** Rows read. */
  readonly read: number;
  /** Rows left out: unreadable, no id, or an id given a second time. */
  readonly rejects: readonly Reject[];
}

/** How to read a `--tickets` file. */
export interface TicketsFileOptions {
  /** The --by keys the file gives. */
  readonly by: readonly string[];
  readonly format: InputFormat;
  readonly delimiter?: string | undefined;
  /** --column field=HEADER (the ticket id is the field `id`). */
  readonly mapping: ReadonlyMap<string, string>;
  readonly preset?: Preset | undefined;
}

/**
 * Reads a ticket export for its ids and the --by keys, with the report's column reading (the id in the column `id`, or
 * the preset's, or `--column id=HEADER`; a --by key in its own column, or the preset's: `--preset zendesk --by channel`
 * reads "Via").
 */
export async function readTicketsFile(path: string, options: TicketsFileOptions): Promise<TicketsRead> {
  const fields: FieldSpec[] = [{ field: "id", kind: "text", required: true }];
  const segments = new Map<string, unknown[]>();
  const firstLine = new Map<string, number>();
  const rejects: Reject[] = [];
  let columns: ResolvedField[] = [];
  let build: ReturnType<typeof recordBuilder> = () => ({});
  let read = 0;
  const named = path === "-" ? "--tickets - (standard input)" : `--tickets ${path}`;
  try {
    await readRows(
      openInput(path).stream,
      options.format,
      {
        header(names) {
          try {
            columns = resolveColumns(names, {
              fields,
              by: options.by,
              mapping: options.mapping,
              preset: options.preset,
              advice: (field, mapped) =>
                mapped !== undefined ? `--column ${field}=${mapped}` : `name it with --column ${field}=HEADER`,
            });
          } catch (error) {
            if (error instanceof ColumnError) throw new UsageError(`${named}: ${error.message}`);
            throw error;
          }
          // Ids and segments only: no date is read.
          build = recordBuilder(columns, dateReader({}, undefined));
          return columns.map((column) => column.index);
        },
        row(row) {
          read++;
          if (row.problem !== null) {
            rejects.push({ line: row.line, column: row.problemColumn, value: null, reason: row.problem });
            return;
          }
          const record = build((index) => row.cells[index]);
          const id = typeof record.id === "string" ? record.id.trim() : "";
          const idColumn = columns.find((column) => column.field === "id")!.header;
          if (id === "") {
            rejects.push({ line: row.line, column: idColumn, value: null, reason: "no ticket id" });
            return;
          }
          const before = firstLine.get(id);
          if (before !== undefined) {
            rejects.push({
              line: row.line,
              column: idColumn,
              value: id,
              reason: `ticket ${id} a second time (first on line ${before})`,
            });
            return;
          }
          firstLine.set(id, row.line);
          segments.set(
            id,
            options.by.map((key) => record[key]),
          );
        },
      },
      options.delimiter === undefined ? {} : { delimiter: options.delimiter },
    );
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${named}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a folder, not a file" : (error as Error).message.replace(`cannot read ${path}: `, "")}`,
    );
  }
  return { segments, read, rejects };
}
