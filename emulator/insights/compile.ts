import type { SqlParam } from "../store/db";
import { POINTER_SQL } from "../store/pointer";
import { FLOW_COLUMNS } from "../store/schema";
import type { GroupRef } from "../store/types";
import type { Command, Query, Span } from "./ast";
import { compileExpr, compileWhere, field } from "./compile-expr";
import { compileParse } from "./compile-parse";
import { compileStats } from "./compile-stats";
import { type Col, EVENT_ID_FIELD, type Kind, orderItems, Params } from "./sql";

export const DEFAULT_LIMIT = 10_000;

export interface CompileContext {
  groups: readonly GroupRef[];
  /** Epoch milliseconds, both inclusive. */
  startMs: number;
  endMs: number;
  /** StartQuery's limit: the cap when the query has no `limit` (and a cap on it when it has). */
  limit?: number;
}

export interface CompiledQuery {
  sql: string;
  params: SqlParam[];
  /** Output fields in order; column i of the result is `o${i}`. The SQL also returns `__matched`. */
  columns: { field: string; kind: Kind }[];
  aggregated: boolean;
  /** RE2 patterns in the SQL with where they came from, to report a bad one at its place. */
  regexes: { pattern: string; span: Span }[];
  /**
   * Records queries: recordsMatched as its own statement (`n`), with its params. Counting the matches
   * in the main SQL would take a window over every matching row with all its columns; alone, DuckDB
   * reads only what the filters need. Then the main SQL's `__matched` is NULL.
   */
  matched?: { sql: string; params: SqlParam[] };
}

/** The state of the relation the next command reads: CTEs so far, fields in scope, current order. */
export interface Pipeline {
  ctes: string[];
  current: string;
  fields: Map<string, Col>;
  params: Params;
  raw: boolean;
  order: string[];
  defaultOrder: string[];
  fieldsList: string[];
  created: string[];
  display?: string[];
  limit?: number;
  matched: boolean;
  /** Set when recordsMatched is counted apart (records queries): the CTEs and params it needs. */
  matchedApart?: { ctes: number; current: string; params: number };
  counter: number;
  regexes: CompiledQuery["regexes"];
}

/** Adds `select` (which reads p.current) as the next CTE and makes it current. */
export function pushCte(p: Pipeline, select: string): void {
  const name = `s${p.ctes.length}`;
  p.ctes.push(`${name} AS (${select})`);
  p.current = name;
}

export const newColumn = (p: Pipeline): string => `c${p.counter++}`;

function ensureMatched(p: Pipeline): void {
  if (p.matched) return;
  if (p.raw) {
    p.matchedApart = { ctes: p.ctes.length, current: p.current, params: p.params.values.length };
    pushCte(p, `SELECT *, CAST(NULL AS BIGINT) AS __matched FROM ${p.current}`);
  } else {
    pushCte(p, `SELECT *, count(*) OVER () AS __matched FROM ${p.current}`);
  }
  p.matched = true;
}

function rawFields(): Map<string, Col> {
  const fields = new Map<string, Col>([
    ["@timestamp", { sql: "ts", kind: "time" }],
    ["@ingestionTime", { sql: "ingestion_time", kind: "time" }],
    ["@message", { sql: "message", kind: "str" }],
    ["@logStream", { sql: "stream_name", kind: "str" }],
    ["@log", { sql: "__log", kind: "str" }],
    ["@ptr", { sql: POINTER_SQL, kind: "str" }],
    [EVENT_ID_FIELD, { sql: "event_id", kind: "int" }],
  ]);
  for (const { field: name, column, numeric } of FLOW_COLUMNS)
    fields.set(name, { sql: column, kind: numeric ? "int" : "str" });
  return fields;
}

const RAW_OUTPUT = ["@timestamp", "@message", "@logStream", "@log", ...FLOW_COLUMNS.map((c) => c.field)];

