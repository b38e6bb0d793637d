import { ipInCidr, parseCidr } from "../net/ip";
import type { Route, RouteTable } from "../topology/types";

export type RouteMatch = { route: Route; prefix: number; destination: string };

/** The subnet's explicitly associated table, else the VPC's main table. */
export function routeTableForSubnet(tables: RouteTable[], subnetId: string, vpcId: string | undefined) {
  return (
    tables.find((t) => t.Associations?.some((a) => a.SubnetId === subnetId)) ??
    tables.find((t) => t.VpcId === vpcId && t.Associations?.some((a) => a.Main))
  );
}

function destinations(route: Route, prefixListCidrs: (id: string) => string[]): string[] {
  if (route.DestinationCidrBlock) return [route.DestinationCidrBlock];
  if (route.DestinationIpv6CidrBlock) return [route.DestinationIpv6CidrBlock];
  if (route.DestinationPrefixListId) return prefixListCidrs(route.DestinationPrefixListId);
  return [];
}

/**
 * Longest prefix match; for equal prefixes a static route beats a propagated one, and a CIDR route
 * beats a prefix-list route. Blackhole routes still match (they drop the traffic).
 */
export function selectRoute(
  table: RouteTable,
  dstIp: string,
  prefixListCidrs: (id: string) => string[] = () => [],
): RouteMatch | undefined {
  let best: (RouteMatch & { rank: number }) | undefined;
  for (const route of table.Routes ?? []) {
    for (const destination of destinations(route, prefixListCidrs)) {
      const cidr = parseCidr(destination);
      if (!cidr || !ipInCidr(dstIp, cidr)) continue;
      const rank =
        (route.Origin === "EnableVgwRoutePropagation" ? 0 : 2) + (route.DestinationPrefixListId ? 0 : 1);
      if (!best || cidr.prefix > best.prefix || (cidr.prefix === best.prefix && rank > best.rank)) {
        best = { route, prefix: cidr.prefix, destination, rank };
      }
    }
  }
  return best && { route: best.route, prefix: best.prefix, destination: best.destination };
}

export type RouteTarget = { kind: string; id: string };

/** What a route sends traffic to: local, igw, nat, tgw, pcx, eni, instance, vpce, … */
export function routeTarget(route: Route): RouteTarget {
  if (route.GatewayId === "local") return { kind: "local", id: "local" };
  if (route.NatGatewayId) return { kind: "nat-gateway", id: route.NatGatewayId };
  if (route.TransitGatewayId) return { kind: "transit-gateway", id: route.TransitGatewayId };
  if (route.VpcPeeringConnectionId) return { kind: "peering", id: route.VpcPeeringConnectionId };
  if (route.NetworkInterfaceId) return { kind: "network-interface", id: route.NetworkInterfaceId };
  if (route.InstanceId) return { kind: "instance", id: route.InstanceId };
  if (route.EgressOnlyInternetGatewayId)
    return { kind: "egress-only-igw", id: route.EgressOnlyInternetGatewayId };
  if (route.GatewayId?.startsWith("igw-")) return { kind: "internet-gateway", id: route.GatewayId };
  if (route.GatewayId?.startsWith("vpce-")) return { kind: "vpc-endpoint", id: route.GatewayId };
  if (route.GatewayId?.startsWith("vgw-")) return { kind: "virtual-private-gateway", id: route.GatewayId };
  if (route.LocalGatewayId) return { kind: "local-gateway", id: route.LocalGatewayId };
  if (route.CarrierGatewayId) return { kind: "carrier-gateway", id: route.CarrierGatewayId };
  if (route.CoreNetworkArn) return { kind: "core-network", id: route.CoreNetworkArn };
  return { kind: "unknown", id: route.GatewayId ?? "?" };
}
