/**
 * The demo's flow logs, their delivery roles and the traffic the security groups alone do not imply.
 * Planted fault (f): staging-app-1-all delivers with flowscope-demo-staging-flow-logs, a role whose
 * trust policy names ec2.amazonaws.com instead of vpc-flow-logs.amazonaws.com.
 */
import { DEFAULT_FIELD_NAMES } from "../../lib/flow/format";
import type { FlowLogSpec, RoleSpec, TrafficSpec } from "./demo-spec";

/** A version-5 custom format for troubleshooting rejects: where, which way, which path, which flags. */
// biome-ignore format: one field list
export const REJECT_TRIAGE_FIELDS = [
  "version", "account-id", "vpc-id", "subnet-id", "instance-id", "interface-id", "srcaddr", "dstaddr",
  "srcport", "dstport", "protocol", "packets", "bytes", "start", "end", "action", "tcp-flags",
  "flow-direction", "traffic-path", "pkt-srcaddr", "pkt-dstaddr", "log-status",
] as const;

export const DELIVERY_ROLE_NAME = "flowscope-demo-flow-logs";
export const BROKEN_ROLE_NAME = "flowscope-demo-staging-flow-logs";
export const FLOW_LOGS_SERVICE = "vpc-flow-logs.amazonaws.com";

export const DEMO_ROLES: RoleSpec[] = [
  {
    name: DELIVERY_ROLE_NAME,
    description: "Lets VPC Flow Logs publish the Flowscope demo flow logs to CloudWatch Logs",
    trustedService: FLOW_LOGS_SERVICE,
  },
  {
    name: BROKEN_ROLE_NAME,
    description: "Copied from an instance role for the staging debug log; its trust policy was never changed",
    trustedService: "ec2.amazonaws.com",
  },
];

export const DEMO_FLOW_LOGS: FlowLogSpec[] = [
  {
    key: "prod-vpc-all",
    resource: { vpc: "prod" },
    trafficType: "ALL",
    logGroupName: "/flowscope/demo/prod-vpc",
    fields: DEFAULT_FIELD_NAMES,
    maxAggregationInterval: 600,
    role: DELIVERY_ROLE_NAME,
  },
  {
    key: "staging-public-a-reject",
    resource: { subnet: "staging-public-a" },
    trafficType: "REJECT",
    logGroupName: "/flowscope/demo/staging-public-a-rejects",
    fields: REJECT_TRIAGE_FIELDS,
    maxAggregationInterval: 60,
    role: DELIVERY_ROLE_NAME,
  },
  {
    key: "prod-bastion-reject",
    resource: { instance: "prod-bastion" },
    trafficType: "REJECT",
    logGroupName: "/flowscope/demo/prod-bastion-rejects",
    fields: REJECT_TRIAGE_FIELDS,
    maxAggregationInterval: 60,
    role: DELIVERY_ROLE_NAME,
  },
  {
    key: "staging-app-1-all",
    resource: { instance: "staging-app-1" },
    trafficType: "ALL",
    logGroupName: "/flowscope/demo/staging-app-1",
    fields: DEFAULT_FIELD_NAMES,
    maxAggregationInterval: 60,
    role: BROKEN_ROLE_NAME,
  },
];

export const DEMO_TRAFFIC: TrafficSpec[] = [
  {
    from: { group: "alb-sg" },
    to: { group: "app-sg" },
    protocol: "tcp",
    port: 8081,
    ratePerMinute: 2,
    description: "prod-alb's target-group health checks (GET /healthz on the management port, every 30 s)",
  },
  {
    from: { internet: true },
    to: { instance: "prod-web-legacy" },
    protocol: "tcp",
    port: 443,
    ratePerMinute: 0.5,
    dailyRhythm: true,
    description: "Visitors of the old marketing site, whose DNS still names prod-web-legacy",
  },
];
