import { DEFAULT_FIELD_NAMES } from "../../lib/flow/format";
import { FLOW_COLUMNS } from "./schema";

/** What an INSERT from flow-log files needs. */
export interface IngestInput {
  paths: readonly string[];
  fields: readonly string[];
  groupId: number;
  firstId: number;
  ingestionTime: number;
  fallbackStream?: string;
}

export const sqlText = (s: string): string => `'${s.replaceAll("'", "''")}'`;

const CSV = "quote = '', escape = '', compression = 'gzip', auto_detect = false, header = true";

/**
 * Default-format files, parsed by DuckDB's CSV reader into the 14 typed columns (its fastest path),
 * the message rebuilt from them (`-` for a missing value: what AWS writes, so the same text). Throws a
 * DuckDB CSV/conversion error on a line that is not 14 well-formed fields; the caller falls back.
 */
export function typedDefaultSql(input: IngestInput): string {
  const names = DEFAULT_FIELD_NAMES.map((_, i) => `f${i + 1}`);
  const columns = FLOW_COLUMNS.map(({ numeric }, i) => `'${names[i]}': '${numeric ? "BIGINT" : "VARCHAR"}'`);
  const text = FLOW_COLUMNS.map(
    ({ numeric }, i) => `coalesce(${numeric ? `CAST(${names[i]} AS VARCHAR)` : names[i]}, '-')`,
  );
  const ingestion = BigInt(input.ingestionTime);
  const fallback = sqlText(`${input.fallbackStream ?? "unknown"}-all`);
  const flow = names.map((n) => `CASE WHEN f1 = 2 THEN ${n} END`);
  return `INSERT INTO events
SELECT ${input.groupId}, ${input.firstId}::BIGINT + row_number() OVER () - 1, coalesce(f3 || '-all', ${fallback}),
  coalesce(f11 * 1000, ${ingestion}), ${ingestion}, message, strlen(message)::INTEGER, ${flow.join(", ")}
FROM (SELECT *, concat_ws(' ', ${text.join(", ")}) AS message
  FROM read_csv(${list(input.paths)}, columns = {${columns.join(", ")}}, delim = ' ', nullstr = '-', ${CSV}))`;
}

const list = (paths: readonly string[]) => `[${paths.map(sqlText).join(", ")}]`;

/**
 * Any format, line by line: each line read whole (tab never occurs in a record) and, for the default
 * format, split once on single spaces into the typed columns (a line of 14 fields starting with
 * version 2; `-` and malformed numbers are NULL), as appends do. Other formats keep the message only,
 * so only their stream and start are picked out.
 */
export function lineSplitSql(input: IngestInput): string {
  const { fields } = input;
  const isDefault = fields.join(" ") === DEFAULT_FIELD_NAMES.join(" ");
  const ingestion = BigInt(input.ingestionTime);
  const fallback = sqlText(`${input.fallbackStream ?? "unknown"}-all`);
  const part = (name: string) => {
    const i = fields.indexOf(name) + 1;
    return i === 0 ? "NULL" : isDefault ? `p[${i}]` : `split_part(line, ' ', ${i})`;
  };
  const stream = `coalesce(nullif(${part("interface-id")}, '-') || '-all', ${fallback})`;
  const ts = `coalesce(TRY_CAST(${part("start")} AS BIGINT) * 1000, ${ingestion})`;
  const flow = FLOW_COLUMNS.map(({ numeric }, i) => {
    if (!isDefault) return "NULL";
    const value = `nullif(p[${i + 1}], '-')`;
    return `CASE WHEN is_flow THEN ${numeric ? `TRY_CAST(${value} AS BIGINT)` : value} END`;
  });
  const split = isDefault ? ", string_split(line, ' ') AS p" : "";
  const flowCheck = isDefault ? ", coalesce(len(p) = 14 AND p[1] = '2', FALSE) AS is_flow" : "";
  return `INSERT INTO events
SELECT ${input.groupId}, ${input.firstId}::BIGINT + row_number() OVER () - 1, ${stream}, ${ts}, ${ingestion}, line, strlen(line)::INTEGER,
  ${flow.join(", ")}
FROM (SELECT *${flowCheck} FROM (SELECT line${split} FROM read_csv(${list(input.paths)}, columns = {'line': 'VARCHAR'},
  delim = '\t', ${CSV})))`;
}
