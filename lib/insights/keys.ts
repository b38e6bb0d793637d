/** The flow-log field (as written in a LogFormat) that each filter reads. */
export const FILTER_FIELDS = {
  action: "action",
  srcAddr: "srcaddr",
  dstAddr: "dstaddr",
  srcPort: "srcport",
  dstPort: "dstport",
  protocol: "protocol",
  logStatus: "log-status",
  tcpFlags: "tcp-flags",
  flowDirection: "flow-direction",
  trafficPath: "traffic-path",
  pktSrcAwsService: "pkt-src-aws-service",
  pktDstAwsService: "pkt-dst-aws-service",
  interfaceId: "interface-id",
  pktSrcAddr: "pkt-srcaddr",
  pktDstAddr: "pkt-dstaddr",
} as const;

export type FilterName = keyof typeof FILTER_FIELDS;

/** The flow-log field behind each group key; `pair` groups by both addresses. */
export const KEY_FIELDS = {
  srcAddr: "srcaddr",
  dstAddr: "dstaddr",
  srcPort: "srcport",
  dstPort: "dstport",
  protocol: "protocol",
  interfaceId: "interface-id",
  action: "action",
  logStatus: "log-status",
  subnetId: "subnet-id",
  vpcId: "vpc-id",
  instanceId: "instance-id",
  flowDirection: "flow-direction",
  trafficPath: "traffic-path",
  pktSrcAddr: "pkt-srcaddr",
  pktDstAddr: "pkt-dstaddr",
  pktSrcAwsService: "pkt-src-aws-service",
  pktDstAwsService: "pkt-dst-aws-service",
} as const;

export type KeyField = keyof typeof KEY_FIELDS;

export const GROUP_KEYS = [...(Object.keys(KEY_FIELDS) as KeyField[]), "pair"] as const;
export type GroupKey = KeyField | "pair";

/** Keys whose values are integers (ports, protocol numbers, path codes). */
export const NUMERIC_KEYS: ReadonlySet<KeyField> = new Set(["srcPort", "dstPort", "protocol", "trafficPath"]);

/** Fields that are `-` on NODATA/SKIPDATA records (flow-log-records.md §10.2). */
export const TUPLE_FIELDS: ReadonlySet<string> = new Set([
  "srcaddr",
  "dstaddr",
  "srcport",
  "dstport",
  "protocol",
  "packets",
  "bytes",
  "action",
]);

export const METRICS = ["bytes", "packets", "flows", "rejectedFlows", "acceptedFlows"] as const;
export type Metric = (typeof METRICS)[number];

/** The alias each metric has in query text: never a flow-log field name, so it cannot shadow one. */
export const METRIC_ALIASES: Readonly<Record<Metric, string>> = {
  bytes: "totalBytes",
  packets: "totalPackets",
  flows: "flows",
  rejectedFlows: "rejected",
  acceptedFlows: "accepted",
};
