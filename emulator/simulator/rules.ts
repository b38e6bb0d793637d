import { evaluateNetworkAcl } from "../../lib/diagnosis/network-acls";
import type { Direction, Packet } from "../../lib/diagnosis/packet";
import { routeTarget, selectRoute } from "../../lib/diagnosis/routes";
import { matchSecurityGroups } from "../../lib/diagnosis/security-groups";
import { ipInCidr } from "../../lib/net/ip";
import type { Eni, Topology } from "./topology";
import { indexOf } from "./topology-index";

/** Where a subnet's route table sends a destination; `blackhole` drops it like no route at all. */
export type Hop =
  | { kind: "local" }
  | { kind: "internet-gateway"; id: string }
  | { kind: "nat-gateway"; id: string }
  | { kind: "vpc-endpoint"; id: string }
  | { kind: "other"; id: string };

function vpcCidrs(topology: Topology, vpcId: string): string[] {
  const vpc = topology.vpcs.get(vpcId);
  const cidrs = (vpc?.CidrBlockAssociationSet ?? []).flatMap((a) => (a.CidrBlock ? [a.CidrBlock] : []));
  return vpc?.CidrBlock ? [vpc.CidrBlock, ...cidrs] : cidrs;
}

/** The next hop from `eni`'s subnet towards `dstIp`, or undefined (no route, or a blackhole route). */
export function nextHop(topology: Topology, eni: Eni, dstIp: string): Hop | undefined {
  const table = indexOf(topology).routeTable(eni);
  if (!table) {
    // A world without route tables still has the VPC's implicit local route.
    return vpcCidrs(topology, eni.vpcId).some((c) => ipInCidr(dstIp, c)) ? { kind: "local" } : undefined;
  }
  const match = selectRoute(table, dstIp, topology.prefixListCidrs);
  if (!match || match.route.State === "blackhole") return undefined;
  const target = routeTarget(match.route);
  if (target.kind === "local") return { kind: "local" };
  if (target.kind === "internet-gateway")
    return topology.igwVpcs.get(target.id) === eni.vpcId
      ? { kind: "internet-gateway", id: target.id }
      : undefined;
  if (target.kind === "nat-gateway") {
    const nat = topology.natGateways.get(target.id);
    return nat?.available && nat.eni?.active ? { kind: "nat-gateway", id: target.id } : undefined;
  }
  if (target.kind === "vpc-endpoint") return { kind: "vpc-endpoint", id: target.id };
  return { kind: "other", id: target.id };
}

/** The subnet's network ACL; a world that lists none for it does not filter. */
export function naclAllows(topology: Topology, eni: Eni, direction: Direction, packet: Packet): boolean {
  const acl = indexOf(topology).acl(eni);
  return acl ? evaluateNetworkAcl(acl, direction, packet).action === "allow" : true;
}

/**
 * The union of the ENI's security groups. NAT gateway ENIs have none and filter nothing; so does an
 * ENI whose groups the world does not describe.
 */
export function sgAllows(topology: Topology, eni: Eni, direction: Direction, packet: Packet): boolean {
  if (eni.groups.length === 0) return true;
  return matchSecurityGroups(eni.groups, direction, packet, topology.sg) !== undefined;
}

// Xen-based families; every other current type runs on Nitro (flow-log-records.md §5, codes 7 and 8).
// biome-ignore format: a list of names
const XEN_FAMILIES = new Set([
  "t1", "t2", "m1", "m2", "m3", "m4", "c1", "c3", "c4", "r3", "r4", "x1", "x1e", "i2", "i3", "d2", "g2",
  "g3", "p2", "p3", "f1", "h1", "cc2", "cr1", "hs1",
]);

function isNitro(eni: Eni): boolean {
  const type = eni.instance?.InstanceType;
  return type !== undefined && !XEN_FAMILIES.has(type.split(".")[0] ?? "");
}

/** traffic-path for egress through `hop` (flow-log-records.md §5). */
export function trafficPathOf(eni: Eni, hop: Hop): number | undefined {
  if (hop.kind === "local" || hop.kind === "nat-gateway") return 1;
  if (hop.kind === "internet-gateway") return isNitro(eni) ? 8 : 2;
  if (hop.kind === "vpc-endpoint") return isNitro(eni) ? 7 : 2;
  return undefined;
}
