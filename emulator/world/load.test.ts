import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { smallWorldPath } from "../test-support/ec2-harness";
import { loadWorldFile, parseWorld, WorldFileError } from "./load";

describe("loadWorldFile", () => {
  test("reads the small test world", () => {
    const world = loadWorldFile(smallWorldPath);
    expect(world).toMatchObject({ accountId: "123456789012", region: "us-east-1" });
    expect(world.ec2?.Vpcs).toHaveLength(2);
  });

  test("a missing file and a non-JSON file name the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "flowscope-world-"));
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    expect(() => loadWorldFile(join(dir, "missing.json"))).toThrow(/missing\.json: cannot read/);
    expect(() => loadWorldFile(bad)).toThrow(/bad\.json: not JSON/);
  });
});

describe("parseWorld checks the envelope", () => {
  const ok = { accountId: "123456789012", region: "eu-west-1" };
  test.each([
    [{ ...ok, accountId: "1234" }, "accountId: must be 12 digits"],
    [{ ...ok, region: "Europe" }, "region: must be a region name"],
    [{ ...ok, ec2: { Vpcs: {} } }, "ec2.Vpcs:"],
    [{ ...ok, ec2: { Subnets: [1] } }, "ec2.Subnets[0]:"],
    [{ ...ok, iam: { Roles: "none" } }, "iam.Roles:"],
    [
      { ...ok, logs: [{ logGroupName: "/a", streams: [{ logStreamName: "s", events: {} }] }] },
      "logs[0].streams[0].events:",
    ],
    [[], "(root):"],
  ])("%j -> %s", (data, message) => {
    expect(() => parseWorld(data, "w.json")).toThrow(WorldFileError);
    expect(() => parseWorld(data, "w.json")).toThrow(`w.json: ${message}`);
  });

  test("unknown keys and missing sections are fine", () => {
    expect(
      parseWorld({ ...ok, ec2: { Vpcs: [{ VpcId: "vpc-1", Future: true }], Future: [] }, extra: 1 }),
    ).toMatchObject(ok);
  });
});
