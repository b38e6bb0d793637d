"use client";
import { useId, useMemo } from "react";
import type { SeriesMetric, SeriesPoint } from "@/lib/traffic/contract";
import { type ChartPoint, fillBins, seriesTicks, seriesTotals } from "@/lib/traffic/series";
import { SERIES_COLORS } from "./series-colors";
import { SeriesFigures } from "./series-figures";
import { SeriesStrip } from "./series-strip";
import { SeriesTooltip } from "./series-tooltip";

const DELIVERY_DELAY_MS = 10 * 60_000;
const METRIC_CAPTION: Record<SeriesMetric, string> = {
  bytes: "Bytes",
  packets: "Packets",
  flows: "Flow records",
};

type Props = {
  points: SeriesPoint[];
  binMs: number;
  metric: SeriesMetric;
  /** The time window asked for, epoch ms; `endsNow` when it is a preset ending at the present. */
  window: { from: number; to: number; endsNow: boolean };
  newestRecordAt?: number;
};

function formatBin(ms: number): string {
  if (ms >= 3_600_000) return `${ms / 3_600_000}-h`;
  if (ms >= 60_000) return `${ms / 60_000}-min`;
  return `${ms / 1000}-s`;
}

/**
 * Accepted above, rejected below, on one time axis and each on its own scale: rejects are often a
 * thousandth of accepted bytes, and a shared scale would draw them as a flat line at zero.
 */
export function TrafficSeriesChart({ points, binMs, metric, window, newestRecordAt }: Props) {
  const syncId = useId();
  const arriving = window.endsNow ? Math.max(window.from, window.to - DELIVERY_DELAY_MS) : undefined;
  // Bins after the newest record are unknown, not zero, only while records may still arrive.
  const knownUntil = Math.max(newestRecordAt ?? window.to, arriving ?? window.to);
  const data = useMemo(
    () => fillBins(points, binMs, window.from, window.to, knownUntil),
    [points, binMs, window.from, window.to, knownUntil],
  );
  const byTime = useMemo(() => new Map<number, ChartPoint>(data.map((p) => [p.t, p])), [data]);
  const shared = { data, syncId, metric, window, arriving };
  const tooltip = ({ label }: { label?: string | number }) => (
    <SeriesTooltip
      point={typeof label === "number" ? byTime.get(label) : undefined}
      binMs={binMs}
      metric={metric}
    />
  );

  return (
    <div className="flex flex-col gap-4 lg:flex-row">
      <div className="min-w-0 flex-1" data-testid="series-chart" data-points={points.length}>
        <SeriesStrip
          {...shared}
          series="accepted"
          label="Accepted"
          color={SERIES_COLORS.accepted}
          ticks={seriesTicks(
            points.map((p) => p.accepted),
            metric,
          )}
          height={190}
          tooltip={tooltip}
        />
        <SeriesStrip
          {...shared}
          series="rejected"
          label="Rejected"
          color={SERIES_COLORS.rejected}
          ticks={seriesTicks(
            points.map((p) => p.rejected),
            metric,
          )}
          height={130}
          showTimeAxis
          tooltip={() => null}
        />
        <p className="mt-1 text-xs text-slate-500">
          {METRIC_CAPTION[metric]} per {formatBin(binMs)} bin, each series on its own scale · local time (
          {Intl.DateTimeFormat().resolvedOptions().timeZone}), UTC in the tooltip
          {arriving !== undefined && " · shaded: records still arriving"}
        </p>
      </div>
      <SeriesFigures metric={metric} totals={seriesTotals(points)} />
    </div>
  );
}
