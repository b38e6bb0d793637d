/**
 * What the demo world contains, as data: the builders turn a DemoSpec into AWS shapes. The rows live
 * in demo-spec-prod*.ts, demo-spec-staging.ts and demo-spec-logs.ts; `--scale` adds generated VPCs
 * (demo-spec-scale.ts). Keys double as Name tags and as the names ids are derived from.
 */
import type { NetworkAclEntry } from "@aws-sdk/client-ec2";
import type { CliShape } from "./types";

export interface AzSpec {
  name: string;
  id: string;
}

export const AZ_A: AzSpec = { name: "us-east-1a", id: "use1-az1" };
export const AZ_B: AzSpec = { name: "us-east-1b", id: "use1-az2" };
export const AZ_C: AzSpec = { name: "us-east-1c", id: "use1-az4" };

/** public: routed to the internet gateway; app: private, egress through NAT; db: no internet at all. */
export type Tier = "public" | "app" | "db";

export interface SubnetSpec {
  key: string;
  tier: Tier;
  az: AzSpec;
  cidr: string;
}

export interface VpcSpec {
  /** Also the VPC's Name tag and its Environment tag. */
  key: string;
  cidr: string;
  subnets: SubnetSpec[];
  /** Public subnets that hold a NAT gateway each. */
  natSubnets: string[];
  /** Where the VPC's public addresses come from. Default ADDRESS_POOLS.awsPublic. */
  publicPool?: string;
}

export interface PrefixListSpec {
  key: string;
  name: string;
  /** AWS-managed lists have fixed, well-known ids and no entry limit of the account's. */
  awsManaged?: { id: string };
  maxEntries?: number;
  entries: { Cidr: string; Description?: string }[];
}

export interface GatewayEndpointSpec {
  key: string;
  vpc: string;
  /** The prefix list its routes point at. */
  prefixList: string;
}

export type RouteSpec =
  | { cidr: string; igw: true }
  | { cidr: string; nat: string }
  | { prefixList: string; endpoint: string };

export interface RouteTableSpec {
  /** Also the Name tag. */
  key: string;
  vpc: string;
  subnets: string[];
  /** Besides the local route, which every table has. */
  routes: RouteSpec[];
}

export interface NaclSpec {
  /** Also the Name tag. */
  key: string;
  vpc: string;
  subnets: string[];
  /** Without the final `*` denies, which every network ACL gets. */
  entries: CliShape<NetworkAclEntry>[];
}

export type SourceSpec =
  | { cidr: string; description?: string }
  | { cidrV6: string; description?: string }
  | { group: string; description?: string }
  | { prefixList: string; description?: string };

export interface RuleSpec {
  protocol: "tcp" | "udp" | "icmp" | "-1";
  from?: number;
  to?: number;
  sources: SourceSpec[];
}

export interface SecurityGroupSpec {
  /** Also the GroupName and the Name tag. */
  key: string;
  vpc: string;
  description: string;
  ingress: RuleSpec[];
  /** Default: all traffic to anywhere, as the console creates groups. */
  egress?: RuleSpec[];
}

export type InstanceRole = "bastion" | "web" | "app" | "batch" | "db";

export interface InstanceSpec {
  /** Also the Name tag. */
  key: string;
  subnet: string;
  role: InstanceRole;
  instanceType: string;
  groups: string[];
  publicIp: boolean;
  /** Default running. A stopped instance keeps its interface, which then records nothing. */
  state?: "running" | "stopped";
}

/** An internet-facing Application Load Balancer: one requester-managed interface per subnet. */
export interface LoadBalancerSpec {
  key: string;
  subnets: string[];
  groups: string[];
}

/** An ElastiCache (Redis) cluster: one requester-managed interface per node, one node per subnet. */
export interface CacheSpec {
  key: string;
  subnets: string[];
  groups: string[];
}

/** A Lambda function attached to the VPC: `count` requester-managed interfaces spread over the subnets. */
export interface FunctionSpec {
  key: string;
  subnets: string[];
  groups: string[];
  count: number;
}

export interface RoleSpec {
  name: string;
  description: string;
  /** The service the trust policy names: vpc-flow-logs.amazonaws.com unless the role is broken. */
  trustedService: string;
}

export type FlowLogResource =
  | { vpc: string }
  | { subnet: string }
  /** The primary interface of an instance (by instance key). */
  | { instance: string };

export interface FlowLogSpec {
  /** Also the flow log's Name tag. */
  key: string;
  resource: FlowLogResource;
  trafficType: "ACCEPT" | "REJECT" | "ALL";
  logGroupName: string;
  fields: readonly string[];
  maxAggregationInterval: 60 | 600;
  role: string;
}

/** A side of a traffic flow: a resource of the spec, the internet, or an address block outside it. */
export type TrafficPeer = { instance: string } | { group: string } | { internet: true } | { cidr: string };

export interface TrafficSpec {
  from: TrafficPeer;
  to: TrafficPeer;
  protocol: "tcp" | "udp" | "icmp";
  port: number;
  ratePerMinute: number;
  dailyRhythm?: boolean;
  description: string;
}

/** Everything the demo world is built from. */
export interface DemoSpec {
  vpcs: VpcSpec[];
  prefixLists: PrefixListSpec[];
  endpoints: GatewayEndpointSpec[];
  routeTables: RouteTableSpec[];
  nacls: NaclSpec[];
  securityGroups: SecurityGroupSpec[];
  instances: InstanceSpec[];
  loadBalancers: LoadBalancerSpec[];
  caches: CacheSpec[];
  functions: FunctionSpec[];
  roles: RoleSpec[];
  flowLogs: FlowLogSpec[];
  traffic: TrafficSpec[];
}

/** RFC 5737 documentation ranges, split by who uses them so that the roles never overlap. */
export const ADDRESS_POOLS = {
  /** Public IPv4 addresses AWS assigns to the demo's instances, load balancers and Elastic IPs. */
  awsPublic: "203.0.113.0/25",
  /** Internet hosts the private instances reach through the NAT gateway (APIs, package mirrors). */
  externalServices: "203.0.113.128/25",
  /** Legitimate internet users of the web tier. */
  webClients: "192.0.2.0/25",
  /** Internet scanners probing for SSH, RDP, telnet, VNC. */
  scanners: "198.51.100.128/25",
} as const;

/** Public addresses of the generated `--scale` VPCs (an EC2 range of us-east-1): thousands do not fit the above. */
export const SCALE_PUBLIC_POOL = "3.80.0.0/12";
