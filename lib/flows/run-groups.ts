import "server-only";
import { loadTrafficScope } from "@/lib/aws/traffic-scope";
import type { PanelEvent, RankMetric, TopDimension } from "@/lib/traffic/contract";
import type { ParsedPanelRequest, TimeWindow } from "@/lib/traffic/request";
import { type PanelContext, runPanel } from "@/lib/traffic/run-panel";
import { GROUP_LIMIT } from "./groups";
import { expertWithInstance } from "./instance";
import type { RecordsRequest } from "./request";
import { recordsFilters } from "./run-records";

/**
 * Counts by one dimension for the flow explorer's whole filter: the traffic page's top panel (same
 * planning, cache, joining and enrichment) with every filter of the records API, the expert expression and
 * the instance's interfaces. Ranked by rejected flows when the filter is REJECT, else by flows.
 */
export async function runGroups(
  request: RecordsRequest,
  window: TimeWindow,
  dimension: TopDimension,
  ctx: PanelContext,
): Promise<PanelEvent> {
  let expert = request.q;
  if (request.instance !== undefined) {
    const target = { vpcId: request.vpc, subnetId: request.subnet, eniId: request.eni };
    const { inventory } = await loadTrafficScope(ctx.ec2, request.region, target);
    const withExpert = expertWithInstance(inventory, request);
    if (!withExpert.ok) return withExpert.event;
    expert = withExpert.expert;
  }
  const metric: RankMetric = request.action === "REJECT" ? "rejectedFlows" : "flows";
  const panel: ParsedPanelRequest = {
    region: request.region,
    vpc: request.vpc,
    subnet: request.subnet,
    eni: request.eni,
    range: request.range,
    start: request.start,
    end: request.end,
    panel: "top",
    dimension,
    metric,
    limit: GROUP_LIMIT,
  };
  return runPanel(panel, window, ctx, {
    filters: recordsFilters(request),
    ...(expert !== undefined && { expert }),
  });
}
