import type { NetworkInterfaceAssociation, NetworkInterfaceType } from "@aws-sdk/client-ec2";
import type { DemoContext, Ec2Item } from "./demo-context";
import { privateDnsName } from "./demo-ip";
import type { BuiltSubnet } from "./demo-network";
import type { GroupRef } from "./demo-security";
import type { CliShape } from "./types";

/** What the other builders need to know about one ENI of the demo world. */
export interface DemoInterface {
  /** The instance key (e.g. `prod-app-1`), or the managed resource's (e.g. `prod-public-a-nat`, `prod-alb-a`). */
  key: string;
  kind: "instance" | "natGateway" | "loadBalancer" | "cache" | "function";
  eniId: string;
  privateIp: string;
  publicIp?: string;
  /** Absent for requester-managed ENIs, whose flow-log `instance-id` is `-`. */
  instanceId?: string;
  subnet: BuiltSubnet;
  groupKeys: string[];
}

/** A locally administered-looking MAC address, as AWS assigns (`0e:…` or `12:…`). */
export function macAddress(ctx: DemoContext, key: string): string {
  const rng = ctx.rng(`mac:${key}`);
  const octets = Array.from({ length: 5 }, () => rng.hex(2));
  return ["0e", ...octets].join(":");
}

export interface EniParts {
  iface: DemoInterface;
  mac: string;
  groups: GroupRef[];
  association?: CliShape<NetworkInterfaceAssociation>;
  attachment: NonNullable<Ec2Item<"NetworkInterfaces">["Attachment"]>;
  description: string;
  /** The AWS service that manages the ENI (RequesterId), for requester-managed ones. */
  requester?: string;
  /** Default `interface`. */
  interfaceType?: NetworkInterfaceType;
}

/** The DescribeNetworkInterfaces entry for one ENI (only the primary private address). */
export function networkInterface(ctx: DemoContext, parts: EniParts): Ec2Item<"NetworkInterfaces"> {
  const { iface, association } = parts;
  const { subnet } = iface;
  const dns = privateDnsName(iface.privateIp);
  return {
    ...(association ? { Association: association } : {}),
    Attachment: parts.attachment,
    AvailabilityZone: subnet.spec.az.name,
    AvailabilityZoneId: subnet.spec.az.id,
    Description: parts.description,
    Groups: parts.groups,
    InterfaceType: parts.interfaceType ?? "interface",
    Ipv6Addresses: [],
    MacAddress: parts.mac,
    NetworkInterfaceId: iface.eniId,
    OwnerId: ctx.accountId,
    PrivateDnsName: dns,
    PrivateIpAddress: iface.privateIp,
    PrivateIpAddresses: [
      {
        ...(association ? { Association: association } : {}),
        Primary: true,
        PrivateDnsName: dns,
        PrivateIpAddress: iface.privateIp,
      },
    ],
    ...(parts.requester ? { RequesterId: parts.requester } : {}),
    RequesterManaged: parts.requester !== undefined,
    SourceDestCheck: parts.interfaceType !== "natGateway",
    Status: "in-use",
    SubnetId: subnet.id,
    TagSet: [],
    VpcId: subnet.vpc.id,
  };
}

/** The AWS-internal principal that creates NAT gateway ENIs (made up, as in ec2-shapes.md §3). */
export const NAT_REQUESTER_ID = "440000000000";
