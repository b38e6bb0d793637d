import { rmSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { flowLogField } from "@/lib/flow/fields";

const SQL_TYPES = { int32: "INTEGER", int64: "BIGINT", string: "VARCHAR" } as const;
const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** DuckDB's own `read_csv` of S3 flow-log files into a table: the typed columns a DuckDB user would declare. */
export function readCsvSql(paths: readonly string[], fields: readonly string[]): string {
  const columns = fields
    .map((f) => `${quote(f)}: '${SQL_TYPES[flowLogField(f)?.type ?? "string"]}'`)
    .join(", ");
  return `CREATE OR REPLACE TABLE flows AS SELECT * FROM read_csv([${paths.map(quote).join(", ")}],
    delim = ' ', header = true, nullstr = '-', quote = '', escape = '', compression = 'gzip',
    auto_detect = false, columns = {${columns}})`;
}

/** Milliseconds for read_csv of the files into a fresh database file at `path`, and the rows loaded. */
export async function timeReadCsv(
  path: string,
  paths: readonly string[],
  fields: readonly string[],
): Promise<{ ms: number; rows: number }> {
  for (const file of [path, `${path}.wal`]) rmSync(file, { force: true });
  const instance = await DuckDBInstance.create(path, {
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
  });
  const connection = await instance.connect();
  try {
    const started = performance.now();
    await connection.run(readCsvSql(paths, fields));
    await connection.run("CHECKPOINT");
    const ms = performance.now() - started;
    const reader = await connection.runAndReadAll("SELECT count(*)::INTEGER AS n FROM flows");
    return { ms, rows: Number(reader.getRowObjectsJson()[0]?.n ?? 0) };
  } finally {
    connection.closeSync();
    instance.closeSync();
    for (const file of [path, `${path}.wal`]) rmSync(file, { force: true });
  }
}
