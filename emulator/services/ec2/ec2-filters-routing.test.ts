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
  ...filterRows(world, "DescribeNetworkAcls", "NetworkAcls", [
    [{ "vpc-id": [vpcProd] }, (a) => a.VpcId === vpcProd],
    [
      { "association.subnet-id": [wid("subnet", 7)] },
      (a) => a.Associations?.some((x) => x.SubnetId === wid("subnet", 7)) === true,
    ],
    [{ default: ["true"] }, (a) => a.IsDefault === true],
    [{ "network-acl-id": ["acl-0a1b2c3d4e5f60002"] }, (a) => a.NetworkAclId === "acl-0a1b2c3d4e5f60002"],
    [{ "entry.port-range.from": ["22"] }, (a) => a.NetworkAclId === "acl-0a1b2c3d4e5f60002"],
    [
      { "entry.icmp.type": ["8"], "entry.rule-action": ["deny"] },
      (a) => a.NetworkAclId === "acl-0a1b2c3d4e5f60002",
    ],
    [{ "entry.ipv6-cidr": ["::/0"] }, (a) => a.NetworkAclId === "acl-0a1b2c3d4e5f60002"],
    [
      { "entry.rule-number": ["110"], "entry.egress": ["false"] },
      (a) => a.NetworkAclId === "acl-0a1b2c3d4e5f60002",
    ],
  ]),
  ...filterRows(world, "DescribeRouteTables", "RouteTables", [
    [{ "association.main": ["true"] }, (t) => t.Associations?.some((a) => a.Main) === true],
    [
      { "association.subnet-id": [wid("subnet", 2)] },
      (t) => t.Associations?.some((a) => a.SubnetId === wid("subnet", 2)) === true,
    ],
    [
      { "association.route-table-id": ["rtb-0a1b2c3d4e5f60004"] },
      (t) => t.RouteTableId === "rtb-0a1b2c3d4e5f60004",
    ],
    [{ "vpc-id": [vpcStg] }, (t) => t.VpcId === vpcStg],
    [
      { "route.nat-gateway-id": ["nat-0a1b2c3d4e5f60001"] },
      (t) => t.RouteTableId === "rtb-0a1b2c3d4e5f60001",
    ],
    [
      { "route.gateway-id": ["igw-*"] },
      (t) => t.Routes?.some((r) => r.GatewayId?.startsWith("igw-")) === true,
    ],
    [{ "route.state": ["blackhole"] }, (t) => t.Routes?.some((r) => r.State === "blackhole") === true],
    [
      { "route.destination-prefix-list-id": ["pl-63a5400a"] },
      (t) => t.RouteTableId === "rtb-0a1b2c3d4e5f60003",
    ],
    [
      { "route.destination-cidr-block": ["172.31.0.0/16"] },
      (t) => t.RouteTableId === "rtb-0a1b2c3d4e5f60002",
    ],
    [{ "route.vpc-peering-connection-id": ["pcx-*"] }, (t) => t.RouteTableId === "rtb-0a1b2c3d4e5f60002"],
    [{ "route-table-id": ["rtb-0a1b2c3d4e5f60005"] }, (t) => t.RouteTableId === "rtb-0a1b2c3d4e5f60005"],
    [{ "tag:Name": ["*-public-rt"] }, (t) => tag(t, "Name")?.endsWith("-public-rt") === true],
  ]),
  ...filterRows(world, "DescribeInternetGateways", "InternetGateways", [
    [{ "attachment.vpc-id": [vpcStg] }, (g) => g.InternetGatewayId === "igw-0a1b2c3d4e5f60002"],
    [{ "attachment.state": ["available"] }, (g) => (g.Attachments ?? []).length > 0],
    [
      { "internet-gateway-id": ["igw-0a1b2c3d4e5f60003"] },
      (g) => g.InternetGatewayId === "igw-0a1b2c3d4e5f60003",
    ],
    [{ "owner-id": ["123456789012"], "tag:env": ["prod"] }, (g) => tag(g, "env") === "prod"],
  ]),
  ...filterRows(world, "DescribeNatGateways", "NatGateways", [
    [{ "vpc-id": [vpcProd] }, (n) => n.VpcId === vpcProd],
    [{ "subnet-id": [wid("subnet", 5)] }, (n) => n.SubnetId === wid("subnet", 5)],
    [{ state: ["available"] }, (n) => n.State === "available"],
    [{ "nat-gateway-id": ["nat-0a1b2c3d4e5f60003"] }, (n) => n.NatGatewayId === "nat-0a1b2c3d4e5f60003"],
    [{ "tag:env": ["staging"] }, (n) => tag(n, "env") === "staging"],
  ]),
  ...filterRows(world, "DescribeManagedPrefixLists", "ManagedPrefixLists", [
    [{ "prefix-list-name": ["com.amazonaws.*"] }, (p) => p.PrefixListId === "pl-63a5400a"],
    [{ "owner-id": ["AWS"] }, (p) => p.OwnerId === "AWS"],
    [{ "prefix-list-id": ["pl-0a1b2c3d4e5f60001"] }, (p) => p.PrefixListId === "pl-0a1b2c3d4e5f60001"],
  ]).map((row) => ({
    ...row,
    expected: row.expected.map((p) => ({ ...(p as object), Entries: undefined })),
  })),
  ...filterRows(world, "DescribeFlowLogs", "FlowLogs", [
    [{ "resource-id": [vpcProd, vpcStg] }, (f) => f.ResourceId?.startsWith("vpc-") === true],
    [{ "traffic-type": ["REJECT"] }, (f) => f.TrafficType === "REJECT"],
    [{ "deliver-log-status": ["FAILED"] }, (f) => f.DeliverLogsStatus === "FAILED"],
    [
      { "log-destination-type": ["s3", "kinesis-data-firehose"] },
      (f) => f.LogDestinationType !== "cloud-watch-logs",
    ],
    [{ "log-group-name": ["/vpc/prod/*"] }, (f) => f.LogGroupName?.startsWith("/vpc/prod/") === true],
    [{ "flow-log-id": ["fl-0a1b2c3d4e5f60002"] }, (f) => f.FlowLogId === "fl-0a1b2c3d4e5f60002"],
    [{ "tag:Name": ["*-all"] }, (f) => tag(f, "Name")?.endsWith("-all") === true],
    [{ "tag-key": ["env"], "traffic-type": ["ALL", "ACCEPT"] }, (f) => tag(f, "env") !== undefined],
  ]),
];

describe("routing, gateway and flow-log filters", () => testFilterRows(world, table));
