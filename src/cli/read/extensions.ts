// The file name extensions the command goes by: a compression, and under it a format. Written once for the reader
// (input.ts) and for the executable's guess at whether a file will be read in two parts (early-worker.ts), which loads
// this module and none of the reader's.
import { extname } from "node:path";

/**
 * Compressions other than gzip: DuckDB reads zstd, but the JS reader (Node 20) cannot, and it is the one that gives
 * rejected rows their lines.
 */
export const UNREAD_COMPRESSIONS: readonly string[] = [".zst", ".zstd", ".bz2", ".xz", ".zip", ".lz4"];

/** The extensions of a gzip-compressed file (read, decompressed as it is read). */
export const GZIP_EXTENSIONS: readonly string[] = [".gz", ".gzip"];

/** The formats an extension names; any other extension (or none) is CSV. */
const FORMAT_EXTENSIONS = new Map<string, "tsv" | "json" | "ndjson" | "parquet">([
  [".parquet", "parquet"],
  [".pq", "parquet"],
  [".tsv", "tsv"],
  [".tab", "tsv"],
  [".json", "json"],
  [".ndjson", "ndjson"],
  [".jsonl", "ndjson"],
]);

/**
 * The format a path's last extension names (`.tsv` / `.tab`, `.json`, `.ndjson` / `.jsonl`, `.parquet` / `.pq`, any
 * case); CSV for any other. The path is taken as it is: a compression's extension is the caller's to take off.
 *
 * @example formatByExtension("export.TSV") // "tsv"; formatByExtension("export.txt") // "csv"
 */
export function formatByExtension(path: string): "csv" | "tsv" | "json" | "ndjson" | "parquet" {
  return FORMAT_EXTENSIONS.get(extname(path).toLowerCase()) ?? "csv";
}
