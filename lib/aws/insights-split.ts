import "server-only";
import type { QueryProgress, RawQueryResult } from "./insights-query";

export interface Part {
  start: number;
  end: number;
}

export interface SplitOutcome {
  rows: RawQueryResult["rows"];
  truncated: boolean;
  queries: number;
  recordsScanned: number;
  recordsMatched: number;
  bytesScanned: number;
}

export interface SplitOptions {
  /** 0: never split (aggregates); a result at the limit is then reported truncated. */
  maxDepth: number;
  limit: number;
  /** Progress of all parts together: sums of their latest statistics. */
  report: (progress: QueryProgress) => void;
  now: () => number;
}

type RunPart = (part: Part, onProgress: (progress: QueryProgress) => void) => Promise<RawQueryResult>;

/**
 * Runs a query over `range`; while a part returns `limit` rows (more may exist), halves it and runs
 * both halves (awsdocs' large-query pattern). Rows come oldest half first; every query's scan counts.
 */
export async function splitRun(range: Part, options: SplitOptions, run: RunPart): Promise<SplitOutcome> {
  const started = options.now();
  const latest = new Map<number, QueryProgress>();
  let nextId = 0;
  const emit = () => {
    const all = [...latest.values()];
    const running = all.find((p) => p.status === "Running" || p.status === "Scheduled");
    options.report({
      status: running?.status ?? all.at(-1)?.status ?? "Scheduled",
      recordsScanned: all.reduce((n, p) => n + p.recordsScanned, 0),
      recordsMatched: all.reduce((n, p) => n + p.recordsMatched, 0),
      bytesScanned: all.reduce((n, p) => n + p.bytesScanned, 0),
      elapsedMs: options.now() - started,
    });
  };

  const go = async (part: Part, depth: number): Promise<SplitOutcome> => {
    const id = nextId++;
    const result = await run(part, (progress) => {
      latest.set(id, progress);
      emit();
    });
    const own: SplitOutcome = {
      rows: result.rows,
      truncated: false,
      queries: 1,
      recordsScanned: result.recordsScanned,
      recordsMatched: result.recordsMatched,
      bytesScanned: result.bytesScanned,
    };
    if (result.rows.length < options.limit) return own;
    if (depth >= options.maxDepth || part.end - part.start < 2000) return { ...own, truncated: true };
    const mid = Math.floor((part.start + part.end) / 2000) * 1000;
    const halves = await Promise.all([
      go({ start: part.start, end: mid }, depth + 1),
      go({ start: mid, end: part.end }, depth + 1),
    ]);
    return halves.reduce(
      (sum, half) => ({
        rows: [...sum.rows, ...half.rows],
        truncated: sum.truncated || half.truncated,
        queries: sum.queries + half.queries,
        recordsScanned: sum.recordsScanned + half.recordsScanned,
        recordsMatched: sum.recordsMatched + half.recordsMatched,
        bytesScanned: sum.bytesScanned + half.bytesScanned,
      }),
      { ...own, rows: [] },
    );
  };
  return go(range, 0);
}
