/** Configuration and flow-log evidence together, against the emulator's demo world: faults (a) and (b). */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type AwsHarness, startAwsHarness } from "@/emulator/test-support/aws-harness";
import { buildDemoWorld } from "@/emulator/world/demo";
import { namesOf } from "@/emulator/world/demo-history.fixture";
import { diagnosisEvidence } from "@/lib/aws/diagnosis-evidence";
import { InsightsRunner } from "@/lib/aws/insights-runner";
import { diagnose, resolveQuestion } from "@/lib/diagnosis/diagnose";
import { withEvidence } from "@/lib/diagnosis/evidence";
import type { DiagnoseInput, DiagnosisTopology } from "@/lib/diagnosis/verdict";

const HOUR = 3_600_000;
const NOW = Math.floor(Date.now() / 60_000) * 60_000;
const world = buildDemoWorld({ seed: 1, now: new Date(NOW) });
const topology = world.ec2 as DiagnosisTopology;
const n = namesOf(world);
const window = { start: NOW - 3 * HOUR, end: NOW - HOUR };
let harness: AwsHarness;
let runner: InsightsRunner;

beforeAll(async () => {
  harness = await startAwsHarness({ world, simulator: { tickMs: HOUR }, queries: { minDurationMs: 0 } });
  runner = new InsightsRunner({ logs: () => harness.logs, settings: { timing: { ...fastTiming } } });
}, 120_000);
afterAll(async () => {
  await harness?.close();
});

const fastTiming = {
  pollMs: 20,
  pollFactor: 1,
  pollMaxMs: 50,
  retryBaseMs: 10,
  retryCapMs: 50,
  maxRetries: 2,
};

async function verdictWithEvidence(input: DiagnoseInput) {
  const question = resolveQuestion(topology, input);
  const ctx = { ec2: harness.ec2, runner, region: world.region, userId: "test", now: NOW };
  return withEvidence(diagnose(topology, input), await diagnosisEvidence(question, window, ctx));
}

describe("diagnosis evidence from the demo world's flow logs", () => {
  test("(a) the health check on 8081: blocked by app-sg, and the records say REJECTED", async () => {
    const alb = n.loadBalancer("prod-alb")[0]?.id ?? "";
    const v = await verdictWithEvidence({
      from: alb,
      to: n.instanceId("prod-app-1"),
      protocol: "tcp",
      port: 8081,
    });
    expect(v.verdict).toBe("blocked");
    expect(v.explanations[0]?.code).toBe("ENI_SG_RULES_MISMATCH");
    expect(v.evidence?.pattern).toBe("REJECTED");
    expect(v.evidence?.rejected).toBeGreaterThan(0);
    expect(v.evidence?.flowLogIds.length).toBeGreaterThan(0);
  }, 60_000);

  test("(b) Postgres to the reports DB: the reply denied by the ACL, and the records say ACCEPTED_REPLY_REJECTED", async () => {
    const v = await verdictWithEvidence({
      from: n.instanceId("prod-app-1"),
      to: n.instanceId("prod-reports-db"),
      protocol: "tcp",
      port: 5432,
    });
    expect(v.verdict).toBe("blocked");
    expect(v.explanations[0]).toMatchObject({ code: "SUBNET_ACL_RESTRICTION", path: "reply" });
    expect(v.evidence?.pattern).toBe("ACCEPTED_REPLY_REJECTED");
    expect(v.evidence?.accepted).toBeGreaterThan(0);
    expect(v.evidence?.rejected).toBeGreaterThan(0);
  }, 60_000);
});

describe("npm run diagnose without --world: the account the SDK reaches", () => {
  test("(b) through the emulator: exits 1, the ACL rule and the records agree", async () => {
    const { execFile } = await import("node:child_process");
    const args = [
      ...["--conditions=react-server", "--import", "tsx", "scripts/diagnose.ts"],
      ...["--from", n.instanceId("prod-app-1"), "--to", n.instanceId("prod-reports-db")],
      ...["--protocol", "tcp", "--port", "5432", "--json"],
      ...["--start", new Date(window.start).toISOString(), "--end", new Date(window.end).toISOString()],
    ];
    const env = {
      ...process.env,
      AWS_ENDPOINT_URL: harness.emulator.url,
      AWS_ACCESS_KEY_ID: "AKIDFLOWSCOPETEST",
      AWS_SECRET_ACCESS_KEY: "dummy",
      AWS_REGION: world.region,
    };
    const out = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(process.execPath, args, { env }, (error, stdout) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
      ),
    );
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toMatchObject({
      verdict: "blocked",
      explanations: [
        { code: "SUBNET_ACL_RESTRICTION", path: "reply", direction: "egress", ruleNumber: 32767 },
      ],
      evidence: { pattern: "ACCEPTED_REPLY_REJECTED" },
    });
  }, 60_000);
});
