import type {
  Instance,
  ManagedPrefixList,
  NetworkAcl,
  NetworkInterface,
  Reservation,
  RouteTable,
  SecurityGroup,
  Subnet,
  Vpc,
} from "../topology/types";
import type { EvidenceBin } from "./evidence-series";
import type { Direction } from "./packet";

export type InternetGatewayShape = {
  InternetGatewayId?: string;
  Attachments?: { VpcId?: string; State?: string }[];
};
export type NatGatewayShape = { NatGatewayId?: string; State?: string; SubnetId?: string; VpcId?: string };

/** The EC2 Describe* shapes the engine reads (the keys of `aws ec2 describe-*` output). */
export type DiagnosisTopology = {
  Vpcs?: Vpc[];
  Subnets?: Subnet[];
  NetworkInterfaces?: NetworkInterface[];
  SecurityGroups?: SecurityGroup[];
  NetworkAcls?: NetworkAcl[];
  RouteTables?: RouteTable[];
  Reservations?: Reservation[];
  InternetGateways?: InternetGatewayShape[];
  NatGateways?: NatGatewayShape[];
  ManagedPrefixLists?: ManagedPrefixList[];
};

export type DiagnoseProtocol = "tcp" | "udp" | "icmp";

export type DiagnoseInput = {
  /** IP, CIDR, instance id, interface id, or "internet". */
  from: string;
  /** Instance id, interface id, or private/public IP. */
  to: string;
  protocol: DiagnoseProtocol;
  port?: number;
  /** ICMP type; 8 (echo request) when absent. */
  icmpType?: number;
  icmpCode?: number;
  /** The client's ephemeral port, for the reply through the network ACLs. */
  sourcePort?: number;
};

export type Path = "request" | "reply";

export type Explanation = {
  code: string;
  resourceId: string;
  direction?: Direction;
  path?: Path;
  ruleNumber?: number;
  message: string;
  fix: string;
  awsCli?: string;
};

export type VerdictHop = {
  component: string;
  resourceId: string;
  result: "pass" | "block" | "not-applicable";
  detail: string;
  direction?: Direction;
  path?: Path;
  ruleNumber?: number;
};

export type EvidencePattern =
  | "ACCEPTED"
  | "REJECTED"
  | "ACCEPTED_REPLY_REJECTED"
  | "NO_RECORDS"
  | "NOT_COVERED"
  | "NOT_CAPTURED";

export type Evidence = {
  pattern: EvidencePattern;
  flowLogIds: string[];
  accepted: number;
  rejected: number;
  records: string[];
  reasons?: string[];
  /** Accepted and rejected records per time bin over the window (evidence-series.ts). */
  series?: EvidenceBin[];
};

export type Verdict = {
  verdict: "reachable" | "blocked" | "inconclusive";
  explanations: Explanation[];
  evidence?: Evidence;
  hops: VerdictHop[];
};

/** Input the engine cannot diagnose (unknown id, two outside ends, …). */
/** A question that cannot be asked; `field` is the input it is about (the API's 400 names it). */
export class DiagnoseInputError extends Error {
  constructor(
    message: string,
    readonly field?: "from" | "to" | "port",
  ) {
    super(message);
  }
}

export function instancesOf(t: DiagnosisTopology): Instance[] {
  return (t.Reservations ?? []).flatMap((r) => r.Instances ?? []);
}
