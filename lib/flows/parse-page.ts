import { checkExpertFilter, expertFilterMessage } from "@/lib/insights/expert-filter";
import { parseTrafficPage, type RawSearchParams } from "@/lib/traffic/parse-page";
import { FLOWS_PARAM_RULES, type FlowsPageState, flowsOnlyParsers } from "./search-params";

export type ParsedFlowsPage =
  | { ok: true; state: FlowsPageState }
  | { ok: false; field: string; value?: string; message: string };

const first = (v: string | string[] | undefined): string | undefined => {
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s.trim() === "" ? undefined : s;
};

const OWN_KEYS = [...Object.keys(flowsOnlyParsers), "metric", "top", "topBy"];

/**
 * The flows page's URL → its state, or the first bad parameter. Scope, range and addresses go through
 * the traffic page's parser (same rules, same messages); a value that does not parse is never dropped.
 */
export function parseFlowsPage(raw: RawSearchParams, now?: number): ParsedFlowsPage {
  const shared = Object.fromEntries(Object.entries(raw).filter(([key]) => !OWN_KEYS.includes(key)));
  const base = parseTrafficPage(shared, now);
  if (!base.ok) return base;
  const own: Record<string, unknown> = {};
  for (const [key, parser] of Object.entries(flowsOnlyParsers)) {
    const text = first(raw[key]);
    if (text === undefined) continue;
    const value = parser.parse(text);
    if (value === null) {
      const rule = FLOWS_PARAM_RULES[key as keyof typeof FLOWS_PARAM_RULES];
      const check = key === "q" ? checkExpertFilter(text) : undefined;
      const detail = check && !check.ok ? ` (${expertFilterMessage(check)})` : "";
      return { ok: false, field: key, value: text, message: `${key} ${rule}${detail}` };
    }
    own[key] = value;
  }
  const { region, vpc, subnet, eni, range, start, end, src, dst, protocol } = base.state;
  const state: FlowsPageState = {
    region,
    vpc,
    subnet,
    eni,
    range,
    start,
    end,
    src,
    dst,
    protocol,
    action: (own.action as FlowsPageState["action"] | undefined) ?? "REJECT",
    srcPort: own.srcPort as string | undefined,
    dstPort: own.dstPort as string | undefined,
    logStatus: own.logStatus as FlowsPageState["logStatus"],
    flowDirection: own.flowDirection as FlowsPageState["flowDirection"],
    tcpFlags: own.tcpFlags as number | undefined,
    srcService: own.srcService as string | undefined,
    dstService: own.dstService as string | undefined,
    trafficPath: own.trafficPath as number | undefined,
    instance: own.instance as string | undefined,
    pktSrc: own.pktSrc as string | undefined,
    pktDst: own.pktDst as string | undefined,
    q: own.q as string | undefined,
    view: (own.view as FlowsPageState["view"] | undefined) ?? "table",
    group: (own.group as FlowsPageState["group"] | undefined) ?? "sources",
  };
  return {
    ok: true,
    state: Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined)) as FlowsPageState,
  };
}
