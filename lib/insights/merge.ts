import type { CompiledFlowQuery, RecordSort } from "./compile";
import type { AggregateRow, RecordRow } from "./decode";
import type { KeyField, Metric } from "./keys";

export interface MergedAggregates {
  rows: AggregateRow[];
  /**
   * True when a chunk returned as many rows as the limit: a group that missed one chunk's top N
   * lost that chunk's share, so totals near the cut may be low. Show it as approximate.
   */
  truncated: boolean;
}

const groupId = (row: AggregateRow, keys: readonly KeyField[]): string =>
  JSON.stringify([row.bucket ?? null, ...keys.map((key) => row.keys[key] ?? null)]);

/**
 * Adds up the chunks of one compiled aggregate: equal (bucket, keys) rows sum their metrics, as
 * each record belongs to one chunk. Then orders and limits as the query does.
 */
export function mergeAggregates(
  chunks: readonly (readonly AggregateRow[])[],
  compiled: CompiledFlowQuery,
): MergedAggregates {
  const keys = compiled.columns.flatMap((c) => (c.role === "key" ? [c.key] : []));
  const metrics = compiled.columns.flatMap((c) => (c.role === "metric" ? [c.metric] : []));
  const groups = new Map<string, AggregateRow>();
  for (const row of chunks.flat()) {
    const id = groupId(row, keys);
    const into = groups.get(id);
    if (!into) {
      groups.set(id, { ...row, keys: { ...row.keys }, metrics: { ...row.metrics } });
      continue;
    }
    for (const metric of metrics)
      into.metrics[metric] = (into.metrics[metric] ?? 0) + (row.metrics[metric] ?? 0);
  }
  const order: Metric | undefined = compiled.orderBy;
  const binned = compiled.binMs !== undefined;
  const rows = [...groups.values()].sort(
    (a, b) =>
      (binned ? (a.bucket ?? 0) - (b.bucket ?? 0) : 0) ||
      (order === undefined ? 0 : (b.metrics[order] ?? 0) - (a.metrics[order] ?? 0)) ||
      groupId(a, keys).localeCompare(groupId(b, keys)),
  );
  const truncated = chunks.length > 1 && chunks.some((chunk) => chunk.length >= compiled.limit);
  return { rows: rows.slice(0, compiled.limit), truncated };
}

function sortValue(row: RecordRow, by: RecordSort["by"]): number {
  if (by === "timestamp") return row.timestamp ?? 0;
  const value = row.record?.[by];
  return typeof value === "number" ? value : 0;
}

/** The records of several chunks as one list, in the query's order, cut to its limit. */
export function mergeRecords(
  chunks: readonly (readonly RecordRow[])[],
  compiled: CompiledFlowQuery,
): RecordRow[] {
  const all = chunks.flat();
  const sort = compiled.recordSort;
  if (chunks.length <= 1 || sort === undefined) return all.slice(0, compiled.limit);
  const sign = sort.direction === "asc" ? 1 : -1;
  return [...all]
    .sort((a, b) => sign * (sortValue(a, sort.by) - sortValue(b, sort.by)))
    .slice(0, compiled.limit);
}
