"use client";
import type { EmptyLinks } from "@/components/ui/empty-explanation";
import { QueryPanel } from "@/components/ui/query-panel";
import { usePanelQuery } from "@/components/ui/use-panel-query";
import { TOP_DIMENSIONS, TOP_METRICS, type TopDimension, type TopMetric } from "@/lib/traffic/contract";
import { panelUrl } from "@/lib/traffic/panel-url";
import { type ResolvedTrafficState, trafficHref } from "@/lib/traffic/search-params";
import { apiParams, type TopEvent } from "./panel-events";
import { SegmentedLinks } from "./segmented-links";
import { TopTalkersTable } from "./top-talkers-table";

export const TOP_LIMIT = 10;

const DIMENSION_LABELS: Record<TopDimension, string> = {
  sources: "Sources",
  destinations: "Destinations",
  pairs: "Pairs",
  dstPorts: "Destination ports",
  interfaces: "Interfaces",
};
const METRIC_LABELS: Record<TopMetric, string> = {
  bytes: "Bytes",
  packets: "Packets",
  rejectedFlows: "Rejected flows",
};

/** Who talks most, by the chosen measure; every row narrows the whole page to itself. */
export function TopTalkers({ state, links }: { state: ResolvedTrafficState; links: EmptyLinks }) {
  const query = usePanelQuery<TopEvent>(
    panelUrl({
      ...apiParams(state),
      panel: "top",
      dimension: state.top,
      metric: state.topBy,
      limit: TOP_LIMIT,
    }),
  );
  const tabs = TOP_DIMENSIONS.map((d) => ({
    key: d,
    label: DIMENSION_LABELS[d],
    href: trafficHref(state, { top: d }),
    active: state.top === d,
  }));
  const metrics = TOP_METRICS.map((m) => ({
    key: m,
    label: METRIC_LABELS[m],
    href: trafficHref(state, { topBy: m }),
    active: state.topBy === m,
  }));
  return (
    <QueryPanel
      id="top-panel"
      title="Top talkers"
      query={query}
      emptyLinks={links}
      bodyClassName="min-h-64"
      toolbar={<SegmentedLinks label="Rank by" items={metrics} />}
      subheader={<SegmentedLinks label="Top talkers by" items={tabs} variant="tabs" />}
    >
      {(result) => (
        <TopTalkersTable rows={result.rows} dimension={state.top} metric={state.topBy} state={state} />
      )}
    </QueryPanel>
  );
}
