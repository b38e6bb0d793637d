import { describe, expect, test } from "vitest";
import type { SecurityGroup } from "../topology/types";
import type { Packet } from "./packet";
import { matchSecurityGroups, type SgContext } from "./security-groups";

const web: SecurityGroup = {
  GroupId: "sg-web",
  IpPermissions: [
    {
      IpProtocol: "tcp",
      FromPort: 443,
      ToPort: 443,
      IpRanges: [{ CidrIp: "0.0.0.0/0" }],
      Ipv6Ranges: [{ CidrIpv6: "::/0" }],
    },
    { IpProtocol: "tcp", FromPort: 22, ToPort: 22, PrefixListIds: [{ PrefixListId: "pl-office" }] },
    { IpProtocol: "icmp", FromPort: 8, ToPort: -1, IpRanges: [{ CidrIp: "10.0.0.0/16" }] },
  ],
  IpPermissionsEgress: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
};
const app: SecurityGroup = {
  GroupId: "sg-app",
  IpPermissions: [
    { IpProtocol: "tcp", FromPort: 8080, ToPort: 8081, UserIdGroupPairs: [{ GroupId: "sg-web" }] },
    { IpProtocol: "50", IpRanges: [{ CidrIp: "192.0.2.0/24" }] },
    { IpProtocol: "udp", FromPort: 1000, ToPort: 2000, IpRanges: [{ CidrIp: "10.0.9.0/24" }] },
  ],
  IpPermissionsEgress: [],
};
const ctx: SgContext = {
  prefixListCidrs: (id) => (id === "pl-office" ? ["198.51.100.0/24"] : []),
  groupMemberIps: (id) => (id === "sg-web" ? ["10.0.1.25"] : []),
};
const tcp = (srcIp: string, dstPort: number, dstIp = "10.0.2.10"): Packet => ({
  protocol: 6,
  srcIp,
  dstIp,
  srcPort: 40000,
  dstPort,
});

describe("matchSecurityGroups ingress", () => {
  test.each([
    { name: "https from the internet", groups: [web], p: tcp("203.0.113.9", 443), group: "sg-web" },
    { name: "https over IPv6", groups: [web], p: tcp("2001:db8::9", 443, "2001:db8::10"), group: "sg-web" },
    { name: "http not allowed", groups: [web], p: tcp("203.0.113.9", 80), group: undefined },
    { name: "ssh from the office prefix list", groups: [web], p: tcp("198.51.100.7", 22), group: "sg-web" },
    { name: "ssh from elsewhere", groups: [web], p: tcp("203.0.113.9", 22), group: undefined },
    {
      name: "ping from inside the VPC",
      groups: [web],
      p: { protocol: 1, srcIp: "10.0.3.3", dstIp: "10.0.1.25", icmpType: 8, icmpCode: 0 },
      group: "sg-web",
    },
    {
      name: "ICMP unreachable is another type",
      groups: [web],
      p: { protocol: 1, srcIp: "10.0.3.3", dstIp: "10.0.1.25", icmpType: 3, icmpCode: 4 },
      group: undefined,
    },
    { name: "a member of the referenced group", groups: [app], p: tcp("10.0.1.25", 8081), group: "sg-app" },
    {
      name: "not a member of the referenced group",
      groups: [app],
      p: tcp("10.0.1.26", 8080),
      group: undefined,
    },
    {
      name: "ESP by protocol number, any port",
      groups: [app],
      p: { protocol: 50, srcIp: "192.0.2.1", dstIp: "10.0.2.10" },
      group: "sg-app",
    },
    {
      name: "udp range lower edge",
      groups: [app],
      p: { protocol: 17, srcIp: "10.0.9.9", dstIp: "10.0.2.10", dstPort: 1000 },
      group: "sg-app",
    },
    {
      name: "udp range beyond the edge",
      groups: [app],
      p: { protocol: 17, srcIp: "10.0.9.9", dstIp: "10.0.2.10", dstPort: 2001 },
      group: undefined,
    },
    { name: "union of several groups", groups: [app, web], p: tcp("203.0.113.9", 443), group: "sg-web" },
    { name: "no groups, no entry", groups: [], p: tcp("203.0.113.9", 443), group: undefined },
  ])("$name", ({ groups, p, group }) => {
    expect(matchSecurityGroups(groups, "ingress", p, ctx)?.groupId).toBe(group);
  });
});

describe("matchSecurityGroups egress", () => {
  test.each([
    { groups: [web], expected: "sg-web" },
    { groups: [app], expected: undefined },
  ])("egress through $groups.0.GroupId", ({ groups, expected }) => {
    expect(matchSecurityGroups(groups, "egress", tcp("10.0.2.10", 443, "203.0.113.9"), ctx)?.groupId).toBe(
      expected,
    );
  });
});
