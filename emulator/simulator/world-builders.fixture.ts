import type { AttachmentStatus } from "@aws-sdk/client-ec2";
import type { WorldEc2 } from "../world/types";

/** Builders for small hand-made worlds in AWS CLI shapes, all in one VPC "vpc-1" (10.20.0.0/16). */

type Item<K extends keyof WorldEc2> = NonNullable<WorldEc2[K]>[number];
type Route = NonNullable<Item<"RouteTables">["Routes"]>[number];

/** The CLI prints "available" for an attached internet gateway, a value outside the SDK's enum. */
export const IGW_ATTACHED = "available" as string as AttachmentStatus;
export const anywhere = [{ CidrIp: "0.0.0.0/0" }];
export const allOut = [{ IpProtocol: "-1", IpRanges: anywhere }];
export const tcp = (port: number, source: object) => ({
  IpProtocol: "tcp",
  FromPort: port,
  ToPort: port,
  ...source,
});
export const group = (GroupId: string) => ({ UserIdGroupPairs: [{ GroupId }] });
export const acl = (
  n: number,
  egress: boolean,
  action: "allow" | "deny",
  protocol: string,
  cidr: string,
  ports?: [number, number],
): NonNullable<Item<"NetworkAcls">["Entries"]>[number] => ({
  RuleNumber: n,
  Egress: egress,
  RuleAction: action,
  Protocol: protocol,
  CidrBlock: cidr,
  ...(ports ? { PortRange: { From: ports[0], To: ports[1] } } : {}),
});
export const subnet = (SubnetId: string, CidrBlock: string) => ({
  SubnetId,
  CidrBlock,
  VpcId: "vpc-1",
  AvailabilityZone: "us-east-1a",
  AvailabilityZoneId: "use1-az1",
});
export const eni = (
  id: string,
  subnetId: string,
  ip: string,
  groups: string[],
  extra: Partial<Item<"NetworkInterfaces">> = {},
): Item<"NetworkInterfaces"> => ({
  NetworkInterfaceId: id,
  SubnetId: subnetId,
  VpcId: "vpc-1",
  PrivateIpAddress: ip,
  PrivateIpAddresses: [{ PrivateIpAddress: ip, Primary: true }],
  Groups: groups.map((GroupId) => ({ GroupId })),
  InterfaceType: "interface",
  Status: "in-use",
  ...extra,
});
export const attached = (InstanceId: string): Partial<Item<"NetworkInterfaces">> => ({
  Attachment: { InstanceId, Status: "attached" },
});
export type Instance = NonNullable<Item<"Reservations">["Instances"]>[number];
export const instance = (InstanceId: string, state: "running" | "stopped"): Instance => ({
  InstanceId,
  InstanceType: "t3.small",
  State: { Name: state },
  Tags: [{ Key: "Name", Value: InstanceId }],
});
export const routes = (
  RouteTableId: string,
  subnetId: string | undefined,
  extra: Route[],
): Item<"RouteTables"> => ({
  RouteTableId,
  VpcId: "vpc-1",
  Associations: subnetId ? [{ SubnetId: subnetId, Main: false }] : [{ Main: true }],
  Routes: [{ DestinationCidrBlock: "10.20.0.0/16", GatewayId: "local", State: "active" }, ...extra],
});
export const flowLog = (
  FlowLogId: string,
  ResourceId: string,
  created: number,
  extra: Partial<Item<"FlowLogs">>,
): Item<"FlowLogs"> => ({
  FlowLogId,
  ResourceId,
  CreationTime: new Date(created).toISOString(),
  FlowLogStatus: "ACTIVE",
  DeliverLogsStatus: "SUCCESS",
  LogDestinationType: "cloud-watch-logs",
  ...extra,
});
