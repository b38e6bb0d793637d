import { describe, expect, it } from "vitest";
import { buildDemoWorld } from "./demo";
import { demoSpec, MAX_SCALE, SCALE_LOG_GROUP } from "./demo-spec-scale";
import { indexWorld } from "./demo-test-utils";

const NOW = new Date("2026-06-01T12:00:00Z");
const nameOf = (tags: { Key?: string; Value?: string }[] | undefined) =>
  tags?.find((t) => t.Key === "Name")?.Value;

describe("--scale", () => {
  const demo = buildDemoWorld({ seed: 3, now: NOW });
  const scaled = buildDemoWorld({ seed: 3, now: NOW, scale: 5 });
  const ix = indexWorld(scaled);

  it("adds generated service VPCs of 204 interfaces each around the unchanged demo", () => {
    expect(scaled.ec2?.Vpcs?.map((v) => [nameOf(v.Tags), v.CidrBlock])).toEqual([
      ["prod", "10.0.0.0/16"],
      ["staging", "10.1.0.0/16"],
      ["svc-001", "10.2.0.0/16"],
      ["svc-002", "10.3.0.0/16"],
      ["svc-003", "10.4.0.0/16"],
    ]);
    const enis = (world: typeof demo) => world.ec2?.NetworkInterfaces?.length ?? 0;
    expect(enis(scaled) - enis(demo)).toBe(3 * 204);
    // Ids derive from names: the demo's resources keep theirs at any scale.
    for (const eni of demo.ec2?.NetworkInterfaces ?? [])
      expect(ix.enis.get(eni.NetworkInterfaceId ?? "")?.PrivateIpAddress).toBe(eni.PrivateIpAddress);
  });

  it("logs every second service VPC into one shared group", () => {
    const scaleLogs = [...ix.flowLogs.values()].filter((f) => f.LogGroupName === SCALE_LOG_GROUP);
    expect(scaleLogs.map((f) => nameOf(f.Tags))).toEqual(["svc-001-vpc-all", "svc-003-vpc-all"]);
  });

  it("stays deterministic and refuses scales it cannot address", () => {
    expect(JSON.stringify(buildDemoWorld({ seed: 3, now: NOW, scale: 5 }))).toBe(JSON.stringify(scaled));
    expect(() => demoSpec(MAX_SCALE + 1)).toThrow(/scale/);
    expect(demoSpec(2).vpcs).toHaveLength(2);
  });
});
