/** The CLI on a demo world file: the verdict JSON and exit code for each planted fault. */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildDemoWorld } from "../emulator/world/demo";
import { namesOf } from "../emulator/world/demo-history.fixture";
import type { Verdict } from "../lib/diagnosis/verdict";

const world = buildDemoWorld({ seed: 1 });
const n = namesOf(world);
let dir = "";
let file = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "diagnose-"));
  file = join(dir, "world.json");
  await writeFile(file, JSON.stringify(world));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = join(import.meta.dirname, "diagnose.ts");
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", script, ...args],
      { env: { ...process.env, AWS_REGION: "us-east-1" } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
const diagnose = async (...args: string[]) => {
  const out = await cli(["--world", file, ...args, "--json"]);
  return { code: out.code, verdict: JSON.parse(out.stdout) as Verdict };
};

describe("npm run diagnose on the demo world", () => {
  const faults: [string, string, () => string[]][] = [
    [
      "(a)",
      "ENI_SG_RULES_MISMATCH",
      () => [n.loadBalancer("prod-alb")[0]?.id ?? "", n.instanceId("prod-app-1"), "8081"],
    ],
    [
      "(b)",
      "SUBNET_ACL_RESTRICTION",
      () => [n.instanceId("prod-app-1"), n.instanceId("prod-reports-db"), "5432"],
    ],
    ["(c)", "NO_ROUTE_TO_DESTINATION", () => [n.instanceId("prod-app-3"), "8.8.8.8", "443"]],
    ["(d)", "BAD_STATE", () => [n.instanceId("prod-bastion"), n.instanceId("prod-batch-1"), "22"]],
    [
      "(e)",
      "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS",
      () => ["internet", n.instanceId("prod-web-legacy"), "443"],
    ],
  ];
  test.each(faults)(
    "%s exits 1 with %s",
    async (_fault, code, tuple) => {
      const [from = "", to = "", port = ""] = tuple();
      const out = await diagnose("--from", from, "--to", to, "--protocol", "tcp", "--port", port);
      expect(out.code).toBe(1);
      expect(out.verdict).toMatchObject({ verdict: "blocked", explanations: [{ code }] });
      expect(out.verdict.evidence?.reasons).toEqual([
        "the world file carries no flow-log records (export it with --records-since)",
      ]);
    },
    30_000,
  );

  test("(f) the FAILED flow log shows in the evidence: NOT_COVERED, with AWS's error", async () => {
    const eni = n.eni("staging-app-1");
    const out = await diagnose(
      "--from",
      n.instanceId("staging-app-1"),
      "--to",
      "10.0.16.10",
      "--protocol",
      "tcp",
      "--port",
      "443",
    );
    expect(out.verdict.evidence?.pattern).toBe("NOT_COVERED");
    expect(out.verdict.evidence?.reasons?.join("\n")).toMatch(
      new RegExp(`${eni.id} delivers nothing: FAILED \\(Access error\\)`),
    );
  }, 30_000);

  test("a working path exits 0", async () => {
    const out = await diagnose(
      "--from",
      n.instanceId("prod-app-1"),
      "--to",
      n.instanceId("prod-db-1"),
      "--protocol",
      "tcp",
      "--port",
      "5432",
    );
    expect(out).toMatchObject({ code: 0, verdict: { verdict: "reachable", explanations: [] } });
  }, 30_000);

  test.each([
    [["--protocol", "tcp", "--from", "internet", "--to", "10.0.0.1"], "--port is required for tcp"],
    [
      ["--protocol", "icmp", "--port", "1", "--from", "internet", "--to", "10.0.0.1"],
      "--port is not taken for icmp",
    ],
    [["--protocol", "tcp", "--port", "1", "--from", "i-nope", "--to", "10.0.0.1"], "i-nope"],
  ])(
    "bad input exits 64: %j",
    async (args, message) => {
      const out = await cli(["--world", file, ...args]);
      expect(out.code).toBe(64);
      expect(out.stderr).toContain(message);
    },
    30_000,
  );

  test("without --json: a summary a person reads", async () => {
    const out = await cli([
      "--world",
      file,
      "--from",
      "internet",
      "--to",
      n.instanceId("prod-web-legacy"),
      "--protocol",
      "icmp",
    ]);
    expect(out.stdout).toMatch(/^Verdict: BLOCKED/);
    expect(out.stdout).toContain("aws ec2 associate-address");
  }, 30_000);
});
