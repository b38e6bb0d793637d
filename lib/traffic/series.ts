import type { SeriesMetric, SeriesPoint } from "./contract";
import { formatBytes, formatCompact, formatCount } from "./format";

/** A bin as the chart draws it: null where records may still be on their way, so no false zero. */
export type ChartPoint = { t: number; accepted: number | null; rejected: number | null };

/**
 * Points on every bin of [from, to): a bin without records is zero traffic up to `knownUntil` and unknown
 * after it (records may still be on their way), whether the server left it out or sent zeros.
 */
export function fillBins(
  points: readonly SeriesPoint[],
  binMs: number,
  from: number,
  to: number,
  knownUntil: number = to,
): ChartPoint[] {
  if (!(binMs > 0) || to <= from) return points.map((p) => ({ ...p }));
  const byBin = new Map(points.map((p) => [p.t, p]));
  const times = points.map((p) => p.t);
  const start = Math.floor(Math.min(from, ...times) / binMs) * binMs;
  const end = Math.max(to, ...times.map((t) => t + 1));
  const out: ChartPoint[] = [];
  for (let t = start; t < end; t += binMs) {
    const p = byBin.get(t);
    const unknown = t > knownUntil && (!p || (p.accepted === 0 && p.rejected === 0));
    if (unknown) out.push({ t, accepted: null, rejected: null });
    else out.push(p ? { ...p } : { t, accepted: 0, rejected: 0 });
  }
  // Points off the bin grid (a server that bins differently) are kept rather than dropped.
  for (const p of points) if (p.t % binMs !== 0) out.push({ ...p });
  return out.sort((a, b) => a.t - b.t);
}

export function seriesTotals(points: readonly SeriesPoint[]): { accepted: number; rejected: number } {
  let accepted = 0;
  let rejected = 0;
  for (const p of points) {
    accepted += p.accepted;
    rejected += p.rejected;
  }
  return { accepted, rejected };
}

const UNITS: Record<Exclude<SeriesMetric, "bytes">, [string, string]> = {
  packets: ["packet", "packets"],
  flows: ["flow", "flows"],
};

/** A value of the metric as a person reads it: "1.5 MB", "1,234 packets", "1 flow". */
export function formatMetric(metric: SeriesMetric, value: number): string {
  if (metric === "bytes") return formatBytes(value);
  const [one, many] = UNITS[metric];
  return `${formatCount(value)} ${value === 1 ? one : many}`;
}

/** Axis ticks: short, the unit only where it helps ("1.5 MB", "12K"). */
export function formatMetricTick(metric: SeriesMetric, value: number): string {
  return metric === "bytes" ? formatBytes(value) : formatCompact(value);
}

const STEPS = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500];

/** Y ticks for bytes at round values of their own unit (0, 256 KB, 512 KB…), not round decimal byte counts. */
export function byteTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0];
  let unit = 1;
  while (max / unit >= 1000) unit *= 1024;
  const steps = unit === 1 ? STEPS.filter((s) => s >= 1) : STEPS;
  const step = (steps.find((s) => max / (s * unit) <= count) ?? 1000) * unit;
  const ticks: number[] = [];
  for (let i = 0; i * step < max + step; i++) ticks.push(i * step);
  return ticks;
}

/** Y ticks for one series: round values of its unit for bytes, Recharts' own for counts. */
export function seriesTicks(values: readonly number[], metric: SeriesMetric): number[] | undefined {
  return metric === "bytes" ? byteTicks(Math.max(0, ...values)) : undefined;
}
