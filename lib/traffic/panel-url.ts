import type { PanelRequest, TrafficParams } from "./contract";

export const PANEL_API_PATH = "/api/traffic/panel";

const PARAM_KEYS = [
  "region",
  "vpc",
  "subnet",
  "eni",
  "range",
  "start",
  "end",
  "src",
  "dst",
  "dstPort",
  "protocol",
  "action",
] as const satisfies readonly (keyof TrafficParams)[];

/**
 * The given keys of a view as URL params, in that order (equal views, equal URLs); start and end only
 * for a custom range. Shared by the traffic panels and the flow explorer's APIs.
 */
export function viewParams<S extends { range: string }>(
  state: S,
  keys: readonly (keyof S)[],
): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of keys) {
    const value = state[key];
    if (value === undefined) continue;
    if ((key === "start" || key === "end") && state.range !== "custom") continue;
    search.set(String(key), String(value));
  }
  return search;
}

/** The URL a panel fetches: the page's params plus the panel's own. */
export function panelUrl(request: PanelRequest): string {
  const search = viewParams(request, PARAM_KEYS);
  search.set("panel", request.panel);
  if (request.panel === "timeseries") {
    search.set("metric", request.metric);
  } else {
    search.set("dimension", request.dimension);
    search.set("metric", request.metric);
    if (request.limit !== undefined) search.set("limit", String(request.limit));
  }
  return `${PANEL_API_PATH}?${search.toString()}`;
}
