"use client";
import type { EmptyLinks } from "@/components/ui/empty-explanation";
import { usePanelQuery } from "@/components/ui/use-panel-query";
import { panelUrl } from "@/lib/traffic/panel-url";
import type { ResolvedTrafficState } from "@/lib/traffic/search-params";
import { FreshnessStrip } from "./freshness-strip";
import { apiParams, type SeriesEvent } from "./panel-events";
import { SeriesPanel } from "./series-panel";
import { TopTalkers } from "./top-talkers";

/** The panels of the traffic page. The chart's query also tells how fresh and how complete the data is. */
export function TrafficBoard({ state, links }: { state: ResolvedTrafficState; links: EmptyLinks }) {
  const series = usePanelQuery<SeriesEvent>(
    panelUrl({ ...apiParams(state), panel: "timeseries", metric: state.metric }),
  );
  return (
    <div className="space-y-4">
      <FreshnessStrip state={series.state} flowLogsHref={links.flowLogs} />
      <SeriesPanel state={state} query={series} links={links} />
      <TopTalkers state={state} links={links} />
    </div>
  );
}
