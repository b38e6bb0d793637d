import { describe, expect, it } from "vitest";
import { buildDemoWorld } from "./demo";
import { expectedIngressAction } from "./demo-rule-check";
import { type FlowRecord, formatFields, indexWorld, parseRecord } from "./demo-test-utils";

const NOW = new Date("2026-06-01T12:00:00Z");
const NOW_SEC = NOW.getTime() / 1000;
const world = buildDemoWorld({ seed: 11, now: NOW });
const ix = indexWorld(world);
const flowLogs = [...ix.flowLogs.values()];
const groups = world.logs ?? [];
const nameOf = (tags: { Key?: string; Value?: string }[] | undefined) =>
  tags?.find((t) => t.Key === "Name")?.Value;
const instanceByName = new Map(ix.instances.map((i) => [nameOf(i.Tags), i]));
const eniOf = (instanceName: string) =>
  instanceByName.get(instanceName)?.NetworkInterfaces?.[0]?.NetworkInterfaceId;

/** Every event with its flow log, stream ENI and parsed record. */
const events = flowLogs.flatMap((fl) => {
  const fields = formatFields(fl.LogFormat ?? "");
  const group = groups.find((g) => g.logGroupName === fl.LogGroupName);
  return (group?.streams ?? []).flatMap((stream) =>
    stream.events.map((event) => ({
      fl,
      fields,
      eniId: stream.logStreamName.replace(/-all$/, ""),
      event,
      record: parseRecord(event.message, fields),
    })),
  );
});

describe("flow logs", () => {
  it.each(flowLogs.map((fl) => [nameOf(fl.Tags), fl] as const))("%s points at things that exist", (_, fl) => {
    const resource = fl.ResourceId ?? "";
    expect(ix.vpcs.has(resource) || ix.subnets.has(resource) || ix.enis.has(resource)).toBe(true);
    expect(groups.map((g) => g.logGroupName)).toContain(fl.LogGroupName);
    expect(fl.LogDestination).toBe(`arn:aws:logs:us-east-1:123456789012:log-group:${fl.LogGroupName}`);
    const role = world.iam?.Roles?.find((r) => r.Arn === fl.DeliverLogsPermissionArn);
    const doc = role?.AssumeRolePolicyDocument;
    const trust = typeof doc === "string" ? JSON.parse(decodeURIComponent(doc)) : doc;
    expect(trust?.Statement).toContainEqual({
      Effect: "Allow",
      Principal: { Service: "vpc-flow-logs.amazonaws.com" },
      Action: "sts:AssumeRole",
    });
  });

  it("covers all of prod, one staging subnet for REJECTs, and nothing else", () => {
    const coverage = Object.fromEntries(
      groups.map((g) => [g.logGroupName, g.streams.map((s) => s.logStreamName).sort()]),
    );
    const prod = [...ix.vpcs.values()].find((v) => nameOf(v.Tags) === "prod");
    const prodEnis = [...ix.enis.values()].filter((e) => e.VpcId === prod?.VpcId);
    expect(coverage).toEqual({
      "/flowscope/demo/prod-vpc": prodEnis.map((e) => `${e.NetworkInterfaceId}-all`).sort(),
      "/flowscope/demo/staging-public-a-rejects": [`${eniOf("staging-web-1")}-all`],
    });
    expect(prodEnis).toHaveLength(7);
    for (const g of groups)
      for (const s of g.streams) expect(s.events.length, s.logStreamName).toBeGreaterThan(5);
  });

  it.each([
    ["prod-vpc-all", "ALL", 600, 14],
    ["staging-public-a-reject", "REJECT", 60, 22],
  ])("%s: %s, %i s, %i fields", (name, trafficType, interval, fieldCount) => {
    const fl = flowLogs.find((f) => nameOf(f.Tags) === name);
    expect([fl?.TrafficType, fl?.MaxAggregationInterval, fl?.FlowLogStatus, fl?.DeliverLogsStatus]).toEqual([
      trafficType,
      interval,
      "ACTIVE",
      "SUCCESS",
    ]);
    expect(formatFields(fl?.LogFormat ?? "")).toHaveLength(fieldCount);
  });
});

describe("log events", () => {
  it("parse as records with the field count of their flow log's format", () => {
    expect(events.length).toBeGreaterThan(100);
    for (const { event, record } of events) expect(record, event.message).toBeDefined();
  });

  it("belong to their stream's ENI, in the hour before now, in order", () => {
    for (const { eniId, event, record, fl } of events) {
      const r = record as FlowRecord;
      expect(r["interface-id"]).toBe(eniId);
      expect(Number(r.start) * 1000).toBe(event.timestamp);
      expect(Number(r.start)).toBeGreaterThanOrEqual(NOW_SEC - 3600);
      expect(Number(r.end)).toBeGreaterThanOrEqual(Number(r.start));
      expect(Number(r.end)).toBeLessThan(NOW_SEC);
      expect(r.version).toBe(fl.TrafficType === "ALL" ? "2" : "5");
      if (fl.TrafficType !== "ALL") expect(r.action).toBe(fl.TrafficType);
    }
    for (const stream of groups.flatMap((g) => g.streams)) {
      const times = stream.events.map((e) => e.timestamp);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it("carry the ENI's own VPC, subnet and instance in custom formats", () => {
    const custom = events.filter(({ fields }) => fields.includes("vpc-id"));
    expect(custom.length).toBeGreaterThan(5);
    for (const { eniId, record } of custom) {
      const eni = ix.enis.get(eniId);
      expect([record?.["vpc-id"], record?.["subnet-id"], record?.["instance-id"]]).toEqual([
        eni?.VpcId,
        eni?.SubnetId,
        eni?.Attachment?.InstanceId ?? "-",
      ]);
    }
  });

  it("accept or reject inbound requests as the security groups and NACLs say", () => {
    const requests = events.filter(({ eniId, record }) => {
      const eni = ix.enis.get(eniId);
      return (
        eni?.InterfaceType === "interface" &&
        record?.dstaddr === eni.PrivateIpAddress &&
        Number(record?.dstport) < 10000
      );
    });
    expect(requests.length).toBeGreaterThan(30);
    const seen = new Set<string>();
    for (const { eniId, record } of requests) {
      const r = record as FlowRecord;
      expect(r.action, `${r.srcaddr} → ${r.dstaddr}:${r.dstport}`).toBe(
        expectedIngressAction(ix, eniId, r.srcaddr ?? "", Number(r.dstport)),
      );
      seen.add(`${r.dstport} ${r.action}`);
    }
    expect([...seen].sort()).toEqual(
      ["22 ACCEPT", "22 REJECT", "23 REJECT", "3389 REJECT", "443 ACCEPT", "5432 ACCEPT", "5432 REJECT"]
        .concat(["5900 REJECT", "80 ACCEPT", "8080 ACCEPT"])
        .sort(),
    );
  });

  it("shows the NAT gateway hops with its own private address", () => {
    const nat = [...ix.nats.values()][0]?.NatGatewayAddresses?.[0];
    const natEvents = events.filter(({ eniId }) => eniId === nat?.NetworkInterfaceId);
    expect(natEvents.length).toBeGreaterThan(4);
    for (const { record } of natEvents) {
      expect([record?.srcaddr, record?.dstaddr]).toContain(nat?.PrivateIp);
    }
  });
});
