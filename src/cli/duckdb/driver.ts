// DuckDB, when it is installed: `@duckdb/node-api` is an optional peer dependency, loaded only here (by the command
// line), never by the library.
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";

/** How to add DuckDB, for the messages that need it. */
export const INSTALL_DUCKDB = "npm install @duckdb/node-api";

/** An open DuckDB: a connection, the version, and how to close it. */
export interface DuckDb {
  readonly connection: DuckDBConnection;
  /** "DuckDB 1.5.5". */
  readonly name: string;
  close(): void;
}

type DuckDbModule = typeof import("@duckdb/node-api");

let loading: Promise<DuckDbModule | null> | undefined;

/** The DuckDB module, or null when it is not installed. */
export function duckDbModule(): Promise<DuckDbModule | null> {
  loading ??= import("@duckdb/node-api").then(
    (module) => module,
    () => null,
  );
  return loading;
}

/** Opens an in-memory DuckDB whose session reads and writes instants in UTC; null when DuckDB is not installed. */
export async function openDuckDb(): Promise<DuckDb | null> {
  const module = await duckDbModule();
  if (module === null) return null;
  const instance: DuckDBInstance = await module.DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  const version = (await connection.runAndReadAll("SELECT version()")).getRows()[0]![0] as string;
  return {
    connection,
    name: `DuckDB ${version.replace(/^v/, "")}`,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
