import type { Route } from "@aws-sdk/client-ec2";
import { type DemoContext, demoTags, type Ec2Item } from "./demo-context";
import { natGatewayId } from "./demo-nat";
import { type BuiltVpc, type DemoNetwork, internetGatewayId } from "./demo-network";
import type { RouteSpec, RouteTableSpec } from "./demo-spec";
import type { CliShape } from "./types";

type RouteTable = Ec2Item<"RouteTables">;

export const endpointId = (ctx: DemoContext, key: string): string => ctx.ids.id("vpce", key);

/**
 * Per VPC the main table (local route only, used by every subnet without a table of its own), then the
 * spec's tables. `prefixListId` turns a prefix-list key into its id.
 */
export function buildRouteTables(
  ctx: DemoContext,
  net: DemoNetwork,
  specs: readonly RouteTableSpec[],
  prefixListId: (key: string) => string,
): RouteTable[] {
  return net.vpcs.flatMap((vpc) => [
    mainTable(ctx, vpc),
    ...specs.filter((t) => t.vpc === vpc.spec.key).map((t) => customTable(ctx, net, vpc, t, prefixListId)),
  ]);
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

function route(ctx: DemoContext, vpc: BuiltVpc, spec: RouteSpec, prefixListId: (key: string) => string) {
  const made = { Origin: "CreateRoute", State: "active" } as const;
  if ("endpoint" in spec)
    return {
      DestinationPrefixListId: prefixListId(spec.prefixList),
      GatewayId: endpointId(ctx, spec.endpoint),
      ...made,
    };
  if ("nat" in spec)
    return { DestinationCidrBlock: spec.cidr, NatGatewayId: natGatewayId(ctx, spec.nat), ...made };
  return { DestinationCidrBlock: spec.cidr, GatewayId: internetGatewayId(ctx, vpc.spec.key), ...made };
}

function customTable(
  ctx: DemoContext,
  net: DemoNetwork,
  vpc: BuiltVpc,
  spec: RouteTableSpec,
  prefixListId: (key: string) => string,
): RouteTable {
  const id = ctx.ids.id("rtb", spec.key);
  return {
    Associations: spec.subnets.map((key) => {
      const subnet = net.subnet(key);
      if (subnet.vpc !== vpc) throw new Error(`${spec.key} cannot hold ${key} from another VPC`);
      return {
        Main: false,
        RouteTableAssociationId: ctx.ids.id("rtbassoc", key),
        RouteTableId: id,
        SubnetId: subnet.id,
        AssociationState: { State: "associated" },
      };
    }),
    PropagatingVgws: [],
    RouteTableId: id,
    Routes: [localRoute(vpc), ...spec.routes.map((r) => route(ctx, vpc, r, prefixListId))],
    Tags: demoTags(spec.key, vpc.spec.key),
    VpcId: vpc.id,
    OwnerId: ctx.accountId,
  };
}
