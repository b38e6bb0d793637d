import { DAY, type DemoContext, type Ec2Item, mustGet } from "./demo-context";
import { type FlowLogTarget, generateFlowEvents } from "./demo-events";
import type { DemoInterface } from "./demo-interfaces";
import type { DemoNetwork } from "./demo-network";
import type { WorldIam, WorldLogGroup } from "./types";

/** The default format's fields (flow-log-records.md §1), in order. */
// biome-ignore format: one field list
export const DEFAULT_FORMAT_FIELDS = [
  "version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport",
  "protocol", "packets", "bytes", "start", "end", "action", "log-status",
] as const;

/** A version-5 custom format for troubleshooting rejects: where, which way, which path, which flags. */
// biome-ignore format: one field list
export const STAGING_REJECT_FIELDS = [
  "version", "account-id", "vpc-id", "subnet-id", "instance-id", "interface-id", "srcaddr", "dstaddr",
  "srcport", "dstport", "protocol", "packets", "bytes", "start", "end", "action", "tcp-flags",
  "flow-direction", "traffic-path", "pkt-srcaddr", "pkt-dstaddr", "log-status",
] as const;

// biome-ignore format: grouped by version
const FIELD_VERSIONS: Record<string, number> = {
  "vpc-id": 3, "subnet-id": 3, "instance-id": 3, "tcp-flags": 3, type: 3, "pkt-srcaddr": 3, "pkt-dstaddr": 3,
  region: 4, "az-id": 4, "sublocation-type": 4, "sublocation-id": 4,
  "pkt-src-aws-service": 5, "pkt-dst-aws-service": 5, "flow-direction": 5, "traffic-path": 5,
};

/** `${a} ${b} …`, the LogFormat string DescribeFlowLogs returns. */
export const logFormat = (fields: readonly string[]): string => fields.map((f) => `\${${f}}`).join(" ");
/** The record's `version`: the highest version among the selected fields (2 at least). */
export const formatVersion = (fields: readonly string[]): number =>
  Math.max(2, ...fields.map((f) => FIELD_VERSIONS[f] ?? 2));

export interface FlowLogSpec {
  /** Also the flow log's Name tag. */
  key: string;
  resource: { type: "vpc" | "subnet"; key: string };
  trafficType: "ACCEPT" | "REJECT" | "ALL";
  logGroupName: string;
  fields: readonly string[];
  maxAggregationInterval: 60 | 600;
}

export const DEMO_FLOW_LOGS: FlowLogSpec[] = [
  {
    key: "prod-vpc-all",
    resource: { type: "vpc", key: "prod" },
    trafficType: "ALL",
    logGroupName: "/flowscope/demo/prod-vpc",
    fields: DEFAULT_FORMAT_FIELDS,
    maxAggregationInterval: 600,
  },
  {
    key: "staging-public-a-reject",
    resource: { type: "subnet", key: "staging-public-a" },
    trafficType: "REJECT",
    logGroupName: "/flowscope/demo/staging-public-a-rejects",
    fields: STAGING_REJECT_FIELDS,
    maxAggregationInterval: 60,
  },
];

export const DELIVERY_ROLE_NAME = "flowscope-demo-flow-logs";

export interface DemoFlowLogs {
  flowLogs: Ec2Item<"FlowLogs">[];
  roles: NonNullable<WorldIam["Roles"]>;
  logs: WorldLogGroup[];
}

export function buildFlowLogs(
  ctx: DemoContext,
  net: DemoNetwork,
  interfaces: DemoInterface[],
  specs: FlowLogSpec[] = DEMO_FLOW_LOGS,
): DemoFlowLogs {
  const role = deliveryRole(ctx);
  const roleArn = role.Arn ?? "";
  const resources = new Map<string, string>();
  const targets: FlowLogTarget[] = specs.map((spec) => {
    const id =
      spec.resource.type === "vpc" ? net.vpc(spec.resource.key).id : net.subnet(spec.resource.key).id;
    resources.set(spec.key, id);
    const covers = interfaces.filter((i) => i.subnet.id === id || i.subnet.vpc.id === id).map((i) => i.eniId);
    const fields = [...spec.fields];
    return { key: spec.key, fields, version: formatVersion(fields), trafficType: spec.trafficType, covers };
  });
  const events = generateFlowEvents(ctx, interfaces, targets);
  const flowLogs = specs.map((spec): Ec2Item<"FlowLogs"> => {
    const rng = ctx.rng(`created:${spec.key}`);
    return {
      CreationTime: ctx.timeBefore(rng.int(3, 30) * DAY + rng.int(0, DAY - 1), true),
      DeliverLogsPermissionArn: roleArn,
      DeliverLogsStatus: "SUCCESS",
      FlowLogId: ctx.ids.id("fl", spec.key),
      FlowLogStatus: "ACTIVE",
      LogGroupName: spec.logGroupName,
      ResourceId: mustGet(resources, spec.key, "flow log"),
      TrafficType: spec.trafficType,
      LogDestinationType: "cloud-watch-logs",
      LogDestination: ctx.arn("logs", `log-group:${spec.logGroupName}`),
      LogFormat: logFormat(spec.fields),
      MaxAggregationInterval: spec.maxAggregationInterval,
      Tags: [{ Key: "Name", Value: spec.key }],
    };
  });
  const logs = specs.map((spec) => ({
    logGroupName: spec.logGroupName,
    streams: [...mustGet(events, spec.key, "flow log").entries()].map(([eniId, streamEvents]) => ({
      logStreamName: `${eniId}-all`,
      events: streamEvents,
    })),
  }));
  return { flowLogs, roles: [role], logs };
}

const TRUST_POLICY = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { Service: "vpc-flow-logs.amazonaws.com" }, Action: "sts:AssumeRole" },
  ],
};

const ROLE_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** The CloudWatch Logs delivery role (create-flow-logs.md §5.2) that both flow logs use. */
function deliveryRole(ctx: DemoContext): NonNullable<WorldIam["Roles"]>[number] {
  const rng = ctx.rng(`role:${DELIVERY_ROLE_NAME}`);
  const suffix = Array.from({ length: 17 }, () => rng.pick([...ROLE_ID_ALPHABET])).join("");
  return {
    Path: "/",
    RoleName: DELIVERY_ROLE_NAME,
    RoleId: `AROA${suffix}`,
    Arn: `arn:aws:iam::${ctx.accountId}:role/${DELIVERY_ROLE_NAME}`,
    CreateDate: ctx.timeBefore(rng.int(40, 60) * DAY + rng.int(0, DAY - 1)),
    // Decoded, as `aws iam get-role` prints it (the SDK itself returns it URL-encoded).
    AssumeRolePolicyDocument: structuredClone(TRUST_POLICY),
    Description: "Lets VPC Flow Logs publish the Flowscope demo flow logs to CloudWatch Logs",
    MaxSessionDuration: 3600,
  };
}
