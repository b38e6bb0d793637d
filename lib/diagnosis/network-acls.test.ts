import { describe, expect, test } from "vitest";
import type { NetworkAcl } from "../topology/types";
import { aclForSubnet, evaluateNetworkAcl } from "./network-acls";
import { type Packet, replyOf } from "./packet";

// AWS's documented example: ping allowed in by the security group and the inbound ACL,
// the reply denied by the outbound ACL (flow-log-records.md 10.3, reachability.md §5).
const pingAcl: NetworkAcl = {
  NetworkAclId: "acl-ping",
  Entries: [
    {
      RuleNumber: 100,
      Egress: false,
      RuleAction: "allow",
      Protocol: "1",
      CidrBlock: "0.0.0.0/0",
      IcmpTypeCode: { Type: -1, Code: -1 },
    },
    { RuleNumber: 32767, Egress: false, RuleAction: "deny", Protocol: "-1", CidrBlock: "0.0.0.0/0" },
    { RuleNumber: 32767, Egress: true, RuleAction: "deny", Protocol: "-1", CidrBlock: "0.0.0.0/0" },
  ],
};
const webAcl: NetworkAcl = {
  NetworkAclId: "acl-web",
  Entries: [
    {
      RuleNumber: 90,
      Egress: false,
      RuleAction: "deny",
      Protocol: "6",
      CidrBlock: "203.0.113.66/32",
      PortRange: { From: 443, To: 443 },
    },
    {
      RuleNumber: 100,
      Egress: false,
      RuleAction: "allow",
      Protocol: "6",
      CidrBlock: "0.0.0.0/0",
      PortRange: { From: 443, To: 443 },
    },
    {
      RuleNumber: 110,
      Egress: false,
      RuleAction: "allow",
      Protocol: "6",
      Ipv6CidrBlock: "::/0",
      PortRange: { From: 443, To: 443 },
    },
    {
      RuleNumber: 120,
      Egress: true,
      RuleAction: "allow",
      Protocol: "6",
      CidrBlock: "0.0.0.0/0",
      PortRange: { From: 1024, To: 65535 },
    },
    { RuleNumber: 130, Egress: true, RuleAction: "allow", Protocol: "58", CidrBlock: "0.0.0.0/0" },
  ],
};
const ping: Packet = { protocol: 1, srcIp: "203.0.113.12", dstIp: "172.31.16.139", icmpType: 8, icmpCode: 0 };
const https = (srcIp: string, dstIp = "10.0.1.25"): Packet => ({
  protocol: 6,
  srcIp,
  dstIp,
  srcPort: 50123,
  dstPort: 443,
});

describe("evaluateNetworkAcl", () => {
  test.each([
    { name: "ping request in: rule 100", acl: pingAcl, dir: "ingress", p: ping, action: "allow", rule: 100 },
    {
      name: "ping reply out: the * rule",
      acl: pingAcl,
      dir: "egress",
      p: replyOf(ping),
      action: "deny",
      rule: 32767,
    },
    {
      name: "lower-numbered deny wins",
      acl: webAcl,
      dir: "ingress",
      p: https("203.0.113.66"),
      action: "deny",
      rule: 90,
    },
    {
      name: "https allowed",
      acl: webAcl,
      dir: "ingress",
      p: https("203.0.113.67"),
      action: "allow",
      rule: 100,
    },
    {
      name: "IPv6 needs its own rule",
      acl: webAcl,
      dir: "ingress",
      p: https("2001:db8::1", "2001:db8::2"),
      action: "allow",
      rule: 110,
    },
    {
      name: "reply to ephemeral port",
      acl: webAcl,
      dir: "egress",
      p: replyOf(https("203.0.113.67")),
      action: "allow",
      rule: 120,
    },
    {
      name: "port 80 falls to *",
      acl: webAcl,
      dir: "ingress",
      p: { ...https("203.0.113.67"), dstPort: 80 },
      action: "deny",
      rule: 32767,
    },
    {
      name: "IPv6 falls to the IPv6 *",
      acl: webAcl,
      dir: "egress",
      p: replyOf(https("2001:db8::1", "2001:db8::2")),
      action: "deny",
      rule: 32768,
    },
    {
      name: "ICMPv6 rule with an IPv4 CIDR matches all types",
      acl: webAcl,
      dir: "egress",
      p: { protocol: 58, srcIp: "10.0.0.1", dstIp: "10.0.0.2", icmpType: 1 },
      action: "allow",
      rule: 130,
    },
    {
      name: "empty ACL denies",
      acl: { Entries: [] } as NetworkAcl,
      dir: "ingress",
      p: ping,
      action: "deny",
      rule: 32767,
    },
  ] as const)("$name", ({ acl, dir, p, action, rule }) => {
    expect(evaluateNetworkAcl(acl, dir, p)).toMatchObject({ action, ruleNumber: rule });
  });
});

test("replyOf answers an echo request with an echo reply", () => {
  expect(replyOf(ping)).toMatchObject({ srcIp: ping.dstIp, dstIp: ping.srcIp, icmpType: 0 });
  expect(replyOf(https("1.2.3.4"))).toMatchObject({ srcPort: 443, dstPort: 50123 });
});

test.each([
  { subnet: "subnet-a", expected: "acl-custom" },
  { subnet: "subnet-b", expected: "acl-default" },
])("aclForSubnet $subnet → $expected", ({ subnet, expected }) => {
  const acls: NetworkAcl[] = [
    { NetworkAclId: "acl-default", VpcId: "vpc-1", IsDefault: true, Associations: [] },
    { NetworkAclId: "acl-custom", VpcId: "vpc-1", Associations: [{ SubnetId: "subnet-a" }] },
  ];
  expect(aclForSubnet(acls, subnet, "vpc-1")?.NetworkAclId).toBe(expected);
});
