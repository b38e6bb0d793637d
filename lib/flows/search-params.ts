import { createParser, createSerializer, parseAsStringLiteral } from "nuqs/server";
import { checkExpertFilter } from "@/lib/insights/expert-filter";
import { portRange } from "@/lib/insights/port-range";
import { TOP_DIMENSIONS, type TopDimension } from "@/lib/traffic/contract";
import { viewParams } from "@/lib/traffic/panel-url";
import { type TrafficPageState, trafficParsers } from "@/lib/traffic/search-params";
import { FLOWS_EXPORT_PATH, FLOWS_RECORDS_PATH } from "./contract";
import { tcpFlagMask } from "./flow-row";

export const FLOW_ACTIONS = ["REJECT", "ACCEPT", "ANY"] as const;
export const LOG_STATUSES = ["OK", "NODATA", "SKIPDATA"] as const;
export const FLOW_VIEWS = ["table", "group"] as const;
export const FLOW_DIRECTIONS = ["ingress", "egress"] as const;

/** Everything the flows page's URL holds; the scope, range and address keys are the traffic page's. */
export type FlowsPageState = Pick<
  TrafficPageState,
  "region" | "vpc" | "subnet" | "eni" | "range" | "start" | "end" | "src" | "dst" | "protocol"
> & {
  action: (typeof FLOW_ACTIONS)[number];
  srcPort?: string;
  dstPort?: string;
  logStatus?: (typeof LOG_STATUSES)[number];
  /** The richer fields (format v3+); the compiler says when the flow log's format lacks one. */
  flowDirection?: (typeof FLOW_DIRECTIONS)[number];
  tcpFlags?: number;
  srcService?: string;
  dstService?: string;
  /** traffic-path code (1–8) and packet-level addresses (format v3+/v5). */
  trafficPath?: number;
  /** An instance id or Name tag, resolved server-side to its interfaces. */
  instance?: string;
  pktSrc?: string;
  pktDst?: string;
  /** Expert mode: a Logs Insights `filter` expression (lib/insights/expert-filter.ts). */
  q?: string;
  view: (typeof FLOW_VIEWS)[number];
  group: TopDimension;
};

const flagMask = createParser({
  parse: (v) => {
    const mask = tcpFlagMask(v);
    return mask === undefined ? null : mask;
  },
  serialize: (v: number) => String(v),
});

const service = createParser({
  parse: (v) => (/^[A-Z][A-Z0-9_]{0,63}$/.test(v.trim()) ? v.trim() : null),
  serialize: (v: string) => v,
});

const trafficPathCode = createParser({
  parse: (v) => (/^\d{1,3}$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 255 ? Number(v) : null),
  serialize: (v: number) => String(v),
});

const expertText = createParser({
  parse: (v) => (checkExpertFilter(v).ok ? v : null),
  serialize: (v: string) => v,
});

const portText = createParser({
  parse: (v) => (portRange(v.trim()) ? v.trim() : null),
  serialize: (v: string) => v,
});

/** The keys the flows page adds to (or reads differently from) the traffic page's parsers. */
export const flowsOnlyParsers = {
  action: parseAsStringLiteral(FLOW_ACTIONS).withDefault("REJECT"),
  srcPort: portText,
  dstPort: portText,
  logStatus: parseAsStringLiteral(LOG_STATUSES),
  flowDirection: parseAsStringLiteral(FLOW_DIRECTIONS),
  tcpFlags: flagMask,
  srcService: service,
  dstService: service,
  trafficPath: trafficPathCode,
  instance: createParser({
    parse: (v) => (/^[\w .:/@+=-]{1,128}$/.test(v.trim()) ? v.trim() : null),
    serialize: (v: string) => v,
  }),
  pktSrc: trafficParsers.src,
  pktDst: trafficParsers.dst,
  q: expertText,
  view: parseAsStringLiteral(FLOW_VIEWS).withDefault("table"),
  group: parseAsStringLiteral(TOP_DIMENSIONS).withDefault("sources"),
};

