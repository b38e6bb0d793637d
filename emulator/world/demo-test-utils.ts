/** Helpers for the demo world's tests: indexes of a built world, CIDR checks, JSON walks. */
import ipaddr from "ipaddr.js";
import type { World } from "./types";

export const inCidr = (ip: string, cidr: string): boolean => {
  const addr = ipaddr.parse(ip);
  const range = ipaddr.parseCIDR(cidr);
  return addr.kind() === range[0].kind() && addr.match(range);
};

/** `a` lies entirely inside `b`. */
export const cidrInside = (a: string, b: string): boolean => {
  const [net, bits] = ipaddr.parseCIDR(a);
  const [, outerBits] = ipaddr.parseCIDR(b);
  return bits >= outerBits && inCidr(net.toString(), b);
};

export function byId<T, K extends keyof T>(items: readonly T[] | undefined, key: K): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items ?? []) {
    const id = item[key];
    if (typeof id !== "string") throw new Error(`item without ${String(key)}`);
    if (map.has(id)) throw new Error(`duplicate ${String(key)} ${id}`);
    map.set(id, item);
  }
  return map;
}

export function indexWorld(world: World) {
  const ec2 = world.ec2 ?? {};
  const instances = (ec2.Reservations ?? []).flatMap((r) => r.Instances ?? []);
  return {
    ec2,
    instances,
    vpcs: byId(ec2.Vpcs, "VpcId"),
    subnets: byId(ec2.Subnets, "SubnetId"),
    enis: byId(ec2.NetworkInterfaces, "NetworkInterfaceId"),
    groups: byId(ec2.SecurityGroups, "GroupId"),
    acls: byId(ec2.NetworkAcls, "NetworkAclId"),
    routeTables: byId(ec2.RouteTables, "RouteTableId"),
    igws: byId(ec2.InternetGateways, "InternetGatewayId"),
    nats: byId(ec2.NatGateways, "NatGatewayId"),
    prefixLists: byId(ec2.ManagedPrefixLists, "PrefixListId"),
    flowLogs: byId(ec2.FlowLogs, "FlowLogId"),
    instancesById: byId(instances, "InstanceId"),
  };
}

export type WorldIndex = ReturnType<typeof indexWorld>;

/** Id prefix → the index that defines ids of that kind. */
export const ID_KINDS = {
  vpc: "vpcs",
  subnet: "subnets",
  eni: "enis",
  sg: "groups",
  acl: "acls",
  rtb: "routeTables",
  igw: "igws",
  nat: "nats",
  pl: "prefixLists",
  fl: "flowLogs",
  i: "instancesById",
} as const satisfies Record<string, keyof WorldIndex>;

/** Every string in a JSON tree, with its path (`ec2.Subnets[0].VpcId`). */
export function* strings(value: unknown, path = ""): Generator<[string, string]> {
  if (typeof value === "string") yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${path}[${i}]`);
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) yield* strings(v, path ? `${path}.${k}` : k);
  }
}

/** Paths of every null in a JSON tree (the CLI omits absent members instead). */
export function nullPaths(value: unknown, path = ""): string[] {
  if (value === null) return [path];
  if (typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => nullPaths(v, `${path}.${k}`));
}
