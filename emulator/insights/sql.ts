import type { SqlParam } from "../store/db";

/** The static type of a compiled value; `any` is text that may hold a number (what `parse` yields). */
export type Kind = "int" | "float" | "str" | "any" | "bool" | "time" | "null";

/** A compiled value: SQL over the current relation, and its kind. */
export interface Col {
  sql: string;
  kind: Kind;
}

export const NULL_COL: Col = { sql: "CAST(NULL AS VARCHAR)", kind: "null" };

/** Query values bound as numbered parameters ($1, $2, …), so SQL text order does not matter. */
export class Params {
  readonly values: SqlParam[] = [];

  add(value: SqlParam): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The one way text from a query enters SQL other than as a parameter: regular expressions, which
 * DuckDB needs as constants to compile once per query instead of once per row.
 */
export const sqlString = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** A checked finite number as SQL text (for constant arguments such as pct's percentile). */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

const INTEGRAL = new Set<Kind>(["int", "time", "bool"]);
export const isNumeric = (kind: Kind): boolean => kind === "int" || kind === "float" || kind === "time";
export const isIntegral = (kind: Kind): boolean => INTEGRAL.has(kind);

export function asNum(col: Col): string {
  switch (col.kind) {
    case "int":
    case "float":
    case "time":
      return col.sql;
    case "bool":
      return `CAST(${col.sql} AS INTEGER)`;
    case "null":
      return "CAST(NULL AS DOUBLE)";
    default:
      return `TRY_CAST(${col.sql} AS DOUBLE)`;
  }
}

/** A DOUBLE as Insights prints it: integers without a trailing ".0". */
export const formatFloatSql = (sql: string): string =>
  `CASE WHEN ${sql} = trunc(${sql}) AND abs(${sql}) < 1e15 THEN CAST(CAST(${sql} AS BIGINT) AS VARCHAR) ELSE CAST(${sql} AS VARCHAR) END`;

export const TIMESTAMP_FORMAT = "'%Y-%m-%d %H:%M:%S.%g'";

export function asStr(col: Col): string {
  switch (col.kind) {
    case "str":
    case "any":
      return col.sql;
    case "int":
      return `CAST(${col.sql} AS VARCHAR)`;
    case "float":
      return formatFloatSql(col.sql);
    case "time":
      return `strftime(make_timestamp(${col.sql} * 1000), ${TIMESTAMP_FORMAT})`;
    case "bool":
      return `CASE WHEN ${col.sql} THEN '1' WHEN NOT ${col.sql} THEN '0' END`;
    case "null":
      return NULL_COL.sql;
  }
}

/** Truthiness for filter: booleans as they are, numbers when non-zero, text when non-empty; null is false. */
export function asBool(col: Col): string {
  switch (col.kind) {
    case "bool":
      return `COALESCE(${col.sql}, FALSE)`;
    case "int":
    case "float":
    case "time":
      return `COALESCE(${col.sql} <> 0, FALSE)`;
    case "null":
      return "FALSE";
    default:
      return `COALESCE(${col.sql} <> '', FALSE)`;
  }
}

/**
 * A comparison that is false (never null) when a side is missing. Numbers compare as numbers when
 * either side is numeric (text that is not a number then never matches); otherwise as text.
 */
export function compare(left: Col, op: string, right: Col): string {
  if (left.kind === "null" || right.kind === "null") return "FALSE";
  return `COALESCE(${compareNullable(left, op, right)}, FALSE)`;
}

/** The comparison alone: null when a side is missing. Where null and false mean the same (a WHERE's and/or). */
export function compareNullable(left: Col, op: string, right: Col): string {
  if (left.kind === "null" || right.kind === "null") return "FALSE";
  const numeric = isNumeric(left.kind) || isNumeric(right.kind);
  return numeric ? `${asNum(left)} ${op} ${asNum(right)}` : `${asStr(left)} ${op} ${asStr(right)}`;
}

/** ORDER BY items for one key, nulls last either way; `any` sorts its numbers numerically first. */
export function orderItems(col: Col, descending: boolean): string[] {
  const dir = descending ? "DESC NULLS LAST" : "ASC NULLS LAST";
  if (col.kind === "any") return [`TRY_CAST(${col.sql} AS DOUBLE) ${dir}`, `${col.sql} ${dir}`];
  return [`${col.sql} ${dir}`];
}

/** Scope key of the event id (the tie-break for equal timestamps); no query can spell it. */
export const EVENT_ID_FIELD = "\u0000eventId";
