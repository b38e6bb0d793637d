/** The rich demo world's resources, as DescribeX would list them, and its planted faults as configuration. */
import { describe, expect, it } from "vitest";
import { evaluateNetworkAcl } from "../../lib/diagnosis/network-acls";
import { parseLogFormat } from "../../lib/flow/fields";
import { buildDemoWorld } from "./demo";
import { namesOf } from "./demo-history.fixture";
import { indexWorld } from "./demo-test-utils";

const world = buildDemoWorld({ seed: 5, now: new Date("2026-06-01T12:00:00Z") });
const ix = indexWorld(world);
const names = namesOf(world);
const nameOf = (tags: { Key?: string; Value?: string }[] | undefined) =>
  tags?.find((t) => t.Key === "Name")?.Value;
const byName = <T extends { Tags?: { Key?: string; Value?: string }[] }>(items: Iterable<T>, name: string) =>
  [...items].find((i) => nameOf(i.Tags) === name);
const subnetId = (name: string) => byName(ix.subnets.values(), name)?.SubnetId;

describe("the estate", () => {
  it("spreads prod over three AZs of public, app and database subnets; staging keeps its four", () => {
    const prod = [...ix.subnets.values()].filter((s) => s.VpcId === byName(ix.vpcs.values(), "prod")?.VpcId);
    expect(new Set(prod.map((s) => s.AvailabilityZone))).toEqual(
      new Set(["us-east-1a", "us-east-1b", "us-east-1c"]),
    );
    expect(prod.map((s) => nameOf(s.Tags)).sort()).toEqual(
      ["public", "app", "db"].flatMap((t) => ["a", "b", "c"].map((az) => `prod-${t}-${az}`)).sort(),
    );
    expect(prod.filter((s) => s.MapPublicIpOnLaunch).map((s) => nameOf(s.Tags))).toHaveLength(3);
    expect([...ix.subnets.values()].filter((s) => nameOf(s.Tags)?.startsWith("staging-"))).toHaveLength(4);
  });

  it("gives each prod AZ a NAT gateway; app subnets a and b route to their own, S3 through a gateway endpoint", () => {
    expect([...ix.nats.values()].map((n) => nameOf(n.Tags)).sort()).toEqual(
      ["a", "b", "c"].map((az) => `prod-public-${az}-nat`),
    );
    for (const az of ["a", "b"]) {
      const table = byName(ix.routeTables.values(), `prod-app-${az}-rt`);
      const nat = table?.Routes?.find((r) => r.DestinationCidrBlock === "0.0.0.0/0")?.NatGatewayId;
      expect(ix.nats.get(nat ?? "")?.SubnetId).toBe(subnetId(`prod-public-${az}`));
      const s3 = table?.Routes?.find((r) => r.DestinationPrefixListId === "pl-63a5400a");
      expect(s3?.GatewayId).toMatch(/^vpce-0[0-9a-f]{16}$/);
    }
    const s3 = ix.prefixLists.get("pl-63a5400a");
    expect([s3?.PrefixListName, s3?.OwnerId]).toEqual(["com.amazonaws.us-east-1.s3", "AWS"]);
    expect(s3?.Entries?.map((e) => e.Cidr)).toContain("52.216.0.0/15");
  });

  it("has an internet-facing ALB, a Redis cluster and NAT gateways as requester-managed interfaces", () => {
    const managed = [...ix.enis.values()].filter((e) => e.RequesterManaged);
    const alb = managed.filter((e) => e.Description?.startsWith("ELB app/prod-alb/"));
    expect(alb).toHaveLength(3);
    for (const eni of alb) {
      expect(eni.Description).toMatch(/^ELB app\/prod-alb\/[0-9a-f]{16}$/);
      expect([eni.InterfaceType, eni.RequesterId, eni.Attachment?.InstanceId]).toEqual([
        "interface",
        "amazon-elb",
        undefined,
      ]);
      expect(eni.Association?.PublicIp).toBeDefined();
      expect(eni.Groups?.map((g) => g.GroupName)).toEqual(["alb-sg"]);
    }
    const cache = managed.filter((e) => e.Description?.startsWith("ElastiCache prod-cache-"));
    expect(cache.map((e) => e.SubnetId).sort()).toEqual(
      [subnetId("prod-db-a"), subnetId("prod-db-b")].sort(),
    );
    expect(managed.filter((e) => e.InterfaceType === "natGateway")).toHaveLength(3);
  });

  it("writes security groups that reference each other and both prefix lists", () => {
    const group = (name: string) => [...ix.groups.values()].find((g) => g.GroupName === name);
    const refs = (name: string) =>
      [...(group(name)?.IpPermissions ?? []), ...(group(name)?.IpPermissionsEgress ?? [])].flatMap((p) => [
        ...(p.UserIdGroupPairs ?? []).map((u) => ix.groups.get(u.GroupId ?? "")?.GroupName),
        ...(p.PrefixListIds ?? []).map((l) => ix.prefixLists.get(l.PrefixListId ?? "")?.PrefixListName),
      ]);
    expect(refs("app-sg")).toEqual([
      "alb-sg",
      "bastion-sg",
      "com.amazonaws.us-east-1.s3",
      "db-sg",
      "cache-sg",
    ]);
    expect(refs("db-sg")).toEqual(["app-sg", "db-sg", "bastion-sg"]);
    expect(refs("bastion-sg")).toEqual(["office-cidrs"]);
  });
});

