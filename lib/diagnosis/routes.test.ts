import { expect, test } from "vitest";
import type { RouteTable } from "../topology/types";
import { routeTableForSubnet, routeTarget, selectRoute } from "./routes";

const table: RouteTable = {
  RouteTableId: "rtb-1",
  VpcId: "vpc-1",
  Routes: [
    { DestinationCidrBlock: "10.0.0.0/16", GatewayId: "local", Origin: "CreateRouteTable", State: "active" },
    { DestinationCidrBlock: "0.0.0.0/0", GatewayId: "igw-1", Origin: "CreateRoute", State: "active" },
    {
      DestinationCidrBlock: "172.31.0.0/16",
      VpcPeeringConnectionId: "pcx-1",
      Origin: "CreateRoute",
      State: "active",
    },
    {
      DestinationCidrBlock: "192.168.0.0/16",
      NatGatewayId: "nat-gone",
      Origin: "CreateRoute",
      State: "blackhole",
    },
    {
      DestinationCidrBlock: "192.168.5.0/24",
      GatewayId: "vgw-1",
      Origin: "EnableVgwRoutePropagation",
      State: "active",
    },
    {
      DestinationCidrBlock: "192.168.5.0/24",
      TransitGatewayId: "tgw-1",
      Origin: "CreateRoute",
      State: "active",
    },
    { DestinationPrefixListId: "pl-s3", GatewayId: "vpce-s3", Origin: "CreateRoute", State: "active" },
    {
      DestinationIpv6CidrBlock: "::/0",
      EgressOnlyInternetGatewayId: "eigw-1",
      Origin: "CreateRoute",
      State: "active",
    },
  ],
};
const pl = (id: string) => (id === "pl-s3" ? ["52.216.0.0/15"] : []);

test.each([
  { ip: "10.0.3.4", target: "local" },
  { ip: "8.8.8.8", target: "internet-gateway" },
  { ip: "172.31.2.2", target: "peering" },
  { ip: "192.168.1.1", target: "nat-gateway", state: "blackhole" },
  { ip: "192.168.5.1", target: "transit-gateway" },
  { ip: "52.217.1.1", target: "vpc-endpoint" },
  { ip: "2600::1", target: "egress-only-igw" },
])("$ip → $target", ({ ip, target, state }) => {
  const match = selectRoute(table, ip, pl);
  expect(match && routeTarget(match.route).kind).toBe(target);
  if (state) expect(match?.route.State).toBe(state);
});

test("no route at all", () => {
  expect(
    selectRoute({ Routes: [{ DestinationCidrBlock: "10.0.0.0/16", GatewayId: "local" }] }, "8.8.8.8"),
  ).toBeUndefined();
});

test.each([
  { subnet: "subnet-a", expected: "rtb-a" },
  { subnet: "subnet-z", expected: "rtb-main" },
])("routeTableForSubnet $subnet", ({ subnet, expected }) => {
  const tables: RouteTable[] = [
    { RouteTableId: "rtb-main", VpcId: "vpc-1", Associations: [{ Main: true }] },
    { RouteTableId: "rtb-a", VpcId: "vpc-1", Associations: [{ SubnetId: "subnet-a" }] },
  ];
  expect(routeTableForSubnet(tables, subnet, "vpc-1")?.RouteTableId).toBe(expected);
});