export const FLOWS_PARAM_RULES: Record<keyof typeof flowsOnlyParsers, string> = {
  action: `must be one of ${FLOW_ACTIONS.join(", ")}`,
  srcPort: 'must be a port or a range "from-to" such as 22 or 1024-65535',
  dstPort: 'must be a port or a range "from-to" such as 22 or 1024-65535',
  logStatus: `must be one of ${LOG_STATUSES.join(", ")}`,
  flowDirection: `must be one of ${FLOW_DIRECTIONS.join(", ")}`,
  tcpFlags: "must be flag names such as SYN or SYN ACK, or a bit mask from 1 to 255",
  srcService: "must be an AWS service code such as S3 or DYNAMODB",
  dstService: "must be an AWS service code such as S3 or DYNAMODB",
  instance: "must be an instance id (i-…) or Name tag (letters, digits, spaces and . : / @ + = - _)",
  trafficPath: "must be a traffic-path code from 1 to 255 (1 = same VPC, 8 = VPC peering)",
  pktSrc: "must be an IP address or CIDR block such as 10.0.1.5 or 10.0.0.0/16",
  pktDst: "must be an IP address or CIDR block such as 10.0.1.5 or 10.0.0.0/16",
  q: "must be a Logs Insights filter expression on flow-log fields, such as dstPort = 22",
  view: `must be one of ${FLOW_VIEWS.join(", ")}`,
  group: `must be one of ${TOP_DIMENSIONS.join(", ")}`,
};

const { action: _a, dstPort: _d, metric: _m, top: _t, topBy: _b, ...shared } = trafficParsers;
const serialize = createSerializer({ ...shared, ...flowsOnlyParsers });

/** The flows page for `state` changed by `patch`; keys in a stable order, defaults left out. */
export function flowsHref(state: FlowsPageState, patch: Partial<FlowsPageState> = {}): string {
  const { start, end, ...rest } = { ...state, ...patch };
  const custom = rest.range === "custom" ? { start, end } : {};
  return `/flows${serialize({ ...rest, ...custom })}`;
}

const API_KEYS = [
  "region",
  "vpc",
  "subnet",
  "eni",
  "range",
  "start",
  "end",
  "src",
  "dst",
  "srcPort",
  "dstPort",
  "protocol",
  "logStatus",
  "flowDirection",
  "tcpFlags",
  "srcService",
  "dstService",
  "trafficPath",
  "instance",
  "pktSrc",
  "pktDst",
  "q",
] as const satisfies readonly (keyof FlowsPageState)[];

/** The filter as the records and export APIs take it (`action=ANY` is no action filter). */
export function recordsParams(state: FlowsPageState): URLSearchParams {
  const search = viewParams(state, API_KEYS);
  if (state.action !== "ANY") search.set("action", state.action);
  return search;
}

export const recordsUrl = (state: FlowsPageState): string =>
  `${FLOWS_RECORDS_PATH}?${recordsParams(state).toString()}`;

export function exportUrl(state: FlowsPageState, format: "csv" | "json"): string {
  const search = recordsParams(state);
  search.set("format", format);
  return `${FLOWS_EXPORT_PATH}?${search.toString()}`;
}

const CARRIED = ["region", "vpc", "subnet", "eni", "range", "start", "end"] as const;

/** The scope and range keys of a traffic-page patch (scope picker, range bar), for a flows link. */
export function carriedPatch(patch: Partial<TrafficPageState>): Partial<FlowsPageState> {
  return Object.fromEntries(CARRIED.filter((key) => key in patch).map((key) => [key, patch[key]]));
}

/** The flows state as the traffic page's shared scope and range components read it. */
export function asTrafficState(state: FlowsPageState & { vpc: string }) {
  const { region, vpc, subnet, eni, range, start, end } = state;
  return {
    region,
    vpc,
    subnet,
    eni,
    range,
    start,
    end,
    metric: "bytes",
    top: "sources",
    topBy: "bytes",
  } as const;
}

/**
 * The next page of a capped result: the same filter over the older part of the window, up to the oldest
 * record shown (its second included, so records sharing it are not skipped; a few rows repeat).
 */
export function olderHref(
  state: FlowsPageState,
  windowStart: number,
  oldestShown: number,
): string | undefined {
  const end = Math.floor(oldestShown / 1000) * 1000 + 1000;
  if (end <= windowStart) return undefined;
  return flowsHref(state, { range: "custom", start: windowStart, end });
}
