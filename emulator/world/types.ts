import type {
  FlowLog,
  InternetGateway,
  ManagedPrefixList,
  NatGateway,
  NetworkAcl,
  NetworkInterface,
  PrefixListEntry,
  Reservation,
  RouteTable,
  SecurityGroup,
  Subnet,
  Vpc,
} from "@aws-sdk/client-ec2";
import type { Role } from "@aws-sdk/client-iam";

/**
 * An SDK output shape as the AWS CLI prints it in JSON: the same PascalCase member names, with
 * timestamps as ISO 8601 strings instead of Date. Optional members stay optional (absent = omitted).
 */
export type CliShape<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? CliShape<U>[]
    : T extends object
      ? { [K in keyof T]: CliShape<T[K]> }
      : T;

/** A managed prefix list with its entries inline (`aws ec2 get-managed-prefix-list-entries`). */
export type WorldPrefixList = CliShape<ManagedPrefixList> & { Entries?: CliShape<PrefixListEntry>[] };

/** Each key is the top-level key of the matching `aws ec2 describe-* --output json`. */
export interface WorldEc2 {
  Vpcs?: CliShape<Vpc>[];
  Subnets?: CliShape<Subnet>[];
  NetworkInterfaces?: CliShape<NetworkInterface>[];
  SecurityGroups?: CliShape<SecurityGroup>[];
  NetworkAcls?: CliShape<NetworkAcl>[];
  RouteTables?: CliShape<RouteTable>[];
  Reservations?: CliShape<Reservation>[];
  InternetGateways?: CliShape<InternetGateway>[];
  NatGateways?: CliShape<NatGateway>[];
  ManagedPrefixLists?: WorldPrefixList[];
  FlowLogs?: CliShape<FlowLog>[];
}

/** `aws iam get-role` prints the trust policy decoded to JSON; the SDK's shape has it URL-encoded. */
export type WorldRole = Omit<CliShape<Role>, "AssumeRolePolicyDocument"> & {
  AssumeRolePolicyDocument?: string | Record<string, unknown>;
};

export interface WorldIam {
  Roles?: WorldRole[];
}

export interface WorldLogEvent {
  /** Milliseconds since the epoch, as CloudWatch Logs reports it. */
  timestamp: number;
  /** One flow-log record, in the format of the flow log that delivers it. */
  message: string;
}

export interface WorldLogStream {
  logStreamName: string;
  events: WorldLogEvent[];
}

export interface WorldLogGroup {
  logGroupName: string;
  streams: WorldLogStream[];
}

/**
 * One kind of traffic the simulator makes in addition to what the security-group rules imply: what
 * happens on a network although no rule asks for it (a load balancer's health checks on a port the
 * targets' group forgot, users trying an address that cannot be reached). Whether each packet is
 * accepted is still decided by the world's rules; a flow never states an outcome.
 */
export interface WorldTrafficFlow {
  /**
   * Who opens the connections: `eni-…` (that interface), `sg-…` (every interface in the group),
   * `i-…` (the instance's interfaces), `internet` (hosts of the simulator's web-client ranges), or an
   * IPv4 address or CIDR block outside the account (an office, a partner, a service).
   */
  from: string;
  /** Who is connected to, written as `from` is. */
  to: string;
  /** `tcp`, `udp`, `icmp`, or an IANA protocol number. */
  protocol: string | number;
  /** Destination port (ignored for ICMP, which is an echo request). */
  port: number;
  /** New connections per minute between each (client, server) pair, at the daily peak with `dailyRhythm`. */
  ratePerMinute: number;
  /** Follow the simulator's day (busy afternoons, quiet nights) instead of a flat rate. */
  dailyRhythm?: boolean;
  /** What the flow stands for; not read by the simulator. */
  description?: string;
}

/** The world file (DESIGN.md "The world file"): one account in one region, in AWS's own shapes. */
export interface World {
  accountId: string;
  region: string;
  ec2?: WorldEc2;
  iam?: WorldIam;
  logs?: WorldLogGroup[];
  /** Optional: traffic beyond what the security-group rules imply (see WorldTrafficFlow). */
  traffic?: WorldTrafficFlow[];
}

export type WorldEc2Key = keyof WorldEc2;

/** Every ec2 key of a world file, in the order of DESIGN.md. */
export const WORLD_EC2_KEYS = [
  "Vpcs",
  "Subnets",
  "NetworkInterfaces",
  "SecurityGroups",
  "NetworkAcls",
  "RouteTables",
  "Reservations",
  "InternetGateways",
  "NatGateways",
  "ManagedPrefixLists",
  "FlowLogs",
] as const satisfies readonly WorldEc2Key[];
