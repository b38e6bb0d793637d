import { randomUUID } from "node:crypto";
import { parse, type QueryStatistics, type ResultField, runQuery } from "../../insights";
import type { EventStore } from "../../store/event-store";
import { AwsError } from "../aws-error";

export type QueryStatus = "Scheduled" | "Running" | "Complete" | "Failed" | "Cancelled" | "Timeout";

export interface QueryRequest {
  logGroupNames: string[];
  /** Epoch seconds, inclusive. */
  startTime: number;
  endTime: number;
  queryString: string;
  limit?: number;
}

export interface QueryView {
  queryId: string;
  queryString: string;
  logGroupNames: string[];
  status: QueryStatus;
  createTime: number;
  /** Set once the query has ended. */
  endTime?: number;
  rows: ResultField[][];
  statistics: QueryStatistics;
}

export interface QueryManagerOptions {
  store: EventStore;
  /** Queries Scheduled or Running at once; one more is LimitExceededException. */
  maxConcurrent: number;
  /** A query stays Scheduled/Running at least this long, so progress and cancel paths are real. */
  minDurationMs: number;
  /** A query still running after this long ends as Timeout (AWS: 60 minutes). */
  timeoutMs: number;
  /** Whether the next query should fail (fault injection). */
  shouldFail: () => boolean;
  now: () => number;
  log?: (line: string) => void;
}

type Outcome =
  | { status: "Complete"; rows: ResultField[][]; statistics: QueryStatistics }
  | { status: "Failed" };

interface Query {
  id: string;
  request: QueryRequest;
  createTime: number;
  outcome?: Outcome;
  final?: { status: Exclude<QueryStatus, "Scheduled" | "Running">; at: number };
}

const ZERO: QueryStatistics = {
  recordsMatched: 0,
  recordsScanned: 0,
  estimatedRecordsSkipped: 0,
  bytesScanned: 0,
  estimatedBytesSkipped: 0,
  logGroupsScanned: 0,
};

const KEEP_FINISHED = 1000;

/**
 * Logs Insights queries run in the background: Scheduled, then Running, then Complete / Failed /
 * Cancelled / Timeout. Status is worked out when asked, from the run's outcome and the clock.
 */
export class QueryManager {
  private readonly queries = new Map<string, Query>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly options: QueryManagerOptions) {}

  /** Checks the query (MalformedQueryError, missing group as StoreError, LimitExceededException) and starts it. */
  start(request: QueryRequest): string {
    parse(request.queryString);
    this.options.store.resolveGroups(request.logGroupNames);
    const active = [...this.queries.values()].filter((q) => !this.settle(q).final).length;
    if (active >= this.options.maxConcurrent) {
      throw new AwsError(
        "LimitExceededException",
        `Account maximum query concurrency limit of [${this.options.maxConcurrent}] reached.`,
      );
    }
    const query: Query = { id: randomUUID(), request, createTime: this.options.now() };
    this.queries.set(query.id, query);
    if (this.options.shouldFail()) query.outcome = { status: "Failed" };
    else this.run(query);
    this.prune();
    return query.id;
  }

  get(id: string): QueryView | undefined {
    const query = this.queries.get(id);
    return query ? this.view(query) : undefined;
  }

  /** All queries, newest first. */
  list(): QueryView[] {
    return [...this.queries.values()].sort((a, b) => b.createTime - a.createTime).map((q) => this.view(q));
  }

  /** StopQuery: cancels a Scheduled or Running query; false if it has already ended. */
  stop(id: string): boolean | undefined {
    const query = this.queries.get(id);
    if (!query) return undefined;
    if (this.settle(query).final) return false;
    // The DuckDB statement itself runs on (the store offers no interrupt); its result is discarded.
    query.final = { status: "Cancelled", at: this.options.now() };
    return true;
  }

  /** Waits for background runs, so the store can close under none. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private run(query: Query): void {
    const { request } = query;
    const task = runQuery(this.options.store, request)
      .then((result): Outcome => ({ status: "Complete", rows: result.rows, statistics: result.statistics }))
      .catch((error: unknown): Outcome => {
        this.options.log?.(
          `query ${query.id} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        return { status: "Failed" };
      })
      .then((outcome) => {
        query.outcome = outcome;
      });
    this.running.add(task);
    void task.finally(() => this.running.delete(task));
  }

  private settle(query: Query): Query {
    if (query.final) return query;
    const now = this.options.now();
    const elapsed = now - query.createTime;
    if (query.outcome && elapsed >= this.options.minDurationMs) {
      query.final = { status: query.outcome.status, at: Math.max(now, query.createTime) };
    } else if (elapsed >= this.options.timeoutMs) {
      query.final = { status: "Timeout", at: now };
    }
    return query;
  }

  private status(query: Query): QueryStatus {
    if (query.final) return query.final.status;
    const scheduledMs = Math.min(100, this.options.minDurationMs / 3);
    return this.options.now() - query.createTime < scheduledMs ? "Scheduled" : "Running";
  }

  private view(query: Query): QueryView {
    this.settle(query);
    const status = this.status(query);
    const done = status === "Complete" && query.outcome?.status === "Complete" ? query.outcome : undefined;
    return {
      queryId: query.id,
      queryString: query.request.queryString,
      logGroupNames: query.request.logGroupNames,
      status,
      createTime: query.createTime,
      endTime: query.final?.at,
      rows: done?.rows ?? [],
      statistics: done?.statistics ?? ZERO,
    };
  }

  private prune(): void {
    const finished = [...this.queries.values()].filter((q) => q.final);
    for (const query of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      this.queries.delete(query.id);
    }
  }
}
