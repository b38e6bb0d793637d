import { groupsUrl } from "@/lib/flows/groups";
import { parseFlowsPage } from "@/lib/flows/parse-page";
import { recordsUrl } from "@/lib/flows/search-params";
import { panelUrl } from "@/lib/traffic/panel-url";
import { parseTrafficPage } from "@/lib/traffic/parse-page";

/** A page view as a browser makes it: the page's HTML, then the API calls its client components make. */
export interface PageView {
  name: string;
  page: string;
  apis: string[];
  /** The panels that run Insights queries (one API call each). */
  panels: number;
}

const TOP_LIMIT = 10;

/** The traffic page for `params`, with the chart's and the top talkers' panel URLs (traffic-board.tsx, top-talkers.tsx). */
export function trafficView(params: Record<string, string>): PageView {
  const parsed = parseTrafficPage(params, Date.now());
  if (!parsed.ok) throw new Error(`bad traffic view ${JSON.stringify(params)}: ${parsed.message}`);
  const { metric, top, topBy, ...api } = parsed.state;
  if (!api.vpc) throw new Error("a traffic view needs a VPC");
  const base = { ...api, vpc: api.vpc };
  return {
    name: `traffic ${new URLSearchParams(params).toString()}`,
    page: `/traffic?${new URLSearchParams(params).toString()}`,
    apis: [
      panelUrl({ ...base, panel: "timeseries", metric }),
      panelUrl({ ...base, panel: "top", dimension: top, metric: topBy, limit: TOP_LIMIT }),
    ],
    panels: 2,
  };
}

/** The flows page for `params`: its records table, or its group-by panel (flows-screen.tsx). */
export function flowsView(params: Record<string, string>): PageView {
  const parsed = parseFlowsPage(params, Date.now());
  if (!parsed.ok) throw new Error(`bad flows view ${JSON.stringify(params)}: ${parsed.message}`);
  const state = parsed.state;
  if (!state.vpc) throw new Error("a flows view needs a VPC");
  const api = state.view === "group" ? groupsUrl(state) : recordsUrl(state);
  return {
    name: `flows ${new URLSearchParams(params).toString()}`,
    page: `/flows?${new URLSearchParams(params).toString()}`,
    apis: [api],
    panels: 1,
  };
}

/**
 * What people open, most popular first: the VPC's traffic over the last hour, other ranges and
 * rankings, rejected flows on the demo's problem ports, a group-by. Weighted toward the first ones.
 */
export function viewCatalog(vpcs: { prod: string; staging: string }): { view: PageView; weight: number }[] {
  const t = (weight: number, params: Record<string, string>) => ({ view: trafficView(params), weight });
  const f = (weight: number, params: Record<string, string>) => ({ view: flowsView(params), weight });
  const prod = vpcs.prod;
  return [
    t(10, { vpc: prod, range: "1h" }),
    t(4, { vpc: prod, range: "1h", top: "dstPorts" }),
    t(3, { vpc: prod, range: "6h" }),
    t(2, { vpc: prod, range: "24h", metric: "flows" }),
    t(2, { vpc: prod, range: "1h", action: "REJECT", top: "sources" }),
    t(2, { vpc: vpcs.staging, range: "1h" }),
    f(6, { vpc: prod, range: "1h" }),
    f(3, { vpc: prod, range: "1h", dstPort: "8081" }),
    f(2, { vpc: prod, range: "6h", dstPort: "5432", action: "ANY" }),
    f(2, { vpc: prod, range: "1h", view: "group" }),
    f(1, { vpc: vpcs.staging, range: "1h" }),
  ];
}

/** A view drawn by weight with `random` in [0, 1). */
export function pickView<T>(catalog: readonly { view: T; weight: number }[], random: number): T {
  const total = catalog.reduce((sum, c) => sum + c.weight, 0);
  let left = random * total;
  for (const entry of catalog) {
    left -= entry.weight;
    if (left < 0) return entry.view;
  }
  const last = catalog.at(-1);
  if (!last) throw new Error("empty view catalog");
  return last.view;
}
