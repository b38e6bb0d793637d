import type { NetworkAcl } from "../topology/types";
import type { Direction, Packet } from "./packet";

const protoName = (p: number) => (p === 6 ? "tcp" : p === 17 ? "udp" : p === 1 ? "icmp" : String(p));
const host = (ip: string) => (ip.includes(":") ? `${ip}/128` : `${ip}/32`);

/** The port or ICMP type the packet needs, as people say it. */
export function describeTraffic(p: Packet): string {
  if (p.protocol === 1) return `ICMP type ${p.icmpType ?? -1}`;
  return `${protoName(p.protocol).toUpperCase()} ${p.dstPort ?? "?"}`;
}

/** An SG rule allowing the packet from/to `peer` (a CIDR or a group id). */
export function sgFix(groupId: string, direction: Direction, p: Packet, peer: string) {
  const verb =
    direction === "ingress" ? "authorize-security-group-ingress" : "authorize-security-group-egress";
  const range =
    p.protocol === 1
      ? `FromPort=${p.icmpType ?? -1},ToPort=-1`
      : `FromPort=${p.dstPort ?? 0},ToPort=${p.dstPort ?? 65535}`;
  const peerSpec = peer.startsWith("sg-")
    ? `UserIdGroupPairs=[{GroupId=${peer}}]`
    : peer.includes(":")
      ? `Ipv6Ranges=[{CidrIpv6=${peer}}]`
      : `IpRanges=[{CidrIp=${peer}}]`;
  const side = direction === "ingress" ? "inbound" : "outbound";
  return {
    fix: `Add an ${side} rule to ${groupId} allowing ${describeTraffic(p)} ${direction === "ingress" ? "from" : "to"} ${peer}.`,
    awsCli: `aws ec2 ${verb} --group-id ${groupId} --ip-permissions IpProtocol=${protoName(p.protocol)},${range},${peerSpec}`,
  };
}

/** A free rule number that is evaluated before `blocking`. */
function freeRuleNumber(acl: NetworkAcl, egress: boolean, blocking: number): number {
  const used = new Set(
    (acl.Entries ?? []).filter((e) => Boolean(e.Egress) === egress).map((e) => e.RuleNumber ?? 0),
  );
  if (blocking >= 32767) {
    const highest = Math.max(0, ...[...used].filter((n) => n < 32767));
    const next = Math.min(32766, Math.floor(highest / 10) * 10 + 10);
    if (!used.has(next)) return next;
  }
  let n = Math.min(blocking - 1, 32766);
  while (n > 1 && used.has(n)) n -= 1;
  return n;
}

/** A NACL rule allowing the packet; replies get the whole ephemeral range, not one port. */
export function aclFix(
  acl: NetworkAcl,
  direction: Direction,
  p: Packet,
  peerIp: string,
  blocking: number,
  reply: boolean,
) {
  const id = acl.NetworkAclId ?? "";
  const egress = direction === "egress";
  const rule = freeRuleNumber(acl, egress, blocking);
  const cidr = reply ? (peerIp.includes(":") ? "::/0" : "0.0.0.0/0") : host(peerIp);
  const ports =
    p.protocol === 1
      ? ` --icmp-type-code Type=${p.icmpType ?? -1},Code=-1`
      : reply
        ? " --port-range From=1024,To=65535"
        : ` --port-range From=${p.dstPort ?? 0},To=${p.dstPort ?? 65535}`;
  const what =
    p.protocol === 1
      ? describeTraffic(p)
      : reply
        ? `${protoName(p.protocol).toUpperCase()} 1024-65535 (ephemeral ports)`
        : describeTraffic(p);
  const cidrFlag = cidr.includes(":") ? "--ipv6-cidr-block" : "--cidr-block";
  return {
    fix: `Add ${egress ? "outbound" : "inbound"} rule ${rule} to ${id} allowing ${what} ${egress ? "to" : "from"} ${cidr}${blocking < 32767 ? `, before the deny rule ${blocking}` : ""}.`,
    awsCli: `aws ec2 create-network-acl-entry --network-acl-id ${id} ${egress ? "--egress" : "--ingress"} --rule-number ${rule} --protocol ${p.protocol}${ports} ${cidrFlag} ${cidr} --rule-action allow`,
  };
}