describe("flow logs and delivery roles", () => {
  const flowLogs = [...ix.flowLogs.values()];
  const log = (name: string) => flowLogs.find((f) => nameOf(f.Tags) === name);

  it("records prod at VPC level (default format), staging-public-a at subnet level (v5), the bastion's rejects", () => {
    const summary = flowLogs.map((f) => {
      const parsed = parseLogFormat(f.LogFormat ?? "");
      const version = parsed.ok ? Math.max(...parsed.fields.map((x) => x.version)) : 0;
      return [nameOf(f.Tags), f.ResourceId?.split("-")[0], f.TrafficType, version, f.DeliverLogsStatus];
    });
    expect(summary).toEqual([
      ["prod-vpc-all", "vpc", "ALL", 2, "SUCCESS"],
      ["staging-public-a-reject", "subnet", "REJECT", 5, "SUCCESS"],
      ["prod-bastion-reject", "eni", "REJECT", 5, "SUCCESS"],
      ["staging-app-1-all", "eni", "ALL", 2, "FAILED"],
    ]);
    expect(log("staging-public-a-reject")?.ResourceId).toBe(subnetId("staging-public-a"));
    expect(log("prod-bastion-reject")?.ResourceId).toBe(names.eni("prod-bastion").id);
  });

  it("delivers with a role VPC Flow Logs can assume, except the broken one: FAILED with Access error", () => {
    const roles = new Map((world.iam?.Roles ?? []).map((r) => [r.Arn, r]));
    const trusted = (arn: string | undefined) =>
      JSON.stringify(roles.get(arn)?.AssumeRolePolicyDocument).includes('"vpc-flow-logs.amazonaws.com"');
    for (const f of flowLogs)
      expect(trusted(f.DeliverLogsPermissionArn), nameOf(f.Tags)).toBe(f.DeliverLogsStatus === "SUCCESS");
    const broken = log("staging-app-1-all");
    expect([broken?.DeliverLogsErrorMessage, broken?.ResourceId]).toEqual([
      "Access error",
      names.eni("staging-app-1").id,
    ]);
    expect(JSON.stringify(roles.get(broken?.DeliverLogsPermissionArn)?.AssumeRolePolicyDocument)).toContain(
      "ec2.amazonaws.com",
    );
  });

  it("adds traffic the rules do not imply, naming resources that exist", () => {
    expect(world.traffic?.map((t) => [t.from.split("-")[0], t.to.split("-")[0], t.port])).toEqual([
      ["sg", "sg", 8081],
      ["internet", "i", 443],
    ]);
    for (const t of world.traffic ?? [])
      for (const end of [t.from, t.to])
        if (end !== "internet") expect(ix.groups.has(end) || ix.instancesById.has(end), end).toBe(true);
  });
});

describe("planted faults, as configuration", () => {
  it("(b) prod-reports-nacl drops every reply to an app instance's ephemeral port; prod-db-nacl does not", () => {
    const reply = { protocol: 6, srcIp: "10.0.34.10", dstIp: "10.0.16.20", srcPort: 5432, dstPort: 45000 };
    const acl = (name: string) => byName(ix.acls.values(), name);
    expect(evaluateNetworkAcl(acl("prod-reports-nacl") ?? {}, "egress", reply).action).toBe("deny");
    expect(evaluateNetworkAcl(acl("prod-db-nacl") ?? {}, "egress", reply).action).toBe("allow");
  });

  it("(c) prod-app-c-rt keeps only the local route", () => {
    expect(byName(ix.routeTables.values(), "prod-app-c-rt")?.Routes?.map((r) => r.GatewayId)).toEqual([
      "local",
    ]);
  });

  it("(d, e) prod-batch-1 is stopped; prod-web-legacy sits behind an IGW route without a public IP", () => {
    const instance = (name: string) => ix.instancesById.get(names.instanceId(name));
    expect(instance("prod-batch-1")?.State?.Name).toBe("stopped");
    expect(instance("prod-batch-1")?.StateTransitionReason).toMatch(
      /^User initiated \(2026-05-30 \d\d:\d\d:\d\d GMT\)$/,
    );
    expect(instance("prod-web-legacy")?.PublicIpAddress).toBeUndefined();
    const table = byName(ix.routeTables.values(), "prod-public-rt");
    expect(table?.Associations?.map((a) => a.SubnetId)).toContain(instance("prod-web-legacy")?.SubnetId);
    expect(table?.Routes?.some((r) => r.GatewayId?.startsWith("igw-"))).toBe(true);
  });
});
