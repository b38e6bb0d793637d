import type { AggregateRow, Metric } from "@/lib/insights";
import type { SeriesPoint } from "./contract";
import type { TimeWindow } from "./request";

/**
 * Accepted vs rejected per bin, every bin of the window present (zero where nothing was recorded),
 * rows from several queries (chunks, log groups) added up.
 */
export function seriesPoints(
  rows: readonly AggregateRow[],
  metric: Metric,
  window: TimeWindow,
  binMs: number,
): SeriesPoint[] {
  const points = new Map<number, SeriesPoint>();
  for (let t = window.start; t < window.end; t += binMs) points.set(t, { t, accepted: 0, rejected: 0 });
  for (const row of rows) {
    if (row.bucket === undefined) continue;
    const t = Math.floor(row.bucket / binMs) * binMs;
    const point = points.get(t) ?? { t, accepted: 0, rejected: 0 };
    const value = row.metrics[metric] ?? 0;
    if (row.keys.action === "ACCEPT") point.accepted += value;
    else if (row.keys.action === "REJECT") point.rejected += value;
    points.set(t, point);
  }
  return [...points.values()]
    .filter((p) => p.t >= window.start && p.t < window.end)
    .sort((a, b) => a.t - b.t);
}

export const seriesTotal = (points: readonly SeriesPoint[]): number =>
  points.reduce((sum, p) => sum + p.accepted + p.rejected, 0);