/** Compiles a parsed query to one DuckDB statement over the `events` table. */
export function compile(query: Query, ctx: CompileContext): CompiledQuery {
  const params = new Params();
  const groupIds = ctx.groups.map((g) => params.add(g.id)).join(", ") || "NULL";
  const logCase = ctx.groups
    .map((g) => `WHEN ${params.add(g.id)} THEN ${params.add(`${g.arn.split(":")[4] ?? ""}:${g.name}`)}`)
    .join(" ");
  const defaultOrder = ["ts DESC", "event_id DESC"];
  const p: Pipeline = {
    ctes: [],
    current: "events",
    fields: rawFields(),
    params,
    raw: true,
    order: defaultOrder,
    defaultOrder,
    fieldsList: [],
    created: [],
    matched: false,
    counter: 0,
    regexes: [],
  };
  const range = `ts BETWEEN CAST(${params.add(BigInt(ctx.startMs))} AS BIGINT) AND CAST(${params.add(BigInt(ctx.endMs))} AS BIGINT)`;
  pushCte(
    p,
    `SELECT *, CASE group_id ${logCase || "WHEN NULL THEN NULL"} END AS __log FROM events WHERE group_id IN (${groupIds}) AND ${range}`,
  );
  for (const command of query.commands) compileCommand(p, command);
  ensureMatched(p);
  const names =
    p.display ?? (p.fieldsList.length > 0 ? p.fieldsList : p.raw ? [...RAW_OUTPUT, ...p.created] : p.created);
  const unique = [...new Set(p.raw ? [...names, "@ptr"] : names)];
  const columns = unique.map((name) => ({ field: name, kind: field(p, name).kind }));
  const outputs = unique.map((name, i) => `${field(p, name).sql} AS o${i}`);
  const limit = Math.min(p.limit ?? ctx.limit ?? DEFAULT_LIMIT, ctx.limit ?? Number.POSITIVE_INFINITY);
  const sql = [
    `WITH ${p.ctes.join(",\n")}`,
    `SELECT ${[...outputs, "__matched"].join(", ")} FROM ${p.current}`,
    `ORDER BY ${p.order.join(", ") || "ALL"} LIMIT ${params.add(limit)}`,
  ].join("\n");
  const apart = p.matchedApart;
  const matched = apart && {
    sql: `WITH ${p.ctes.slice(0, apart.ctes).join(",\n")}\nSELECT count(*) AS n FROM ${apart.current}`,
    params: params.values.slice(0, apart.params),
  };
  return {
    sql,
    params: params.values,
    columns,
    aggregated: !p.raw,
    regexes: p.regexes,
    ...(matched ? { matched } : {}),
  };
}

function compileCommand(p: Pipeline, command: Command): void {
  switch (command.type) {
    case "filter":
      pushCte(p, `SELECT * FROM ${p.current} WHERE ${compileWhere(command.expr, p)}`);
      return;
    case "fields": {
      const computed: string[] = [];
      const fields = new Map(p.fields);
      for (const item of command.items) {
        if (!(item.expr.kind === "field" && item.expr.name === item.name)) {
          const col = compileExpr(item.expr, p);
          const column = newColumn(p);
          computed.push(`${col.sql} AS ${column}`);
          fields.set(item.name, { sql: column, kind: col.kind });
          p.created.push(item.name);
        }
        p.fieldsList.push(item.name);
      }
      if (computed.length > 0) pushCte(p, `SELECT *, ${computed.join(", ")} FROM ${p.current}`);
      p.fields = fields;
      return;
    }
    case "display":
      p.display = command.fields;
      return;
    case "parse":
      compileParse(p, command);
      return;
    case "stats":
      compileStats(p, command);
      return;
    case "sort":
      p.order = [
        ...command.keys.flatMap((key) => orderItems(compileExpr(key.expr, p), key.descending)),
        ...p.defaultOrder,
      ];
      return;
    case "limit":
      ensureMatched(p);
      p.limit = Math.min(p.limit ?? Number.POSITIVE_INFINITY, command.count);
      pushCte(
        p,
        `SELECT * FROM ${p.current} ORDER BY ${p.order.join(", ") || "ALL"} LIMIT ${p.params.add(command.count)}`,
      );
      return;
    case "dedup": {
      ensureMatched(p);
      const keys = command.fields.map((name) => field(p, name).sql);
      const anyNull = keys.map((key) => `${key} IS NULL`).join(" OR ");
      const order = p.order.length > 0 ? `ORDER BY ${p.order.join(", ")}` : "";
      pushCte(
        p,
        `SELECT * FROM ${p.current} QUALIFY ${anyNull} OR row_number() OVER (PARTITION BY ${keys.join(", ")} ${order}) = 1`,
      );
      return;
    }
  }
}
