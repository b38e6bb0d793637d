import type { TopRow } from "@/lib/traffic/contract";
import { rowFilter } from "@/lib/traffic/filters";
import { panelUrl } from "@/lib/traffic/panel-url";
import type { FlowsPageState } from "./search-params";

export const GROUP_LIMIT = 25;

/** The filter the top panel cannot express yet (it takes one destination port, no source port or status). */
export function groupUnsupported(state: FlowsPageState): string | undefined {
  if (state.srcPort !== undefined) return "source port";
  if (state.dstPort !== undefined && !/^\d+$/.test(state.dstPort)) return "destination port range";
  if (state.logStatus !== undefined) return "log status";
  if (state.flowDirection !== undefined) return "flow direction";
  if (state.tcpFlags !== undefined) return "TCP flags";
  if (state.srcService !== undefined || state.dstService !== undefined) return "AWS service";
  return undefined;
}

/** The traffic page's top panel for the current filter, ranked by flows of the chosen action. */
export function groupPanelUrl(state: FlowsPageState & { vpc: string }): string {
  return panelUrl({
    region: state.region,
    vpc: state.vpc,
    subnet: state.subnet,
    eni: state.eni,
    range: state.range,
    start: state.start,
    end: state.end,
    src: state.src,
    dst: state.dst,
    dstPort: state.dstPort === undefined ? undefined : Number(state.dstPort),
    protocol: state.protocol,
    action: state.action === "ANY" ? undefined : state.action,
    panel: "top",
    dimension: state.group,
    metric: state.action === "REJECT" ? "rejectedFlows" : "packets",
    limit: GROUP_LIMIT,
  });
}

/** What a click on a group adds to the flows filter. */
export function groupDrill(group: FlowsPageState["group"], row: TopRow): Partial<FlowsPageState> | undefined {
  const filter = rowFilter(group, row);
  if (!filter) return undefined;
  const { dstPort, action: _action, ...rest } = filter;
  return { ...rest, ...(dstPort !== undefined && { dstPort: String(dstPort) }) };
}
