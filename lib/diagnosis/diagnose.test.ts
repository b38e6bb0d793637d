import { describe, expect, test } from "vitest";
import { diagnose } from "./diagnose";
import { tinyWorld } from "./diagnose.fixture";
import { type DiagnoseInput, DiagnoseInputError, type DiagnosisTopology } from "./verdict";

type Case = {
  name: string;
  edit?: (t: DiagnosisTopology) => void;
  input: DiagnoseInput;
  verdict: "reachable" | "blocked";
  first?: Record<string, unknown>;
};

const mainRoutes = (t: DiagnosisTopology) => t.RouteTables?.[0]?.Routes ?? [];
const denyOnly = (egress: boolean) => ({
  RuleNumber: 32767,
  Egress: egress,
  RuleAction: "deny",
  Protocol: "-1",
  CidrBlock: "0.0.0.0/0",
});

const cases: Case[] = [
  {
    name: "internet to the public web server",
    input: { from: "internet", to: "i-web", protocol: "tcp", port: 443 },
    verdict: "reachable",
  },
  {
    name: "web to app through a group reference",
    input: { from: "i-web", to: "i-app", protocol: "tcp", port: 8080 },
    verdict: "reachable",
  },
  {
    name: "ENI_SG_RULES_MISMATCH inbound",
    input: { from: "internet", to: "203.0.113.10", protocol: "tcp", port: 22 },
    verdict: "blocked",
    first: { code: "ENI_SG_RULES_MISMATCH", resourceId: "sg-web", direction: "ingress", path: "request" },
  },
  {
    name: "ENI_SG_RULES_MISMATCH outbound",
    edit: (t) => {
      const app = t.SecurityGroups?.find((g) => g.GroupId === "sg-app");
      if (app) app.IpPermissionsEgress = [];
    },
    input: { from: "eni-app", to: "10.0.1.10", protocol: "tcp", port: 443 },
    verdict: "blocked",
    first: { code: "ENI_SG_RULES_MISMATCH", resourceId: "sg-app", direction: "egress", path: "request" },
  },
  {
    name: "SUBNET_ACL_RESTRICTION by a numbered deny rule",
    edit: (t) => {
      t.NetworkAcls?.[0]?.Entries?.push({
        RuleNumber: 90,
        Egress: false,
        RuleAction: "deny",
        Protocol: "6",
        CidrBlock: "198.51.100.0/24",
        PortRange: { From: 443, To: 443 },
      });
    },
    input: { from: "198.51.100.7", to: "i-web", protocol: "tcp", port: 443 },
    verdict: "blocked",
    first: {
      code: "SUBNET_ACL_RESTRICTION",
      resourceId: "acl-default",
      direction: "ingress",
      path: "request",
      ruleNumber: 90,
    },
  },
  {
    // AWS's documented example (flow-log-records.md §10.3): ping allowed in, the reply denied out.
    name: "SUBNET_ACL_RESTRICTION on the reply: the documented ping example",
    edit: (t) => {
      const acl = t.NetworkAcls?.[0];
      if (acl)
        acl.Entries = [
          {
            RuleNumber: 100,
            Egress: false,
            RuleAction: "allow",
            Protocol: "1",
            CidrBlock: "0.0.0.0/0",
            IcmpTypeCode: { Type: -1, Code: -1 },
          },
          denyOnly(false),
          denyOnly(true),
        ];
    },
    input: { from: "203.0.113.12", to: "i-web", protocol: "icmp" },
    verdict: "blocked",
    first: {
      code: "SUBNET_ACL_RESTRICTION",
      resourceId: "acl-default",
      direction: "egress",
      path: "reply",
      ruleNumber: 32767,
    },
  },
  {
    name: "network ACLs are not applied within one subnet",
    edit: (t) => {
      const acl = t.NetworkAcls?.[0];
      if (acl) acl.Entries = [denyOnly(false), denyOnly(true)];
      const app = t.NetworkInterfaces?.[1];
      if (app) app.SubnetId = "subnet-a";
    },
    input: { from: "i-web", to: "i-app", protocol: "tcp", port: 8080 },
    verdict: "reachable",
  },
  {
    name: "NO_ROUTE_TO_DESTINATION",
    edit: (t) => void mainRoutes(t).pop(),
    input: { from: "i-app", to: "8.8.8.8", protocol: "tcp", port: 443 },
    verdict: "blocked",
    first: { code: "NO_ROUTE_TO_DESTINATION", resourceId: "rtb-main", path: "request" },
  },
  {
    name: "BAD_STATE_ROUTE (blackhole)",
    edit: (t) => {
      const route = mainRoutes(t)[1];
      if (route) route.State = "blackhole";
    },
    input: { from: "i-web", to: "8.8.8.8", protocol: "udp", port: 53 },
    verdict: "blocked",
    first: { code: "BAD_STATE_ROUTE", resourceId: "rtb-main", path: "request" },
  },
  {
    name: "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS",
    edit: (t) => {
      t.SecurityGroups?.[1]?.IpPermissions?.push({
        IpProtocol: "tcp",
        FromPort: 8080,
        ToPort: 8080,
        IpRanges: [{ CidrIp: "0.0.0.0/0" }],
      });
    },
    input: { from: "internet", to: "i-app", protocol: "tcp", port: 8080 },
    verdict: "blocked",
    first: { code: "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", resourceId: "eni-app", path: "request" },
  },
  {
    name: "BAD_STATE (instance stopped)",
    edit: (t) => {
      const web = t.Reservations?.[0]?.Instances?.[0];
      if (web) web.State = { Name: "stopped", Code: 80 };
    },
    input: { from: "internet", to: "i-web", protocol: "tcp", port: 443 },
    verdict: "blocked",
    first: { code: "BAD_STATE", resourceId: "i-web" },
  },
  {
    name: "ENI_SOURCE_DEST_CHECK_RESTRICTION (appliance route)",
    edit: (t) =>
      void mainRoutes(t).push({
        DestinationCidrBlock: "10.9.0.0/16",
        NetworkInterfaceId: "eni-web",
        State: "active",
      }),
    input: { from: "i-app", to: "10.9.0.5", protocol: "tcp", port: 443 },
    verdict: "blocked",
    first: { code: "ENI_SOURCE_DEST_CHECK_RESTRICTION", resourceId: "eni-web", path: "request" },
  },
  {
    name: "replies from a private subnet do not go back through the internet gateway",
    edit: (t) => {
      const routes = mainRoutes(t);
      routes[1] = { DestinationCidrBlock: "0.0.0.0/0", NatGatewayId: "nat-1", State: "active" };
    },
    input: { from: "internet", to: "203.0.113.10", protocol: "tcp", port: 443 },
    verdict: "blocked",
    first: { code: "NO_ROUTE_TO_DESTINATION", resourceId: "rtb-main", path: "reply" },
  },
  {
    name: "an on-premises address comes through the VPN gateway, needing no public IP",
    edit: (t) => {
      mainRoutes(t).push({ DestinationCidrBlock: "10.50.0.0/16", GatewayId: "vgw-1", State: "active" });
      t.SecurityGroups?.[1]?.IpPermissions?.push({
        IpProtocol: "tcp",
        FromPort: 8080,
        ToPort: 8080,
        IpRanges: [{ CidrIp: "10.50.0.0/16" }],
      });
    },
    input: { from: "10.50.0.0/24", to: "app", protocol: "tcp", port: 8080 },
    verdict: "reachable",
  },
];

