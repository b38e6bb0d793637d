import { toLogFormat } from "../flow/format";
import type { AggregateShape, FlowFilters, FlowQuery, FlowScope, RecordsShape } from "./schema";

/** A LogFormat from field names as the AWS examples list them, space separated. */
const logFormat = (names: string): string => toLogFormat(names.split(" "));

/** The v3 TCP-flag format of flow-log-records.md §10.5 (bytes before packets). */
export const V3_LOG_FORMAT = logFormat(
  "version vpc-id subnet-id instance-id interface-id account-id type srcaddr dstaddr srcport dstport pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags log-status",
);

/** The v5 format of flow-log-records.md §10.8. */
export const V5_LOG_FORMAT = logFormat(
  "version srcaddr dstaddr srcport dstport protocol start end type packets bytes account-id vpc-id subnet-id instance-id interface-id region az-id sublocation-type sublocation-id action tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service pkt-dst-aws-service traffic-path flow-direction log-status",
);

/** A v3 format without vpc-id or subnet-id: scope must go through interface ids. */
export const NO_VPC_LOG_FORMAT = logFormat(
  "version interface-id srcaddr dstaddr srcport dstport protocol packets bytes action tcp-flags log-status",
);

/** The NAT-gateway example format of §10.6: no log-status, no action. */
export const NAT_LOG_FORMAT = logFormat("instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr");

export const T0 = Date.UTC(2025, 0, 1);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const VPC = "vpc-0123456789abcdef0";
export const ENI = "eni-0123456789abcdef0";

export const records = (over: Partial<RecordsShape> = {}): RecordsShape => ({
  kind: "records",
  limit: 100,
  ...over,
});

export const aggregate = (over: Partial<AggregateShape> = {}): AggregateShape => ({
  kind: "aggregate",
  groupBy: [],
  metrics: ["bytes"],
  limit: 100,
  ...over,
});

/** A valid query over one day with no scope and no filters, with parts replaced. */
export function flowQuery(
  parts: { filters?: FlowFilters; scope?: FlowScope; shape?: FlowQuery["shape"]; hours?: number } = {},
): FlowQuery {
  return {
    timeRange: { start: T0, end: T0 + (parts.hours ?? 24) * HOUR },
    scope: parts.scope ?? {},
    filters: parts.filters ?? {},
    shape: parts.shape ?? records(),
  };
}

/**
 * The query's structure: string literals replaced by `"…"`, read as Insights' lexer does (`\`
 * escapes the next character). A value that breaks out of its literal changes the skeleton.
 */
export function skeleton(query: string): string {
  let out = "";
  for (let i = 0; i < query.length; i++) {
    const ch = query[i];
    if (ch !== '"') {
      out += ch;
      continue;
    }
    i++;
    while (i < query.length && query[i] !== '"') i += query[i] === "\\" ? 2 : 1;
    out += '"…"';
  }
  return out;
}

/** The commands of a query: split on `|` outside string literals, each named by its first word. */
export const commandNames = (query: string): string[] =>
  skeleton(query)
    .split("|")
    .map((command) => command.trim().split(/\s/)[0] ?? "");
