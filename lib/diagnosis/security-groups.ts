import { protocolNumber } from "../flow/protocols";
import { ipInCidr } from "../net/ip";
import type { IpPermission, SecurityGroup } from "../topology/types";
import type { Direction, Packet } from "./packet";

export type SgContext = {
  /** CIDRs of a managed prefix list. */
  prefixListCidrs: (prefixListId: string) => string[];
  /** Private IPs of the interfaces a security group is attached to (for group references). */
  groupMemberIps: (groupId: string) => string[];
};

export type SgSource =
  | { kind: "cidr"; value: string }
  | { kind: "prefix-list"; value: string }
  | { kind: "group"; value: string };

export type SgMatch = { groupId: string; permission: IpPermission; source: SgSource };

/** Does the rule's protocol and port / ICMP type-code range cover the packet? */
export function permissionCoversProtocol(perm: IpPermission, p: Packet): boolean {
  const proto = protocolNumber(perm.IpProtocol ?? "-1");
  if (proto === undefined) return false;
  if (proto === -1) return true;
  if (proto !== p.protocol) return false;
  if (proto === 6 || proto === 17) {
    if (p.dstPort === undefined) return false;
    const from = perm.FromPort ?? 0;
    const to = perm.ToPort ?? 65535;
    return (from === -1 && to === -1) || (p.dstPort >= from && p.dstPort <= to);
  }
  if (proto === 1 || proto === 58) {
    const type = perm.FromPort ?? -1;
    const code = perm.ToPort ?? -1;
    if (type === -1) return true;
    if (p.icmpType !== type) return false;
    return code === -1 || p.icmpCode === code;
  }
  return true; // other protocols: all ports
}

function* sourcesOf(perm: IpPermission): Generator<SgSource> {
  for (const r of perm.IpRanges ?? []) if (r.CidrIp) yield { kind: "cidr", value: r.CidrIp };
  for (const r of perm.Ipv6Ranges ?? []) if (r.CidrIpv6) yield { kind: "cidr", value: r.CidrIpv6 };
  for (const r of perm.PrefixListIds ?? [])
    if (r.PrefixListId) yield { kind: "prefix-list", value: r.PrefixListId };
  for (const r of perm.UserIdGroupPairs ?? []) if (r.GroupId) yield { kind: "group", value: r.GroupId };
}

function sourceCovers(source: SgSource, peerIp: string, ctx: SgContext): boolean {
  if (source.kind === "cidr") return ipInCidr(peerIp, source.value);
  if (source.kind === "prefix-list")
    return ctx.prefixListCidrs(source.value).some((c) => ipInCidr(peerIp, c));
  return ctx.groupMemberIps(source.value).includes(peerIp);
}

/**
 * Evaluates the union of the groups' rules for one direction. Security groups only allow: the first
 * matching rule (groups by id, rules in order) is returned for the explanation; undefined means denied.
 */
export function matchSecurityGroups(
  groups: SecurityGroup[],
  direction: Direction,
  packet: Packet,
  ctx: SgContext,
): SgMatch | undefined {
  const peerIp = direction === "ingress" ? packet.srcIp : packet.dstIp;
  const sorted = [...groups].sort((a, b) => (a.GroupId ?? "").localeCompare(b.GroupId ?? ""));
  for (const group of sorted) {
    const perms = (direction === "ingress" ? group.IpPermissions : group.IpPermissionsEgress) ?? [];
    for (const permission of perms) {
      if (!permissionCoversProtocol(permission, packet)) continue;
      for (const source of sourcesOf(permission)) {
        if (sourceCovers(source, peerIp, ctx)) return { groupId: group.GroupId ?? "", permission, source };
      }
    }
  }
  return undefined;
}
