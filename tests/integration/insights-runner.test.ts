import { afterEach, describe, expect, it } from "vitest";
import { type AwsHarness, startAwsHarness, T0, worldWithFlows } from "@/emulator/test-support/aws-harness";
import { InsightsRunner, type QueryProgress } from "@/lib/aws/insights-runner";

const harnesses: AwsHarness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

async function setup(minDurationMs = 300) {
  const harness = await startAwsHarness({ world: worldWithFlows(120), queries: { minDurationMs } });
  harnesses.push(harness);
  const runner = new InsightsRunner({ logs: () => harness.logs, settings: { maxConcurrent: 5 } });
  const stats = async (): Promise<Record<string, number>> =>
    (await fetch(`${harness.emulator.url}/_flowscope/stats`)).json() as Promise<Record<string, number>>;
  return { harness, runner, stats };
}

const request = {
  region: "us-east-1",
  logGroupNames: ["/flowscope/test"],
  queryString: "stats count(*) as flows by action | sort action asc",
  start: T0,
  end: T0 + 2 * 3_600_000,
  limit: 100,
  kind: "aggregate" as const,
};

describe("InsightsRunner against the emulator", () => {
  it("runs a real query to Complete, with statistics and a cost", async () => {
    // prepare
    const { runner, stats } = await setup();
    const progress: QueryProgress[] = [];
    // act
    const result = await runner.run(request, { userId: "ann", onProgress: (p) => progress.push(p) });
    // assess
    expect(result.rows).toEqual([
      [
        { field: "action", value: "ACCEPT" },
        { field: "flows", value: "60" },
      ],
      [
        { field: "action", value: "REJECT" },
        { field: "flows", value: "60" },
      ],
    ]);
    expect(result.stats.queries).toBe(1);
    expect(result.stats.recordsScanned).toBe(120);
    expect(result.stats.bytesScanned).toBeGreaterThan(0);
    expect(result.stats.estimatedCostUsd).toBeGreaterThan(0);
    expect(progress.at(-1)?.status).toBe("Complete");
    await runner.run(request, { userId: "bob" });
    expect((await stats())["logs:StartQuery"]).toBe(1);
  });

  it("stops a running query on cancel (StopQuery seen by the emulator)", async () => {
    const { runner, stats } = await setup(60_000);
    const controller = new AbortController();
    const running = runner.run(request, {
      userId: "ann",
      signal: controller.signal,
      onProgress: (p) => p.status === "Running" && controller.abort(),
    });
    await expect(running).rejects.toMatchObject({ name: "AbortError" });
    await expect.poll(async () => (await stats())["logs:StopQuery"]).toBe(1);
    expect((await stats())["logs:StartQuery"]).toBe(1);
  });
});
