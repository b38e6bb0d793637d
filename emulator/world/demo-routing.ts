import type { Route } from "@aws-sdk/client-ec2";
import { type DemoContext, demoTags, type Ec2Item } from "./demo-context";
import { natGatewayId } from "./demo-nat";
import { type BuiltSubnet, type BuiltVpc, type DemoNetwork, internetGatewayId } from "./demo-network";
import type { CliShape } from "./types";

type RouteTable = Ec2Item<"RouteTables">;

/**
 * Per VPC: the main table (local route only), a public table (0.0.0.0/0 → internet gateway) and, where
 * the VPC has a NAT gateway, a private table (0.0.0.0/0 → NAT). Private subnets of a VPC without NAT
 * have no explicit association and fall back to the main table.
 */
export function buildRouteTables(ctx: DemoContext, net: DemoNetwork): RouteTable[] {
  return net.vpcs.flatMap((vpc) => {
    const subnets = net.subnets.filter((s) => s.vpc === vpc);
    const publicSubnets = subnets.filter((s) => s.spec.tier === "public");
    const privateSubnets = subnets.filter((s) => s.spec.tier === "private");
    const natSubnet = vpc.spec.natSubnets[0];
    const tables: RouteTable[] = [mainTable(ctx, vpc)];
    if (publicSubnets.length > 0) {
      const igw = { DestinationCidrBlock: "0.0.0.0/0", GatewayId: internetGatewayId(ctx, vpc.spec.key) };
      tables.push(customTable(ctx, vpc, "public", publicSubnets, igw));
    }
    if (natSubnet !== undefined && privateSubnets.length > 0) {
      const nat = { DestinationCidrBlock: "0.0.0.0/0", NatGatewayId: natGatewayId(ctx, natSubnet) };
      tables.push(customTable(ctx, vpc, "private", privateSubnets, nat));
    }
    return tables;
  });
}

const localRoute = (vpc: BuiltVpc): CliShape<Route> => ({
  DestinationCidrBlock: vpc.spec.cidr,
  GatewayId: "local",
  Origin: "CreateRouteTable",
  State: "active",
});

function mainTable(ctx: DemoContext, vpc: BuiltVpc): RouteTable {
  const key = `${vpc.spec.key}-main`;
  const id = ctx.ids.id("rtb", key);
  return {
    Associations: [
      {
        Main: true,
        RouteTableAssociationId: ctx.ids.id("rtbassoc", key),
        RouteTableId: id,
        AssociationState: { State: "associated" },
      },
    ],
    PropagatingVgws: [],
    RouteTableId: id,
    Routes: [localRoute(vpc)],
    Tags: [],
    VpcId: vpc.id,
    OwnerId: ctx.accountId,
  };
}

function customTable(
  ctx: DemoContext,
  vpc: BuiltVpc,
  tier: string,
  subnets: BuiltSubnet[],
  defaultRoute: CliShape<Route>,
): RouteTable {
  const name = `${vpc.spec.key}-${tier}-rt`;
  const id = ctx.ids.id("rtb", name);
  return {
    Associations: subnets.map((subnet) => ({
      Main: false,
      RouteTableAssociationId: ctx.ids.id("rtbassoc", subnet.spec.key),
      RouteTableId: id,
      SubnetId: subnet.id,
      AssociationState: { State: "associated" },
    })),
    PropagatingVgws: [],
    RouteTableId: id,
    Routes: [localRoute(vpc), { ...defaultRoute, Origin: "CreateRoute", State: "active" }],
    Tags: demoTags(name, vpc.spec.key),
    VpcId: vpc.id,
    OwnerId: ctx.accountId,
  };
}
