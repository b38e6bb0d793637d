"use client";
import { TrafficSeriesChart } from "@/components/charts/traffic-series-chart";
import type { EmptyLinks } from "@/components/ui/empty-explanation";
import { QueryPanel } from "@/components/ui/query-panel";
import type { PanelQuery } from "@/components/ui/use-panel-query";
import { SERIES_METRICS } from "@/lib/traffic/contract";
import { type ResolvedTrafficState, trafficHref } from "@/lib/traffic/search-params";
import { RANGE_PRESETS } from "@/lib/traffic/time-range";
import type { SeriesEvent } from "./panel-events";
import { SegmentedLinks } from "./segmented-links";

const METRIC_LABELS = { bytes: "Bytes", packets: "Packets", flows: "Flows" } as const;

export function SeriesPanel({
  state,
  query,
  links,
}: {
  state: ResolvedTrafficState;
  query: PanelQuery<SeriesEvent>;
  links: EmptyLinks;
}) {
  const metrics = SERIES_METRICS.map((m) => ({
    key: m,
    label: METRIC_LABELS[m],
    href: trafficHref(state, { metric: m }),
    active: state.metric === m,
  }));
  return (
    <QueryPanel
      id="series-panel"
      title="Accepted vs rejected"
      query={query}
      emptyLinks={links}
      bodyClassName="min-h-72"
      toolbar={<SegmentedLinks label="Chart metric" items={metrics} />}
    >
      {(result, receivedAt) => (
        <TrafficSeriesChart
          points={result.points}
          binMs={result.binMs}
          metric={state.metric}
          window={chartWindow(state, receivedAt)}
          newestRecordAt={result.freshness.newestRecordAt}
        />
      )}
    </QueryPanel>
  );
}

function chartWindow(state: ResolvedTrafficState, now: number) {
  if (state.range === "custom" && state.start !== undefined && state.end !== undefined)
    return { from: state.start, to: state.end, endsNow: state.end > now - 10 * 60_000 };
  const ms = RANGE_PRESETS.find((p) => p.key === state.range)?.ms ?? 3_600_000;
  return { from: now - ms, to: now, endsNow: true };
}
