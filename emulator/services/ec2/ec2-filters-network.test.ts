import { describe } from "vitest";
import { loadSmallWorld } from "../../test-support/ec2-harness";
import {
  type FilterRow,
  filterRows,
  tag,
  testFilterRows,
  vpcProd,
  vpcStg,
  wid,
} from "../../test-support/filter-rows";

// Filters as the SDK sends them, each beside the same selection written as a predicate over the world.
const world = loadSmallWorld();

const table: FilterRow[] = [
  ...filterRows(world, "DescribeVpcs", "Vpcs", [
    [{ "vpc-id": [vpcStg] }, (v) => v.VpcId === vpcStg],
    [{ cidr: ["10.0.0.0/16"] }, (v) => v.CidrBlock === "10.0.0.0/16"],
    [{ "cidr-block-association.cidr-block": ["10.2.0.0/16"] }, (v) => v.VpcId === vpcStg],
    [{ "ipv6-cidr-block-association.ipv6-cidr-block": ["2600:*"] }, (v) => v.VpcId === vpcProd],
    [{ "is-default": ["false"], state: ["available"], "owner-id": ["123456789012"] }, () => true],
    [{ "dhcp-options-id": ["dopt-0a1b2c3d4e5f60001"] }, () => true],
    [{ "tag:Name": ["prod-*"] }, (v) => tag(v, "Name")?.startsWith("prod-") === true],
    [{ "tag-key": ["env"] }, () => true],
  ]),
  ...filterRows(world, "DescribeSubnets", "Subnets", [
    [{ "vpc-id": [vpcStg] }, (s) => s.VpcId === vpcStg],
    [
      { "subnet-id": [wid("subnet", 2), wid("subnet", 6)] },
      (s) => s.SubnetId === wid("subnet", 2) || s.SubnetId === wid("subnet", 6),
    ],
    [{ "availability-zone": ["us-east-1b"] }, (s) => s.AvailabilityZone === "us-east-1b"],
    [{ "availability-zone-id": ["use1-az1"] }, (s) => s.AvailabilityZoneId === "use1-az1"],
    [{ "cidr-block": ["10.1.*"] }, (s) => s.CidrBlock?.startsWith("10.1.") === true],
    [{ cidr: ["10.0.1.0/24"] }, (s) => s.CidrBlock === "10.0.1.0/24"],
    [{ "map-public-ip-on-launch": ["true"] }, (s) => s.MapPublicIpOnLaunch === true],
    [{ "default-for-az": ["false"], state: ["available"] }, () => true],
    [
      { "tag:tier": ["private"], "vpc-id": [vpcProd] },
      (s) => tag(s, "tier") === "private" && s.VpcId === vpcProd,
    ],
    [{ "tag:Name": ["staging-??????-a"] }, (s) => tag(s, "Name") === "staging-public-a"],
    [{ "subnet-arn": ["*:subnet/subnet-0a1b2c3d4e5f60003"] }, (s) => s.SubnetId === wid("subnet", 3)],
  ]),
  ...filterRows(world, "DescribeNetworkInterfaces", "NetworkInterfaces", [
    [{ "vpc-id": [vpcProd] }, (n) => n.VpcId === vpcProd],
    [{ "subnet-id": [wid("subnet", 3)] }, (n) => n.SubnetId === wid("subnet", 3)],
    [
      { "attachment.instance-id": ["i-0a1b2c3d4e5f60003"] },
      (n) => n.Attachment?.InstanceId === "i-0a1b2c3d4e5f60003",
    ],
    [{ "attachment.device-index": ["1"] }, (n) => n.Attachment?.DeviceIndex === 1],
    [{ "group-id": [wid("sg", 7)] }, (n) => n.Groups?.some((g) => g.GroupId === wid("sg", 7)) === true],
    [
      { "network-interface-id": ["eni-0a1b2c3d4e5f60013"] },
      (n) => n.NetworkInterfaceId === "eni-0a1b2c3d4e5f60013",
    ],
    [{ "private-ip-address": ["10.0.11.11"] }, (n) => n.NetworkInterfaceId === "eni-0a1b2c3d4e5f60003"],
    [{ "addresses.private-ip-address": ["10.1.*"] }, (n) => n.VpcId === vpcStg],
    [{ "interface-type": ["natGateway"] }, (n) => n.InterfaceType === "natGateway"],
    [{ "requester-managed": ["true"] }, (n) => n.RequesterManaged === true],
    [{ status: ["available"] }, (n) => n.Status === "available"],
    [{ "availability-zone": ["us-east-1b"] }, (n) => n.AvailabilityZone === "us-east-1b"],
    [
      { "association.public-ip": ["203.0.113.*"] },
      (n) => n.Association?.PublicIp?.startsWith("203.0.113.") === true,
    ],
    [
      { description: ["Interface for NAT Gateway*"] },
      (n) => n.Description?.startsWith("Interface for NAT") === true,
    ],
    [{ "source-dest-check": ["false"] }, (n) => n.SourceDestCheck === false],
    [
      { "tag:Name": ["web1-eni", "sweb-eni"] },
      (n) => ["web1-eni", "sweb-eni"].includes(tag(n, "Name") ?? ""),
    ],
    [{ "tag-key": ["Name"] }, (n) => (n.TagSet ?? []).length > 0],
  ]),
  ...filterRows(world, "DescribeSecurityGroups", "SecurityGroups", [
    [
      { "group-id": [wid("sg", 2), wid("sg", 3)] },
      (g) => g.GroupId === wid("sg", 2) || g.GroupId === wid("sg", 3),
    ],
    [{ "group-name": ["default"] }, (g) => g.GroupName === "default"],
    [{ "vpc-id": [vpcStg] }, (g) => g.VpcId === vpcStg],
    [{ "ip-permission.group-id": [wid("sg", 2)] }, (g) => g.GroupId === wid("sg", 3)],
    [{ "egress.ip-permission.group-id": [wid("sg", 3)] }, (g) => g.GroupId === wid("sg", 2)],
    [{ "ip-permission.from-port": ["5432"] }, (g) => g.GroupId === wid("sg", 4)],
    [{ "ip-permission.protocol": ["udp"] }, (g) => g.GroupId === wid("sg", 7)],
    [{ "ip-permission.cidr": ["198.51.100.0/24"] }, (g) => g.GroupId === wid("sg", 6)],
    [{ "ip-permission.prefix-list-id": ["pl-0a1b2c3d4e5f60001"] }, (g) => g.GroupId === wid("sg", 2)],
    [{ "ip-permission.ipv6-cidr": ["::/0"] }, (g) => g.GroupId === wid("sg", 2)],
    [{ description: ["* tier"] }, (g) => g.Description?.endsWith(" tier") === true],
    [{ "tag:env": ["staging"] }, (g) => tag(g, "env") === "staging"],
  ]),
];

describe("network filters", () => testFilterRows(world, table));
