import {
  type AggregateShape,
  chooseBin,
  type FlowFilters,
  type FlowFormat,
  type GroupKey,
  MAX_ROWS,
} from "@/lib/insights";
import type { RankMetric, SeriesMetric, TopDimension } from "./contract";
import type { ParsedPanelRequest, TimeWindow } from "./request";

const MINUTE = 60_000;

const alignTo = (window: TimeWindow, step: number): TimeWindow => {
  const start = Math.floor(window.start / step) * step;
  return { start, end: Math.max(Math.ceil(window.end / step) * step, start + step) };
};

/**
 * The window on whole bins (timeseries) or minutes (top), so viewers seconds apart send the same
 * query and share the cached result. Re-aligning can widen the window past a bin threshold, so the
 * bin is chosen again until it holds.
 */
export function alignWindow(
  window: TimeWindow,
  panel: "timeseries" | "top",
): { window: TimeWindow; binMs: number } {
  let aligned = alignTo(window, MINUTE);
  if (panel === "top") return { window: aligned, binMs: MINUTE };
  let bin = chooseBin("auto", aligned).ms;
  for (let i = 0; i < 4; i += 1) {
    aligned = alignTo(window, bin);
    const next = chooseBin("auto", aligned).ms;
    if (next === bin) break;
    bin = next;
  }
  return { window: aligned, binMs: bin };
}

/** The request's filters (a top-talker click adds them) as the compiler takes them. */
export function panelFilters(request: ParsedPanelRequest): FlowFilters {
  return {
    ...(request.src !== undefined && { srcAddr: request.src }),
    ...(request.dst !== undefined && { dstAddr: request.dst }),
    ...(request.dstPort !== undefined && { dstPort: request.dstPort }),
    ...(request.protocol !== undefined && { protocol: [request.protocol] }),
    ...(request.action !== undefined && { action: request.action }),
  };
}

export const hasFilters = (request: ParsedPanelRequest): boolean =>
  Object.keys(panelFilters(request)).length > 0;

/** Accepted and rejected per bin. */
export function seriesShape(metric: SeriesMetric): AggregateShape {
  return { kind: "aggregate", groupBy: ["action"], metrics: [metric], bin: "auto", limit: MAX_ROWS };
}

const DIMENSION_KEYS: Readonly<Record<TopDimension, GroupKey[]>> = {
  sources: ["srcAddr"],
  destinations: ["dstAddr"],
  pairs: ["pair"],
  dstPorts: ["dstPort"],
  interfaces: ["interfaceId"],
};

/** The address keys whose AWS service the format can tell (pkt-*-aws-service, v5). */
function serviceKeys(dimension: TopDimension, format: FlowFormat): GroupKey[] {
  const src = dimension === "sources" || dimension === "pairs";
  const dst = dimension === "destinations" || dimension === "pairs";
  return [
    ...(src && format.hasField("pkt-src-aws-service") ? (["pktSrcAwsService"] as const) : []),
    ...(dst && format.hasField("pkt-dst-aws-service") ? (["pktDstAwsService"] as const) : []),
  ];
}

/** Every metric a top row shows, ordered by the one asked for. */
export function topShape(
  dimension: TopDimension,
  metric: RankMetric,
  limit: number,
  format: FlowFormat,
): AggregateShape {
  return {
    kind: "aggregate",
    groupBy: [...DIMENSION_KEYS[dimension], ...serviceKeys(dimension, format)],
    metrics: ["bytes", "packets", "flows", "rejectedFlows"],
    orderBy: metric,
    limit,
  };
}
