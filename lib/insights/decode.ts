import { type FlowRecord, parseRecord } from "../flow/record";
import type { CompiledFlowQuery } from "./compile";
import { FlowQueryError } from "./errors";
import type { KeyField, Metric } from "./keys";

/** One result field as GetQueryResults returns it; every value is a string. */
export interface ResultField {
  field?: string;
  value?: string;
}

export interface RecordRow {
  /** Epoch ms of the record's @timestamp (its start time). */
  timestamp: number | undefined;
  message: string;
  logStream: string | undefined;
  /** For GetLogRecord. */
  ptr: string | undefined;
  /** The message read with the format's fields; undefined when it does not fit the format. */
  record: FlowRecord | undefined;
}

export interface AggregateRow {
  /** Epoch ms of the bin's start, when the query has a bin. */
  bucket?: number;
  /** A key that is missing or `-` in the record is undefined. */
  keys: Partial<Record<KeyField, string | number>>;
  /** Every metric the query computed; a missing value (no records) is 0. */
  metrics: Partial<Record<Metric, number>>;
}

export type DecodedRows =
  | { kind: "records"; rows: RecordRow[] }
  | { kind: "aggregate"; rows: AggregateRow[] };

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z?$/;

/** `YYYY-MM-DD HH:MM:SS.mmm` (UTC, how Insights prints @timestamp and bins) or epoch ms digits → epoch ms. */
export function parseInsightsTime(value: string): number | undefined {
  if (/^\d{1,16}$/.test(value)) return Number(value);
  const m = TIMESTAMP.exec(value);
  if (!m) return undefined;
  const [, year, month, day, hour, minute, second, fraction = "0"] = m;
  const ms = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  );
  return ms + Math.floor(Number(`0.${fraction}`) * 1000);
}

const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function number(value: string, what: string): number {
  const n = Number(value);
  if (!NUMBER.test(value) || !Number.isFinite(n))
    throw new FlowQueryError([`${what}: ${JSON.stringify(value)} is not a number`]);
  return n;
}

type FieldMap = Map<string, string>;

const toMap = (row: readonly ResultField[]): FieldMap =>
  new Map(row.flatMap((f) => (f.field === undefined ? [] : [[f.field, f.value ?? ""]])));

function recordRow(row: FieldMap, compiled: CompiledFlowQuery): RecordRow {
  const time = row.get("@timestamp");
  const message = row.get("@message") ?? "";
  return {
    timestamp: time === undefined ? undefined : parseInsightsTime(time),
    message,
    logStream: row.get("@logStream"),
    ptr: row.get("@ptr"),
    record: parseRecord(compiled.recordFields, message),
  };
}

function aggregateRow(row: FieldMap, index: number, compiled: CompiledFlowQuery): AggregateRow {
  const decoded: AggregateRow = { keys: {}, metrics: {} };
  for (const column of compiled.columns) {
    const value = row.get(column.field);
    const what = `row ${index} ${column.field}`;
    if (column.role === "bucket" && value !== undefined) {
      decoded.bucket = parseInsightsTime(value);
      if (decoded.bucket === undefined)
        throw new FlowQueryError([`${what}: ${JSON.stringify(value)} is not a time`]);
    } else if (column.role === "key" && value !== undefined && value !== "-") {
      decoded.keys[column.key] = column.numeric ? number(value, what) : value;
    } else if (column.role === "metric") {
      decoded.metrics[column.metric] = value === undefined ? 0 : number(value, what);
    }
  }
  return decoded;
}

type Rows = readonly (readonly ResultField[])[];

/** Rows of GetQueryResults, typed by the compiled query's columns. */
export function decodeRows(rows: Rows, compiled: CompiledFlowQuery): DecodedRows {
  return compiled.kind === "records"
    ? { kind: "records", rows: rows.map((row) => recordRow(toMap(row), compiled)) }
    : { kind: "aggregate", rows: rows.map((row, index) => aggregateRow(toMap(row), index, compiled)) };
}

/** decodeRows for a query known to aggregate; throws for a records query. */
export function decodeAggregateRows(rows: Rows, compiled: CompiledFlowQuery): AggregateRow[] {
  if (compiled.kind !== "aggregate")
    throw new FlowQueryError(["shape: the query returns records, not aggregates"]);
  return rows.map((row, index) => aggregateRow(toMap(row), index, compiled));
}

/** decodeRows for a records query; throws for an aggregate. */
export function decodeRecordRows(rows: Rows, compiled: CompiledFlowQuery): RecordRow[] {
  if (compiled.kind !== "records")
    throw new FlowQueryError(["shape: the query returns aggregates, not records"]);
  return rows.map((row) => recordRow(toMap(row), compiled));
}
