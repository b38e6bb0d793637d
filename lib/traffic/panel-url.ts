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

/** The URL a panel fetches: the page's params plus the panel's own, in a stable order (equal views, equal URLs). */
export function panelUrl(request: PanelRequest): string {
  const search = new URLSearchParams();
  for (const key of PARAM_KEYS) {
    const value = request[key];
    if (value === undefined) continue;
    if ((key === "start" || key === "end") && request.range !== "custom") continue;
    search.set(key, String(value));
  }
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
