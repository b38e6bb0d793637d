import { afterEach, describe, expect, it, vi } from "vitest";
import { NO_FAULTS } from "@/emulator/faults";
import { type AwsHarness, startAwsHarness } from "@/emulator/test-support/aws-harness";
import { loadSmallWorld } from "@/emulator/test-support/ec2-harness";
import { buildDemoWorld } from "@/emulator/world/demo";
import type { World } from "@/emulator/world/types";
import { awsPart, canonical, vpcOfResource, withFlowRecords } from "./world-export.fixture";
import { type ExportOptions, exportWorld } from "./world-export-build";

// lib/aws is server-only; outside Next the test stands in for the react-server condition.
vi.mock("server-only", () => ({}));

const NOW = new Date("2026-06-01T12:00:00Z");
const harnesses: AwsHarness[] = [];

afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

/** The world as the emulator serves it, exported through the real SDK clients. */
async function exportFrom(world: World, options: Partial<ExportOptions> = {}, deny: string[] = []) {
  const faults = { ...NO_FAULTS, accessDenied: deny };
  const harness = await startAwsHarness({ world, now: () => NOW.getTime(), faults });
  harnesses.push(harness);
  const lines: string[] = [];
  const exported = await exportWorld(harness, {
    region: world.region,
    vpcIds: [],
    recordsSince: NOW.getTime() - 48 * 3_600_000,
    maxRecords: 10_000,
    log: (line) => lines.push(line),
    ...options,
  });
  return { world: exported, lines };
}

async function roundTrip(world: World, options: Partial<ExportOptions> = {}) {
  const first = await exportFrom(world, options);
  const second = await exportFrom(first.world, options);
  expect(JSON.stringify(second.world, null, 2)).toBe(JSON.stringify(first.world, null, 2));
  return first;
}

/** The demo world, with flow records in its flow logs' groups (the demo itself leaves them to the simulator). */
const demoWorld = (seed: number) => withFlowRecords(buildDemoWorld({ seed, now: NOW }), NOW);

describe("world export", () => {
  it("round-trips the demo world: export, load the export, export again — identical", async () => {
    const { world, lines } = await roundTrip(demoWorld(7));
    expect(world.ec2?.Vpcs?.length).toBeGreaterThan(1);
    expect(world.logs?.flatMap((g) => g.streams).length).toBeGreaterThan(1);
    expect(lines.join("\n")).toMatch(/\d+ VPCs, .* flow logs/);
  });

  it("round-trips the small fixture world, and warns about a delivery role that does not exist", async () => {
    const { world, lines } = await roundTrip(loadSmallWorld());
    expect(world.iam?.Roles?.map((r) => r.RoleName)).toEqual(["vpc-flow-logs-to-cwl"]);
    expect(lines).toContain(
      "warning: delivery role arn:aws:iam::123456789012:role/missing-trust-role is not a role of this account; not exported",
    );
    expect(lines).toContain(
      "warning: log group /vpc/prod/eni-debug does not exist (a flow log still names it); skipped",
    );
  });

  it("round-trips a capped sample of flow records", async () => {
    const { world, lines } = await roundTrip(demoWorld(3), { maxRecords: 7 });
    for (const group of world.logs ?? []) {
      expect(group.streams.reduce((n, s) => n + s.events.length, 0)).toBeLessThanOrEqual(7);
    }
    expect(lines.some((line) => line.includes("capped"))).toBe(true);
  });

  it("gives back the demo world itself: EC2, IAM and flow records", async () => {
    const demo = demoWorld(7);
    const { world } = await exportFrom(demo);
    expect(canonical(world)).toEqual(canonical(awsPart(demo)));
  });

  it("gives back the small fixture world itself", async () => {
    const small = loadSmallWorld();
    const { world } = await exportFrom(small, { recordsSince: 0 });
    expect(canonical(world)).toEqual(canonical(awsPart(small)));
  });

  it("keeps to the VPCs asked for: their resources, flow logs, delivery roles and interfaces' records", async () => {
    const demo = demoWorld(7);
    const vpcId = vpcOfResource(demo, demo.ec2?.FlowLogs?.at(-1)?.ResourceId) ?? "";
    expect(demo.ec2?.Vpcs?.length).toBeGreaterThan(1);
    const { world } = await exportFrom(demo, { vpcIds: [vpcId] });
    const ec2 = world.ec2 ?? {};
    expect(ec2.Vpcs?.map((v) => v.VpcId)).toEqual([vpcId]);
    for (const items of [
      ec2.Subnets,
      ec2.NetworkInterfaces,
      ec2.SecurityGroups,
      ec2.RouteTables,
      ec2.NatGateways,
    ]) {
      for (const item of items ?? []) expect(item.VpcId).toBe(vpcId);
    }
    expect(ec2.InternetGateways?.flatMap((g) => g.Attachments?.map((a) => a.VpcId))).toEqual([vpcId]);
    const resources = new Set([
      vpcId,
      ...(ec2.Subnets ?? []).map((s) => s.SubnetId),
      ...(ec2.NetworkInterfaces ?? []).map((n) => n.NetworkInterfaceId),
    ]);
    expect(ec2.FlowLogs?.length).toBeGreaterThan(0);
    for (const flowLog of ec2.FlowLogs ?? []) expect(resources.has(flowLog.ResourceId)).toBe(true);
    const enis = new Set(ec2.NetworkInterfaces?.map((n) => n.NetworkInterfaceId));
    const streams = world.logs?.flatMap((g) => g.streams.map((s) => s.logStreamName.replace(/-all$/, "")));
    expect(streams?.length).toBeGreaterThan(0);
    for (const eni of streams ?? []) expect(enis.has(eni)).toBe(true);
  });

  it("fails with EC2's code for a VPC the account does not have", async () => {
    await expect(exportFrom(loadSmallWorld(), { vpcIds: ["vpc-0123456789abcdef0"] })).rejects.toMatchObject({
      name: "InvalidVpcID.NotFound",
    });
  });

  it.each([
    ["iam:ListRoles", "AccessDenied"],
    ["logs:FilterLogEvents", "AccessDeniedException"],
    ["ec2:DescribeRouteTables", "UnauthorizedOperation"],
  ])("fails with AWS's own error when %s is refused (%s)", async (action, code) => {
    await expect(exportFrom(loadSmallWorld(), {}, [action])).rejects.toMatchObject({ name: code });
  });

  it("leaves out records and the logs key unless asked for", async () => {
    const { world, lines } = await exportFrom(loadSmallWorld(), { recordsSince: undefined });
    expect(world).not.toHaveProperty("logs");
    expect(lines).toContain("no flow records exported (add --records-since 2h for a sample)");
  });
});
