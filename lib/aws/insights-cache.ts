import "server-only";
import type { ResultField } from "@aws-sdk/client-cloudwatch-logs";
import { LRUCache } from "lru-cache";
import type { QueryStats } from "@/lib/traffic/contract";

/** A finished query (or the halves it was split into), as every viewer of the same key gets it. */
export interface InsightsResult {
  rows: ResultField[][];
  stats: QueryStats;
  /** Records: halving the range still hit the row limit. Aggregates: the row limit was reached. */
  truncated: boolean;
  /** The aligned range actually queried: epoch ms, end exclusive. */
  range: { start: number; end: number };
}

export interface CacheSettings {
  /** TTL of a result whose window ends within the delivery delay of now: records may still arrive. */
  recentTtlMs: number;
  /** TTL of a result for a window entirely in the past. */
  pastTtlMs: number;
  /** How late records may arrive (flow-log-records.md §2: ~5 min to CloudWatch Logs, sometimes later). */
  deliveryDelayMs: number;
  /** Bound on memory: the rows' rough size in characters. */
  maxChars: number;
}

export const DEFAULT_CACHE: CacheSettings = {
  recentTtlMs: 60_000,
  pastTtlMs: 60 * 60_000,
  deliveryDelayMs: 10 * 60_000,
  maxChars: 50_000_000,
};

/** Start down and end up to a multiple of `alignMs`: viewers seconds apart ask for the same range. */
export function alignRange(start: number, end: number, alignMs: number): { start: number; end: number } {
  const step = Math.max(1000, Math.round(alignMs / 1000) * 1000);
  const from = Math.floor(start / step) * step;
  return { start: from, end: Math.max(Math.ceil(end / step) * step, from + step) };
}

export function cacheKey(parts: {
  region: string;
  logGroupNames: readonly string[];
  queryString: string;
  start: number;
  end: number;
  limit?: number;
  /** False for a records query answered by one query (no halving): its rows differ from a split run's. */
  split?: boolean;
}): string {
  const groups = [...new Set(parts.logGroupNames)].sort();
  return JSON.stringify([
    parts.region,
    groups,
    parts.queryString,
    parts.start,
    parts.end,
    parts.limit ?? null,
    ...(parts.split === false ? ["newest"] : []),
  ]);
}

/** Short for a window touching now (still filling), long for the past (settled). */
export function cacheTtl(rangeEnd: number, now: number, settings: CacheSettings): number {
  return rangeEnd > now - settings.deliveryDelayMs ? settings.recentTtlMs : settings.pastTtlMs;
}

const sizeOf = (result: InsightsResult): number => {
  let chars = 64;
  for (const row of result.rows)
    for (const f of row) chars += (f.field?.length ?? 0) + (f.value?.length ?? 0) + 8;
  return chars;
};

/** Results shared by all users of this server process, keyed by cacheKey, TTL per entry. */
export function createResultCache(
  settings: CacheSettings,
  now: () => number,
): LRUCache<string, InsightsResult> {
  return new LRUCache<string, InsightsResult>({
    maxSize: settings.maxChars,
    sizeCalculation: (value) => Math.max(1, sizeOf(value)),
    ttl: settings.pastTtlMs,
    ttlResolution: 0,
    perf: { now },
  });
}
