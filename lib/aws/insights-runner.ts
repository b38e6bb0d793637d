import "server-only";
import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { LRUCache } from "lru-cache";
import { insightsQueryCost } from "@/lib/cost";
import { sleep as realSleep } from "./backoff";
import { FairLimiter } from "./fair-queue";
import { InFlight } from "./in-flight";
import {
  alignRange,
  type CacheSettings,
  cacheKey,
  cacheTtl,
  createResultCache,
  DEFAULT_CACHE,
  type InsightsResult,
} from "./insights-cache";
import { type ExecuteContext, executeQuery, type QueryProgress, type QueryTiming } from "./insights-query";
import { splitRun } from "./insights-split";

export type { InsightsResult } from "./insights-cache";
export { InsightsQueryError, type QueryProgress } from "./insights-query";

/** One logical query: the runner aligns the range, caches, joins, queues, retries and splits it. */
export interface InsightsRequest {
  region: string;
  logGroupNames: string[];
  queryString: string;
  /** Epoch ms; `end` exclusive. */
  start: number;
  end: number;
  /** StartQuery's limit, and the row count at which a records query is split in halves. */
  limit: number;
  kind: "aggregate" | "records";
  /**
   * Records only: halve the range while a part returns `limit` rows (default), for "every record". False for
   * "the newest `limit` records" (the query sorts by time, descending), which one query answers exactly; a
   * full result is then reported truncated.
   */
  split?: boolean;
  /** Range alignment (the chart's bin); default one minute. */
  alignMs?: number;
}

export interface RunOptions {
  /** Fairness: queued queries take turns by user. */
  userId: string;
  /** Cancel: the caller leaves; the query is stopped when no caller is left. Rejects with AbortError. */
  signal?: AbortSignal;
  onProgress?: (progress: QueryProgress) => void;
}

export interface RunnerSettings {
  /** Queries running at once, below the account's quota (100 today, 10 in older accounts). */
  maxConcurrent: number;
  /** How many times a records query may halve its range when it hits the row limit. */
  maxSplitDepth: number;
  timing: QueryTiming;
  cache: CacheSettings;
}

export const DEFAULT_RUNNER: RunnerSettings = {
  maxConcurrent: 20,
  maxSplitDepth: 4,
  timing: {
    pollMs: 400,
    pollFactor: 1.5,
    pollMaxMs: 3000,
    retryBaseMs: 250,
    retryCapMs: 8000,
    maxRetries: 6,
  },
  cache: DEFAULT_CACHE,
};

export interface RunnerDeps {
  logs: (region: string) => CloudWatchLogsClient;
  settings?: Partial<RunnerSettings>;
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Logs Insights for every user of this server: a shared result cache, identical in-flight queries
 * joined, a fair concurrency limit, retries with jitter, StopQuery on cancel, statistics and an
 * estimated cost with every result.
 */
export class InsightsRunner {
  readonly settings: RunnerSettings;
  readonly limiter: FairLimiter;
  private readonly cache: LRUCache<string, InsightsResult>;
  private readonly flights = new InFlight<InsightsResult, QueryProgress>();
  private readonly now: () => number;

  constructor(private readonly deps: RunnerDeps) {
    this.settings = { ...DEFAULT_RUNNER, ...deps.settings };
    this.now = deps.now ?? Date.now;
    this.limiter = new FairLimiter(this.settings.maxConcurrent);
    this.cache = createResultCache(this.settings.cache, this.now);
  }

  get inFlight(): number {
    return this.flights.size;
  }

  clearCache(): void {
    this.cache.clear();
  }

  async run(request: InsightsRequest, options: RunOptions): Promise<InsightsResult> {
    const range = alignRange(request.start, request.end, request.alignMs ?? 60_000);
    const key = cacheKey({ ...request, ...range });
    const hit = this.cache.get(key);
    if (hit) return { ...hit, stats: { ...hit.stats, queries: 0, elapsedMs: 0, cached: true } };
    const { promise, joined } = this.flights.run(
      key,
      async (signal, progress) => {
        const result = await this.execute(request, range, options.userId, signal, progress);
        this.cache.set(key, result, { ttl: cacheTtl(range.end, this.now(), this.settings.cache) });
        return result;
      },
      options,
    );
    const result = await promise;
    return joined ? { ...result, stats: { ...result.stats, queries: 0 } } : result;
  }

  private async execute(
    request: InsightsRequest,
    range: { start: number; end: number },
    userId: string,
    signal: AbortSignal,
    progress: (p: QueryProgress) => void,
  ): Promise<InsightsResult> {
    const started = this.now();
    const ctx = (onProgress: (p: QueryProgress) => void): ExecuteContext => ({
      logs: this.deps.logs(request.region),
      signal,
      onProgress,
      timing: this.settings.timing,
      random: this.deps.random ?? Math.random,
      now: this.now,
      sleep: this.deps.sleep ?? realSleep,
    });
    const outcome = await splitRun(
      range,
      {
        maxDepth: request.kind === "records" && request.split !== false ? this.settings.maxSplitDepth : 0,
        limit: request.limit,
        report: progress,
        now: this.now,
      },
      async (part, onProgress) => {
        const release = await this.limiter.acquire(userId, signal);
        try {
          return await executeQuery({ ...request, ...part }, ctx(onProgress));
        } finally {
          release();
        }
      },
    );
    return {
      rows: outcome.rows,
      truncated: outcome.truncated,
      range,
      stats: {
        queries: outcome.queries,
        recordsScanned: outcome.recordsScanned,
        recordsMatched: outcome.recordsMatched,
        bytesScanned: outcome.bytesScanned,
        estimatedCostUsd: insightsQueryCost(outcome.bytesScanned),
        elapsedMs: this.now() - started,
        cached: false,
      },
    };
  }
}
