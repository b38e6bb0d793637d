import "server-only";
import {
  type CloudWatchLogsClient,
  GetQueryResultsCommand,
  type GetQueryResultsCommandOutput,
  type ResultField,
  StartQueryCommand,
  StopQueryCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { abortError, fullJitter, isAbortError, isRetryable } from "./backoff";

/** One StartQuery: epoch-ms range with `end` exclusive, both on whole seconds. */
export interface QuerySpec {
  logGroupNames: string[];
  queryString: string;
  start: number;
  end: number;
  limit?: number;
}

export interface QueryProgress {
  status: string;
  recordsScanned: number;
  recordsMatched: number;
  bytesScanned: number;
  elapsedMs: number;
}

export interface RawQueryResult extends QueryProgress {
  rows: ResultField[][];
}

export interface QueryTiming {
  /** First wait before GetQueryResults, then ×pollFactor up to pollMaxMs. */
  pollMs: number;
  pollFactor: number;
  pollMaxMs: number;
  /** Full-jitter retries of throttled calls. */
  retryBaseMs: number;
  retryCapMs: number;
  maxRetries: number;
}

export interface ExecuteContext {
  logs: CloudWatchLogsClient;
  signal: AbortSignal;
  onProgress: (progress: QueryProgress) => void;
  timing: QueryTiming;
  random: () => number;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** A query that ended Failed, Cancelled, Timeout or Unknown. */
export class InsightsQueryError extends Error {
  readonly retryable = true;
  constructor(
    readonly status: string,
    message: string,
  ) {
    super(message);
    this.name = `Query${status}`;
  }
}

const TERMINAL_MESSAGES: Readonly<Record<string, string>> = {
  Failed: "The Logs Insights query failed.",
  Cancelled: "The Logs Insights query was cancelled.",
  Timeout: "The Logs Insights query ran past the service's time limit; try a shorter time range.",
};

/** Runs `call`, retrying throttling and quota errors with full jitter; aborting stops the waits. */
async function withRetries<T>(ctx: ExecuteContext, call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    if (ctx.signal.aborted) throw abortError();
    try {
      return await call();
    } catch (error) {
      if (!isRetryable(error) || attempt >= ctx.timing.maxRetries) throw error;
      const { retryBaseMs, retryCapMs } = ctx.timing;
      await ctx.sleep(fullJitter(attempt, retryBaseMs, retryCapMs, ctx.random), ctx.signal);
    }
  }
}

const statsOf = (out: GetQueryResultsCommandOutput) => ({
  recordsScanned: out.statistics?.recordsScanned ?? 0,
  recordsMatched: out.statistics?.recordsMatched ?? 0,
  bytesScanned: out.statistics?.bytesScanned ?? 0,
});

async function poll(queryId: string, ctx: ExecuteContext, started: number): Promise<RawQueryResult> {
  let delay = ctx.timing.pollMs;
  for (;;) {
    await ctx.sleep(delay, ctx.signal);
    delay = Math.min(ctx.timing.pollMaxMs, delay * ctx.timing.pollFactor);
    const out = await withRetries(ctx, () => ctx.logs.send(new GetQueryResultsCommand({ queryId })));
    const status = out.status ?? "Unknown";
    const progress = { status, ...statsOf(out), elapsedMs: ctx.now() - started };
    ctx.onProgress(progress);
    if (status === "Scheduled" || status === "Running") continue;
    if (status !== "Complete")
      throw new InsightsQueryError(
        status,
        TERMINAL_MESSAGES[status] ?? `The query ended with status ${status}.`,
      );
    const rows = [...(out.results ?? [])];
    for (let token = out.nextToken; token; ) {
      const page = await withRetries(ctx, () =>
        ctx.logs.send(new GetQueryResultsCommand({ queryId, nextToken: token })),
      );
      rows.push(...(page.results ?? []));
      token = page.nextToken;
    }
    return { ...progress, rows };
  }
}

async function stopQuietly(logs: CloudWatchLogsClient, queryId: string): Promise<void> {
  try {
    await logs.send(new StopQueryCommand({ queryId }));
  } catch {
    // Already finished, or gone: either way it no longer scans.
  }
}

/**
 * StartQuery, then GetQueryResults with a growing interval until a terminal status, reporting
 * progress on every poll. On abort (or a failed poll) the query is stopped, so AWS stops scanning.
 */
export async function executeQuery(spec: QuerySpec, ctx: ExecuteContext): Promise<RawQueryResult> {
  const started = ctx.now();
  const startTime = Math.floor(spec.start / 1000);
  const endTime = Math.max(startTime, Math.ceil(spec.end / 1000) - 1);
  // No abortSignal on the send: an aborted StartQuery may still start a query whose id we would lose.
  const out = await withRetries(ctx, () =>
    ctx.logs.send(
      new StartQueryCommand({
        logGroupNames: spec.logGroupNames,
        queryString: spec.queryString,
        startTime,
        endTime,
        limit: spec.limit,
      }),
    ),
  );
  const queryId = out.queryId;
  if (!queryId) throw new InsightsQueryError("Unknown", "StartQuery returned no query id.");
  ctx.onProgress({
    status: "Scheduled",
    recordsScanned: 0,
    recordsMatched: 0,
    bytesScanned: 0,
    elapsedMs: 0,
  });
  try {
    if (ctx.signal.aborted) throw abortError();
    return await poll(queryId, ctx, started);
  } catch (error) {
    if (error instanceof InsightsQueryError) throw error;
    await stopQuietly(ctx.logs, queryId);
    throw ctx.signal.aborted || isAbortError(error) ? abortError() : error;
  }
}
