import "server-only";
import type { InsightsResult, InsightsRunner, QueryProgress } from "@/lib/aws/insights-runner";
import { type AggregateRow, type CompiledFlowQuery, decodeAggregateRows } from "@/lib/insights";
import type { QueryStats } from "./contract";
import type { TimeWindow } from "./request";

/** One query string of one (log group, format). */
export interface QueryPart {
  logGroupName: string;
  compiled: CompiledFlowQuery;
  queryString: string;
}

export interface PartsContext {
  runner: InsightsRunner;
  region: string;
  userId: string;
  window: TimeWindow;
  alignMs: number;
  signal: AbortSignal;
  now: () => number;
  onProgress: (progress: QueryProgress) => void;
}

export interface PartsOutcome {
  rows: AggregateRow[];
  stats: QueryStats;
  /** Groups StartQuery did not find: CloudWatch creates a flow log's group with its first record. */
  missingGroups: string[];
  /** A part returned as many rows as it asked for. */
  partsAtLimit: number;
}

const ACTIVE = new Set(["Scheduled", "Running"]);

/** Runs every part at once through the shared runner; progress and statistics are their sums. */
export async function runParts(parts: readonly QueryPart[], ctx: PartsContext): Promise<PartsOutcome> {
  const started = ctx.now();
  const latest = new Map<number, QueryProgress>();
  const report = () => {
    const all = [...latest.values()];
    const active = all.filter((p) => ACTIVE.has(p.status));
    ctx.onProgress({
      status:
        active.length === 0
          ? "Complete"
          : active.every((p) => p.status === "Scheduled")
            ? "Scheduled"
            : "Running",
      recordsScanned: all.reduce((n, p) => n + p.recordsScanned, 0),
      recordsMatched: all.reduce((n, p) => n + p.recordsMatched, 0),
      bytesScanned: all.reduce((n, p) => n + p.bytesScanned, 0),
      elapsedMs: ctx.now() - started,
    });
  };
  const missingGroups = new Set<string>();
  const settled: (InsightsResult | undefined)[] = await Promise.all(
    parts.map((part, index) =>
      ctx.runner
        .run(
          {
            region: ctx.region,
            logGroupNames: [part.logGroupName],
            queryString: part.queryString,
            start: ctx.window.start,
            end: ctx.window.end,
            limit: part.compiled.limit,
            kind: "aggregate",
            alignMs: ctx.alignMs,
          },
          {
            userId: ctx.userId,
            signal: ctx.signal,
            onProgress: (progress) => {
              latest.set(index, progress);
              report();
            },
          },
        )
        .catch((error: unknown) => {
          if (!(error instanceof Error && error.name === "ResourceNotFoundException")) throw error;
          missingGroups.add(part.logGroupName);
          return undefined;
        }),
    ),
  );
  const found = settled.flatMap((result, i) => {
    const part = parts[i];
    return result && part ? [{ result, part }] : [];
  });
  const results = found.map((f) => f.result);
  const rows = found.flatMap(({ result, part }) => decodeAggregateRows(result.rows, part.compiled));
  const sum = (pick: (s: QueryStats) => number) => results.reduce((n, r) => n + pick(r.stats), 0);
  return {
    rows,
    missingGroups: [...missingGroups],
    partsAtLimit: found.filter(({ result, part }) => result.rows.length >= part.compiled.limit).length,
    stats: {
      queries: sum((s) => s.queries),
      recordsScanned: sum((s) => s.recordsScanned),
      recordsMatched: sum((s) => s.recordsMatched),
      bytesScanned: sum((s) => s.bytesScanned),
      estimatedCostUsd: sum((s) => s.estimatedCostUsd),
      elapsedMs: ctx.now() - started,
      cached: results.length > 0 && results.every((r) => r.stats.cached),
    },
  };
}
