import type { AttachmentStatus } from "@aws-sdk/client-ec2";
import { type DemoContext, demoTags, type Ec2Item, mustGet } from "./demo-context";
import { usableAddressCount } from "./demo-ip";
import type { SubnetSpec, VpcSpec } from "./demo-spec";

export interface BuiltVpc {
  spec: VpcSpec;
  id: string;
}

export interface BuiltSubnet {
  spec: SubnetSpec;
  vpc: BuiltVpc;
  id: string;
}

/** The VPCs and subnets by key, with their ids: what every other builder refers to. */
export interface DemoNetwork {
  vpcs: BuiltVpc[];
  subnets: BuiltSubnet[];
  vpc(key: string): BuiltVpc;
  subnet(key: string): BuiltSubnet;
}

export function indexNetwork(ctx: DemoContext, specs: readonly VpcSpec[]): DemoNetwork {
  const vpcs = specs.map((spec) => ({ spec, id: ctx.ids.id("vpc", spec.key) }));
  const subnets = vpcs.flatMap((vpc) =>
    vpc.spec.subnets.map((spec) => ({ spec, vpc, id: ctx.ids.id("subnet", spec.key) })),
  );
  const vpcByKey = new Map(vpcs.map((v) => [v.spec.key, v]));
  const subnetByKey = new Map(subnets.map((s) => [s.spec.key, s]));
  return {
    vpcs,
    subnets,
    vpc: (key) => mustGet(vpcByKey, key, "VPC"),
    subnet: (key) => mustGet(subnetByKey, key, "subnet"),
  };
}

export function buildVpcs(ctx: DemoContext, net: DemoNetwork): Ec2Item<"Vpcs">[] {
  return net.vpcs.map(({ spec, id }) => ({
    CidrBlock: spec.cidr,
    DhcpOptionsId: ctx.ids.id("dopt", "account-default"),
    State: "available",
    VpcId: id,
    OwnerId: ctx.accountId,
    InstanceTenancy: "default",
    CidrBlockAssociationSet: [
      {
        AssociationId: ctx.ids.id("vpc-cidr-assoc", spec.key),
        CidrBlock: spec.cidr,
        CidrBlockState: { State: "associated" },
      },
    ],
    IsDefault: false,
    Tags: demoTags(spec.key, spec.key),
    BlockPublicAccessStates: { InternetGatewayBlockMode: "off" },
  }));
}

/** `usedAddresses(subnetId)`: private IPv4 addresses taken by the ENIs in that subnet. */
export function buildSubnets(
  ctx: DemoContext,
  net: DemoNetwork,
  usedAddresses: (subnetId: string) => number,
): Ec2Item<"Subnets">[] {
  return net.subnets.map(({ spec, vpc, id }) => ({
    AvailabilityZone: spec.az.name,
    AvailabilityZoneId: spec.az.id,
    AvailableIpAddressCount: usableAddressCount(spec.cidr) - usedAddresses(id),
    CidrBlock: spec.cidr,
    DefaultForAz: false,
    MapPublicIpOnLaunch: spec.tier === "public",
    MapCustomerOwnedIpOnLaunch: false,
    State: "available",
    SubnetId: id,
    VpcId: vpc.id,
    OwnerId: ctx.accountId,
    AssignIpv6AddressOnCreation: false,
    Ipv6CidrBlockAssociationSet: [],
    Tags: demoTags(spec.key, vpc.spec.key),
    SubnetArn: ctx.arn("ec2", `subnet/${id}`),
    EnableDns64: false,
    Ipv6Native: false,
    PrivateDnsNameOptionsOnLaunch: {
      HostnameType: "ip-name",
      EnableResourceNameDnsARecord: false,
      EnableResourceNameDnsAAAARecord: false,
    },
  }));
}

export const internetGatewayId = (ctx: DemoContext, vpcKey: string): string => ctx.ids.id("igw", vpcKey);

/** The CLI prints "available" for an attached internet gateway, a value outside the SDK's enum. */
const IGW_ATTACHED = "available" as string as AttachmentStatus;

export function buildInternetGateways(ctx: DemoContext, net: DemoNetwork): Ec2Item<"InternetGateways">[] {
  return net.vpcs.map(({ spec, id }) => ({
    Attachments: [{ State: IGW_ATTACHED, VpcId: id }],
    InternetGatewayId: internetGatewayId(ctx, spec.key),
    OwnerId: ctx.accountId,
    Tags: demoTags(`${spec.key}-igw`, spec.key),
  }));
}
