import type { SeriesMetric } from "@/lib/traffic/contract";
import { type ChartPoint, formatMetric } from "@/lib/traffic/series";
import { SERIES_COLORS } from "./series-colors";

const local = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const utc = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** One bin under the pointer: local time first, UTC under it (what the logs and AWS consoles show). */
export function SeriesTooltip({
  point,
  binMs,
  metric,
}: {
  point: ChartPoint | undefined;
  binMs: number;
  metric: SeriesMetric;
}) {
  if (!point) return null;
  const minutes = Math.round(binMs / 60_000);
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-slate-900">{local.format(point.t)}</p>
      <p className="text-slate-500">
        {utc.format(point.t)} UTC · {minutes >= 1 ? `${minutes} min bin` : `${binMs / 1000} s bin`}
      </p>
      {point.accepted === null ? (
        <p className="mt-1 text-slate-500">No records delivered yet for this bin.</p>
      ) : (
        <dl className="mt-1 grid grid-cols-[auto_auto] gap-x-3">
          <dt style={{ color: SERIES_COLORS.accepted }}>Accepted</dt>
          <dd className="text-right font-medium tabular-nums">{formatMetric(metric, point.accepted)}</dd>
          <dt style={{ color: SERIES_COLORS.rejected }}>Rejected</dt>
          <dd className="text-right font-medium tabular-nums">{formatMetric(metric, point.rejected ?? 0)}</dd>
        </dl>
      )}
    </div>
  );
}
