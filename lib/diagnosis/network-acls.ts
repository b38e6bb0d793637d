import { ipInCidr, isIpv6 } from "../net/ip";
import type { NetworkAcl, NetworkAclEntry } from "../topology/types";
import type { Direction, Packet } from "./packet";

export type AclDecision = { action: "allow" | "deny"; ruleNumber: number; entry?: NetworkAclEntry };

function entryCoversProtocol(e: NetworkAclEntry, p: Packet, v6: boolean): boolean {
  const proto = Number(e.Protocol ?? "-1");
  if (proto === -1) return true;
  if (proto !== p.protocol) return false;
  if (proto === 6 || proto === 17) {
    if (p.dstPort === undefined) return false;
    return p.dstPort >= (e.PortRange?.From ?? 0) && p.dstPort <= (e.PortRange?.To ?? 65535);
  }
  if (proto === 1 || (proto === 58 && v6)) {
    const type = e.IcmpTypeCode?.Type ?? -1;
    const code = e.IcmpTypeCode?.Code ?? -1;
    return (type === -1 || p.icmpType === type) && (code === -1 || p.icmpCode === code);
  }
  return true; // ICMPv6 with an IPv4 CIDR, and every other protocol: all types and ports
}

/**
 * First match wins, lowest rule number first; the `*` rule (32767 for IPv4, 32768 for IPv6) denies
 * whatever nothing else matched, whether or not the entry list spells it out.
 */
export function evaluateNetworkAcl(acl: NetworkAcl, direction: Direction, packet: Packet): AclDecision {
  const egress = direction === "egress";
  const peerIp = egress ? packet.dstIp : packet.srcIp;
  const v6 = isIpv6(peerIp);
  const entries = (acl.Entries ?? [])
    .filter((e) => Boolean(e.Egress) === egress && e.RuleNumber !== undefined)
    .sort((a, b) => (a.RuleNumber ?? 0) - (b.RuleNumber ?? 0));
  for (const entry of entries) {
    const cidr = v6 ? entry.Ipv6CidrBlock : entry.CidrBlock;
    if (!cidr || !ipInCidr(peerIp, cidr) || !entryCoversProtocol(entry, packet, v6)) continue;
    return {
      action: entry.RuleAction === "allow" ? "allow" : "deny",
      ruleNumber: entry.RuleNumber ?? 0,
      entry,
    };
  }
  return { action: "deny", ruleNumber: v6 ? 32768 : 32767 };
}

/** The ACL associated with a subnet (explicitly, or the VPC's default one). */
export function aclForSubnet(
  acls: NetworkAcl[],
  subnetId: string,
  vpcId: string | undefined,
): NetworkAcl | undefined {
  return (
    acls.find((a) => a.Associations?.some((x) => x.SubnetId === subnetId)) ??
    acls.find((a) => a.IsDefault && a.VpcId === vpcId)
  );
}
