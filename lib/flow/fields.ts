/** Plain-text records are all strings; this is the field's Parquet type (flow-log-records.md §3). */
export type FlowFieldType = "int32" | "int64" | "string";

export interface FlowLogField {
  /** The field id as written in a LogFormat: `${name}`. */
  name: string;
  /** Flow-log version that introduced the field. */
  version: number;
  type: FlowFieldType;
  description: string;
}

const f = (name: string, version: number, type: FlowFieldType, description: string): FlowLogField => ({
  name,
  version,
  type,
  description,
});

// biome-ignore format: one field per line reads as the reference table
export const FLOW_LOG_FIELDS: readonly FlowLogField[] = [
  f("version", 2, "int32", "Flow log version: the highest version among the format's fields."),
  f("account-id", 2, "string", "AWS account that owns the source network interface."),
  f("interface-id", 2, "string", "Network interface whose traffic is recorded."),
  f("srcaddr", 2, "string", "Source address (for outgoing traffic, the interface's private address)."),
  f("dstaddr", 2, "string", "Destination address (for incoming traffic, the interface's private address)."),
  f("srcport", 2, "int32", "Source port."),
  f("dstport", 2, "int32", "Destination port."),
  f("protocol", 2, "int32", "IANA protocol number."),
  f("packets", 2, "int64", "Packets in the flow during the aggregation interval."),
  f("bytes", 2, "int64", "Bytes in the flow during the aggregation interval."),
  f("start", 2, "int64", "Unix seconds of the first packet in the interval."),
  f("end", 2, "int64", "Unix seconds of the last packet in the interval."),
  f("action", 2, "string", "ACCEPT or REJECT."),
  f("log-status", 2, "string", "OK, NODATA or SKIPDATA."),
  f("vpc-id", 3, "string", "VPC of the network interface."),
  f("subnet-id", 3, "string", "Subnet of the network interface."),
  f("instance-id", 3, "string", "Instance of the network interface, if you own it."),
  f("tcp-flags", 3, "int32", "OR of the TCP flags seen: FIN 1, SYN 2, RST 4, SYN-ACK 18."),
  f("type", 3, "string", "IPv4, IPv6 or EFA."),
  f("pkt-srcaddr", 3, "string", "Source address in the packet (the original source)."),
  f("pkt-dstaddr", 3, "string", "Destination address in the packet (the final destination)."),
  f("region", 4, "string", "Region of the network interface."),
  f("az-id", 4, "string", "Availability Zone ID of the network interface."),
  f("sublocation-type", 4, "string", "wavelength, outpost or localzone."),
  f("sublocation-id", 4, "string", "ID of the sublocation."),
  f("pkt-src-aws-service", 5, "string", "AWS IP-range subset of pkt-srcaddr, when it is an AWS service."),
  f("pkt-dst-aws-service", 5, "string", "AWS IP-range subset of pkt-dstaddr, when it is an AWS service."),
  f("flow-direction", 5, "string", "ingress or egress, relative to the interface."),
  f("traffic-path", 5, "int32", "Path egress traffic takes (1–8)."),
  f("ecs-cluster-arn", 7, "string", "ARN of the ECS cluster."),
  f("ecs-cluster-name", 7, "string", "Name of the ECS cluster."),
  f("ecs-container-instance-arn", 7, "string", "ARN of the ECS container instance."),
  f("ecs-container-instance-id", 7, "string", "ID of the ECS container instance."),
  f("ecs-container-id", 7, "string", "Docker runtime ID of the task's first container."),
  f("ecs-second-container-id", 7, "string", "Docker runtime ID of the task's second container."),
  f("ecs-service-name", 7, "string", "ECS service that started the task."),
  f("ecs-task-definition-arn", 7, "string", "ARN of the ECS task definition."),
  f("ecs-task-arn", 7, "string", "ARN of the ECS task."),
  f("ecs-task-id", 7, "string", "ID of the ECS task."),
  f("reject-reason", 8, "string", "Why traffic was rejected; only BPA (VPC Block Public Access) is documented."),
  // Versions 9–11 come from secondary sources only (flow-log-records.md §3); resource-id is reported as 9 or 10.
  f("resource-id", 9, "string", "Resource the record belongs to (regional NAT gateway flow logs)."),
  f("encryption-status", 10, "int32", "VPC Encryption Controls status: 0 none, 1 Nitro, 2 application, 3 both."),
  f("instance-tag", 11, "string", "Value of the first instance tag key in TagFieldSpecifications."),
  f("instance-tag-2", 11, "string", "Value of the second instance tag key."),
  f("interface-tag", 11, "string", "Value of the first network-interface tag key."),
  f("interface-tag-2", 11, "string", "Value of the second network-interface tag key."),
  f("asg-tag", 11, "string", "Value of the first Auto Scaling group tag key."),
  f("asg-tag-2", 11, "string", "Value of the second Auto Scaling group tag key."),
  f("interface-type", 11, "string", "Type of the recording interface (e.g. nat_gateway)."),
  f("next-hop-interface-id", 11, "string", "Network interface of the next hop."),
  f("next-hop-subnet-id", 11, "string", "Subnet of the next hop."),
  f("next-hop-az-id", 11, "string", "Availability Zone ID of the next hop."),
  f("next-hop-vpc-id", 11, "string", "VPC of the next hop."),
  f("next-hop-interface-type", 11, "string", "Type of the next-hop interface (e.g. vpc-endpoint)."),
];

const BY_NAME = new Map(FLOW_LOG_FIELDS.map((field) => [field.name, field]));

export const flowLogField = (name: string): FlowLogField | undefined => BY_NAME.get(name);

/** The 14 version-2 fields in order: what DescribeFlowLogs reports for a flow log created without LogFormat. */
export const DEFAULT_LOG_FORMAT: string = FLOW_LOG_FIELDS.filter((field) => field.version === 2)
  .map((field) => `\${${field.name}}`)
  .join(" ");

export type LogFormatParse =
  | { ok: true; fields: FlowLogField[] }
  /** `empty`: no field at all; `malformed`: tokens that are not `${name}`; `unknown`: names not in FLOW_LOG_FIELDS. */
  | { ok: false; problem: "empty" | "malformed" | "unknown"; tokens: string[] };

/** Reads a LogFormat (`${field} ${field} …`, space separated) into its fields, in order. */
export function parseLogFormat(format: string): LogFormatParse {
  const tokens = format.split(/\s+/).filter((token) => token !== "");
  if (tokens.length === 0) return { ok: false, problem: "empty", tokens: [] };
  const malformed = tokens.filter((token) => !/^\$\{[^${}\s]+\}$/.test(token));
  if (malformed.length > 0) return { ok: false, problem: "malformed", tokens: malformed };
  const names = tokens.map((token) => token.slice(2, -1));
  const unknown = names.filter((name) => !BY_NAME.has(name));
  if (unknown.length > 0) return { ok: false, problem: "unknown", tokens: unknown.map((n) => `\${${n}}`) };
  return { ok: true, fields: names.flatMap((name) => BY_NAME.get(name) ?? []) };
}

/** The `version` a record in this format carries: the highest version among its fields. */
export const formatVersion = (fields: readonly FlowLogField[]): number =>
  fields.reduce((max, field) => Math.max(max, field.version), 2);