describe("diagnose, one small world per explanation code", () => {
  test.each(cases)("$name", ({ edit, input, verdict, first }) => {
    const world = tinyWorld();
    edit?.(world);
    const result = diagnose(world, input);
    expect(result.verdict).toBe(verdict);
    if (first) expect(result.explanations[0]).toMatchObject(first);
    else expect(result.explanations).toEqual([]);
    expect(result.hops.filter((h) => h.result === "block")).toHaveLength(result.explanations.length);
  });

  test("the ping example names the fix: an outbound echo-reply rule, with the CLI command", () => {
    const world = tinyWorld();
    const acl = world.NetworkAcls?.[0];
    if (acl)
      acl.Entries = [
        denyOnly(true),
        { RuleNumber: 100, Egress: false, RuleAction: "allow", Protocol: "1", CidrBlock: "0.0.0.0/0" },
      ];
    const [e] = diagnose(world, { from: "203.0.113.12", to: "i-web", protocol: "icmp" }).explanations;
    expect(e?.fix).toContain("ICMP type 0");
    expect(e?.awsCli).toBe(
      "aws ec2 create-network-acl-entry --network-acl-id acl-default --egress --rule-number 10 --protocol 1 --icmp-type-code Type=0,Code=-1 --cidr-block 0.0.0.0/0 --rule-action allow",
    );
  });

  test("a blocked reply leaves the request hops green and the stateful SG reply not applicable", () => {
    const world = tinyWorld();
    const acl = world.NetworkAcls?.[0];
    if (acl)
      acl.Entries = [
        { RuleNumber: 100, Egress: false, RuleAction: "allow", Protocol: "-1", CidrBlock: "0.0.0.0/0" },
      ];
    const { hops } = diagnose(world, { from: "internet", to: "i-web", protocol: "tcp", port: 443 });
    expect(hops.filter((h) => h.path === "request").every((h) => h.result === "pass")).toBe(true);
    expect(hops.find((h) => h.component === "security-group" && h.path === "reply")?.result).toBe(
      "not-applicable",
    );
  });

  test.each([
    [{ from: "i-web", to: "i-app", protocol: "tcp" } as const, "port"],
    [{ from: "i-nope", to: "i-app", protocol: "tcp", port: 1 } as const, "i-nope"],
    [{ from: "8.8.8.8", to: "1.1.1.1", protocol: "tcp", port: 1 } as const, "neither"],
    [{ from: "i-web", to: "internet", protocol: "tcp", port: 1 } as const, "destination"],
  ])("bad input %j", (input, message) => {
    expect(() => diagnose(tinyWorld(), input)).toThrow(DiagnoseInputError);
    expect(() => diagnose(tinyWorld(), input)).toThrow(message);
  });
});
