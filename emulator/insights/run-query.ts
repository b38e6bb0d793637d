import type { EventStore } from "../store/event-store";
import type { EventRecord } from "../store/types";
import type { Span } from "./ast";
import { compile } from "./compile";
import { MalformedQueryError } from "./errors";
import { formatValue } from "./format";
import { registerIpFunctions } from "./ip-sql";
import { parse } from "./parser";
import { sqlString } from "./sql";

export interface RunQueryOptions {
  logGroupNames: readonly string[];
  /** Epoch seconds, inclusive. */
  startTime: number;
  /** Epoch seconds, inclusive: events up to the end of this second count. */
  endTime: number;
  queryString: string;
  limit?: number;
}

export interface ResultField {
  field: string;
  value: string;
}

export interface QueryStatistics {
  recordsMatched: number;
  recordsScanned: number;
  estimatedRecordsSkipped: number;
  bytesScanned: number;
  estimatedBytesSkipped: number;
  logGroupsScanned: number;
}

export interface QueryResult {
  /** Each row lists its present fields in output order; rows of a non-aggregating query end with @ptr. */
  rows: ResultField[][];
  statistics: QueryStatistics;
}

async function checkRegexes(store: EventStore, regexes: readonly { pattern: string; span: Span }[]) {
  for (const { pattern, span } of regexes) {
    try {
      await store.query(`SELECT regexp_matches('', ${sqlString(pattern)}) AS ok`);
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^.*Error: /, "") : String(error);
      throw new MalformedQueryError(`Invalid regular expression: ${reason}`, span);
    }
  }
}

/**
 * Runs a Logs Insights query to completion. Throws MalformedQueryError for a query AWS would refuse,
 * and the store's ResourceNotFoundException StoreError for a missing log group.
 */
export async function runQuery(store: EventStore, options: RunQueryOptions): Promise<QueryResult> {
  const query = parse(options.queryString);
  const groups = store.resolveGroups(options.logGroupNames);
  registerIpFunctions(store);
  const startMs = options.startTime * 1000;
  const endMs = options.endTime * 1000 + 999;
  const compiled = compile(query, { groups, startMs, endMs, limit: options.limit });
  await checkRegexes(store, compiled.regexes);
  const ids = groups.map((_, i) => `$${i + 3}`).join(", ") || "NULL";
  const [rows, scanned, matched] = await Promise.all([
    store.query(compiled.sql, compiled.params),
    store.query(
      `SELECT count(*) AS n, coalesce(sum(size), 0) AS b FROM events WHERE ts BETWEEN $1 AND $2 AND group_id IN (${ids})`,
      [BigInt(startMs), BigInt(endMs), ...groups.map((g) => g.id)],
    ),
    compiled.matched ? store.query(compiled.matched.sql, compiled.matched.params) : undefined,
  ]);
  const results = rows.map((row) =>
    compiled.columns.flatMap(({ field, kind }, i) => {
      const value = formatValue(row[`o${i}`], kind);
      return value === undefined ? [] : [{ field, value }];
    }),
  );
  return {
    rows: results,
    statistics: {
      recordsMatched: Number((matched ? matched[0]?.n : rows[0]?.__matched) ?? 0),
      recordsScanned: Number(scanned[0]?.n ?? 0),
      estimatedRecordsSkipped: 0,
      bytesScanned: Number(scanned[0]?.b ?? 0),
      estimatedBytesSkipped: 0,
      logGroupsScanned: groups.length,
    },
  };
}

/** GetLogRecord's map for an event: system fields (times as epoch milliseconds) and discovered flow fields. */
export function logRecordFields(record: EventRecord): Record<string, string> {
  const account = record.logGroupArn.split(":")[4] ?? "";
  const fields: Record<string, string> = {
    "@timestamp": String(record.timestamp),
    "@ingestionTime": String(record.ingestionTime),
    "@message": record.message,
    "@logStream": record.logStreamName,
    "@log": `${account}:${record.logGroupName}`,
  };
  for (const [name, value] of Object.entries(record.flow ?? {})) {
    if (value !== null) fields[name] = String(value);
  }
  return fields;
}
