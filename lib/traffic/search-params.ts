import { createParser, createSerializer, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { protocolNumber } from "@/lib/flow/protocols";
import { parseCidr } from "@/lib/net/ip";
import {
  SERIES_METRICS,
  type SeriesMetric,
  TIME_RANGES,
  TOP_DIMENSIONS,
  TOP_METRICS,
  type TopDimension,
  type TopMetric,
  type TrafficParams,
} from "./contract";

/** How the page shows the data; not sent to the API as such. */
export type TrafficView = { metric: SeriesMetric; top: TopDimension; topBy: TopMetric };

/** Everything the traffic page's URL holds. `vpc` is missing only before the page picks the first VPC. */
export type TrafficPageState = Omit<TrafficParams, "vpc"> & { vpc?: string } & TrafficView;
export type ResolvedTrafficState = TrafficParams & TrafficView;

export const DEFAULT_VIEW: TrafficView = { metric: "bytes", top: "sources", topBy: "bytes" };
export const DEFAULT_RANGE = "1h";

const awsId = (prefix: string) => {
  // AWS ids carry 8 or 17 hex digits; the panel API (lib/traffic/request.ts) accepts the same.
  const pattern = new RegExp(`^${prefix}-(?:[0-9a-f]{8}|[0-9a-f]{17})$`);
  return createParser({ parse: (v) => (pattern.test(v) ? v : null), serialize: (v: string) => v });
};

const boundedInt = (min: number, max: number) =>
  createParser({
    parse: (v) => {
      if (!/^\d{1,15}$/.test(v)) return null;
      const n = Number(v);
      return n >= min && n <= max ? n : null;
    },
    serialize: (v: number) => String(v),
  });

const ipOrCidr = createParser({
  parse: (v) => (parseCidr(v) ? v.trim() : null),
  serialize: (v: string) => v,
});

const protocol = createParser({
  parse: (v) => {
    const n = protocolNumber(v);
    return n !== undefined && n >= 0 ? n : null;
  },
  serialize: (v: number) => String(v),
});

/**
 * One parser per URL key, shared by the server page and the client components that build links.
 * No NuqsAdapter or useQueryStates: every change is a navigation, so the server page re-validates the
 * whole URL and re-renders the scope pickers; the panels read their state from its props.
 */
export const trafficParsers = {
  region: parseAsString,
  vpc: awsId("vpc"),
  subnet: awsId("subnet"),
  eni: awsId("eni"),
  range: parseAsStringLiteral(TIME_RANGES).withDefault(DEFAULT_RANGE),
  start: boundedInt(0, 8_640_000_000_000),
  end: boundedInt(0, 8_640_000_000_000),
  src: ipOrCidr,
  dst: ipOrCidr,
  dstPort: boundedInt(0, 65_535),
  protocol,
  action: parseAsStringLiteral(["ACCEPT", "REJECT"] as const),
  metric: parseAsStringLiteral(SERIES_METRICS).withDefault(DEFAULT_VIEW.metric),
  top: parseAsStringLiteral(TOP_DIMENSIONS).withDefault(DEFAULT_VIEW.top),
  topBy: parseAsStringLiteral(TOP_METRICS).withDefault(DEFAULT_VIEW.topBy),
};

export type TrafficKey = keyof typeof trafficParsers;

/** What each key must look like, for the message that names a bad parameter. */
export const PARAM_RULES: Record<TrafficKey, string> = {
  region: "must be an AWS region name such as us-east-1",
  vpc: "must be a VPC id such as vpc-0a1b2c3d4e5f60718",
  subnet: "must be a subnet id such as subnet-0a1b2c3d4e5f60718",
  eni: "must be a network interface id such as eni-0a1b2c3d4e5f60718",
  range: `must be one of ${TIME_RANGES.join(", ")}`,
  start: "must be a time in epoch milliseconds",
  end: "must be a time in epoch milliseconds",
  src: "must be an IP address or CIDR block such as 10.0.1.5 or 10.0.0.0/16",
  dst: "must be an IP address or CIDR block such as 10.0.1.5 or 10.0.0.0/16",
  dstPort: "must be a port number from 0 to 65535",
  protocol: "must be a protocol number from 0 to 255 or a name such as tcp",
  action: "must be ACCEPT or REJECT",
  metric: `must be one of ${SERIES_METRICS.join(", ")}`,
  top: `must be one of ${TOP_DIMENSIONS.join(", ")}`,
  topBy: `must be one of ${TOP_METRICS.join(", ")}`,
};

/** A link for a time range change; the range bar builds its links with it. */
export type RangeHref = (patch: Pick<TrafficPageState, "range" | "start" | "end">) => string;

const serialize = createSerializer(trafficParsers);

/** The query string of a page state ("?vpc=…&range=6h"), keys in a stable order, defaults left out. */
export function trafficQuery(state: TrafficPageState): string {
  const { start, end, ...rest } = state;
  const custom = state.range === "custom" ? { start, end } : {};
  return serialize({ ...rest, ...custom });
}

/** A link to the traffic page for `state` changed by `patch` (a key set to undefined is removed). */
export function trafficHref(state: TrafficPageState, patch: Partial<TrafficPageState> = {}): string {
  return `/traffic${trafficQuery({ ...state, ...patch })}`;
}
