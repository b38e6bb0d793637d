import type { PanelEvent, TrafficParams } from "@/lib/traffic/contract";
import type { ResolvedTrafficState } from "@/lib/traffic/search-params";

/** What each panel's stream can carry. */
export type SeriesEvent = Exclude<PanelEvent, { type: "result"; panel: "top" }>;
export type TopEvent = Exclude<PanelEvent, { type: "result"; panel: "timeseries" }>;

/** The page state without its view keys: what every panel sends to the API. */
export function apiParams(state: ResolvedTrafficState): TrafficParams {
  const { metric: _metric, top: _top, topBy: _topBy, ...params } = state;
  return params;
}
