"use client";
import type { ReactNode } from "react";
import { Area, CartesianGrid, ComposedChart, ReferenceArea, Tooltip, XAxis, YAxis } from "recharts";
import type { SeriesMetric } from "@/lib/traffic/contract";
import { type ChartPoint, formatMetricTick } from "@/lib/traffic/series";

export type SeriesStripProps = {
  data: ChartPoint[];
  series: "accepted" | "rejected";
  label: string;
  color: string;
  metric: SeriesMetric;
  ticks: number[] | undefined;
  window: { from: number; to: number };
  arriving: number | undefined;
  syncId: string;
  height: number;
  showTimeAxis?: boolean;
  /** Synced charts all show their tooltip: one strip renders it, the other only the cursor. */
  tooltip: (props: { label?: string | number }) => ReactNode;
};

function timeFormatter(spanMs: number) {
  const fmt = new Intl.DateTimeFormat(
    undefined,
    spanMs <= 36 * 3_600_000
      ? { hour: "2-digit", minute: "2-digit" }
      : { month: "short", day: "numeric", hour: "2-digit" },
  );
  return (t: number) => fmt.format(t);
}

const TICK = { fontSize: 12, fill: "#475569" };

/** One series of the traffic chart on its own scale; charts with the same syncId share the pointer. */
export function SeriesStripChart(props: SeriesStripProps) {
  const { data, series, label, color, metric, ticks, window, arriving, syncId, height } = props;
  const spanMs = window.to - window.from;
  return (
    <div data-testid={`series-${series}`} className="relative">
      <span className="absolute top-0 left-20 z-10 text-xs font-semibold" style={{ color }}>
        {label}
      </span>
      <ComposedChart
        responsive
        data={data}
        syncId={syncId}
        style={{ width: "100%", height }}
        margin={{ top: 18, right: 12, bottom: 0, left: 8 }}
      >
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[window.from, window.to]}
          allowDataOverflow
          hide={!props.showTimeAxis}
          tickFormatter={timeFormatter(spanMs)}
          tick={TICK}
          minTickGap={32}
        />
        <YAxis
          ticks={ticks}
          domain={[0, ticks?.at(-1) ?? "auto"]}
          tickFormatter={(v: number) => formatMetricTick(metric, v)}
          tick={{ ...TICK, fill: color }}
          width={64}
        />
        {arriving !== undefined && (
          <ReferenceArea
            x1={arriving}
            x2={window.to}
            fill="#f1f5f9"
            fillOpacity={0.9}
            ifOverflow="hidden"
            label={
              spanMs <= 3 * 3_600_000 && series === "accepted"
                ? { value: "still arriving", position: "insideTop", fontSize: 11, fill: "#64748b" }
                : undefined
            }
          />
        )}
        <Tooltip content={props.tooltip} cursor={{ stroke: "#94a3b8" }} />
        <Area
          name={label}
          dataKey={series}
          type="linear"
          stroke={color}
          strokeWidth={2}
          fill={color}
          fillOpacity={0.15}
          isAnimationActive={false}
        />
      </ComposedChart>
    </div>
  );
}
