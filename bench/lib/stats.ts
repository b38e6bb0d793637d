/** The q-quantile (0..1) of `values` by the nearest-rank method; NaN for no values. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(Math.min(1, Math.max(0, q)) * sorted.length);
  return sorted[Math.max(0, rank - 1)] ?? Number.NaN;
}

export const median = (values: readonly number[]): number => percentile(values, 0.5);

/** `measured / baseline`, or NaN when the baseline is not positive. */
export const ratio = (measured: number, baseline: number): number =>
  baseline > 0 ? measured / baseline : Number.NaN;

/** Milliseconds of `fn`, run `repeats` times after `warmups` untimed runs: every time and their median. */
export async function timeRuns(
  fn: () => Promise<unknown>,
  { repeats = 3, warmups = 1 }: { repeats?: number; warmups?: number } = {},
): Promise<{ median: number; runs: number[] }> {
  for (let i = 0; i < warmups; i++) await fn();
  const runs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    await fn();
    runs.push(performance.now() - started);
  }
  return { median: median(runs), runs };
}

/** A number for a table: at most `digits` decimals, thousands separated. */
export const fmt = (n: number, digits = 1): string =>
  Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: digits }) : "n/a";
