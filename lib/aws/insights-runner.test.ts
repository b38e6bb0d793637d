import { GetQueryResultsCommand, StartQueryCommand } from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { InsightsQueryError, type QueryProgress } from "./insights-runner";
import { awsError, complete, MINUTE, mockedRunner, NOW, request, row } from "./test-support/logs-mock";

const rows = [row(["action", "ACCEPT"], ["flows", "7"]), row(["action", "REJECT"], ["flows", "3"])];

describe("InsightsRunner: one query", () => {
  it("polls through Scheduled and Running (partial statistics) to Complete", async () => {
    // prepare
    const { runner, logs, calls } = mockedRunner();
    logs
      .on(GetQueryResultsCommand)
      .resolvesOnce({ status: "Scheduled" })
      .resolvesOnce({ status: "Running", statistics: { recordsScanned: 5, bytesScanned: 500 } })
      .resolves(complete(rows, 2 * 1024 ** 3));
    const progress: QueryProgress[] = [];
    // act
    const result = await runner.run(request(), { userId: "ann", onProgress: (p) => progress.push(p) });
    // assess
    expect(result.rows).toEqual(rows);
    expect(result.stats).toMatchObject({ queries: 1, bytesScanned: 2 * 1024 ** 3, cached: false });
    expect(result.stats.estimatedCostUsd).toBeCloseTo(0.01, 10);
    expect(progress.map((p) => p.status)).toEqual(["Scheduled", "Scheduled", "Running", "Complete"]);
    expect(progress[2]).toMatchObject({ recordsScanned: 5, bytesScanned: 500 });
    expect(calls.start()).toEqual([
      {
        logGroupNames: ["/flowscope/test"],
        queryString: "stats count(*) as flows by action",
        startTime: (NOW - 60 * MINUTE) / 1000,
        endTime: NOW / 1000 - 1,
        limit: 100,
      },
    ]);
  });

  it("aligns the range to the bin: start down, end up", async () => {
    const { runner, logs, calls } = mockedRunner();
    logs.on(GetQueryResultsCommand).resolves(complete(rows));
    const result = await runner.run(
      request({ start: NOW - 59 * MINUTE - 10_000, end: NOW + 10_000, alignMs: 5 * MINUTE }),
      {
        userId: "ann",
      },
    );
    expect(result.range).toEqual({ start: NOW - 60 * MINUTE, end: NOW + 5 * MINUTE });
    expect(calls.start()[0]).toMatchObject({
      startTime: (NOW - 60 * MINUTE) / 1000,
      endTime: (NOW + 5 * MINUTE) / 1000 - 1,
    });
  });

  it.each(["Failed", "Timeout", "Cancelled", "Unknown"] as const)(
    "status %s ends in an InsightsQueryError",
    async (status) => {
      const { runner, logs, calls } = mockedRunner();
      logs.on(GetQueryResultsCommand).resolvesOnce({ status: "Running" }).resolves({ status });
      const error = await runner.run(request(), { userId: "ann" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InsightsQueryError);
      expect(error).toMatchObject({ status, name: `Query${status}`, retryable: true });
      expect(calls.stop()).toEqual([]);
    },
  );

  it.each(["ThrottlingException", "LimitExceededException", "ServiceUnavailableException"])(
    "retries StartQuery after %s with full-jitter waits",
    async (code) => {
      const { runner, logs, delays, calls } = mockedRunner();
      logs
        .on(StartQueryCommand)
        .rejectsOnce(awsError(code))
        .rejectsOnce(awsError(code))
        .resolves({ queryId: "q-late" });
      logs.on(GetQueryResultsCommand).resolves(complete(rows));
      const result = await runner.run(request(), { userId: "ann" });
      expect(result.rows).toHaveLength(2);
      expect(calls.start()).toHaveLength(3);
      // random() = 0.5: half of base·2^attempt (250, 500), then the first poll wait.
      expect(delays.slice(0, 3)).toEqual([125, 250, 400]);
    },
  );

  it("retries a throttled GetQueryResults", async () => {
    const { runner, logs } = mockedRunner();
    logs.on(GetQueryResultsCommand).rejectsOnce(awsError("ThrottlingException")).resolves(complete(rows));
    await expect(runner.run(request(), { userId: "ann" })).resolves.toMatchObject({ truncated: false });
  });

  it("does not retry AccessDenied, and stops the started query", async () => {
    const { runner, logs, calls } = mockedRunner();
    logs.on(GetQueryResultsCommand).rejects(awsError("AccessDeniedException", "not authorized"));
    await expect(runner.run(request(), { userId: "ann" })).rejects.toMatchObject({
      name: "AccessDeniedException",
    });
    expect(calls.poll()).toBe(1);
    expect(calls.stop()).toEqual(["q-1"]);
  });

  it("gives up after maxRetries", async () => {
    const { runner, logs, calls } = mockedRunner({
      timing: { pollMs: 1, pollFactor: 1, pollMaxMs: 1, retryBaseMs: 1, retryCapMs: 1, maxRetries: 2 },
    });
    logs.on(StartQueryCommand).rejects(awsError("LimitExceededException"));
    await expect(runner.run(request(), { userId: "ann" })).rejects.toMatchObject({
      name: "LimitExceededException",
    });
    expect(calls.start()).toHaveLength(3);
  });
});

describe("InsightsRunner: row limit", () => {
  it("splits a records query in halves while a part returns the limit", async () => {
    const { runner, logs, calls } = mockedRunner();
    const full = complete([row(["@message", "a"]), row(["@message", "b"])], 100);
    logs
      .on(GetQueryResultsCommand)
      .resolvesOnce(full)
      .resolvesOnce(complete([row(["@message", "c"])], 40))
      .resolves(complete([row(["@message", "d"])], 60));
    const result = await runner.run(request({ kind: "records", limit: 2 }), { userId: "ann" });
    const starts = calls.start().map((c) => [c.startTime, c.endTime]);
    const [s, e] = [(NOW - 60 * MINUTE) / 1000, NOW / 1000];
    expect(starts).toEqual([
      [s, e - 1],
      [s, s + 1800 - 1],
      [s + 1800, e - 1],
    ]);
    expect(result.rows).toHaveLength(2);
    expect(result.stats).toMatchObject({ queries: 3, bytesScanned: 200 });
    expect(result.truncated).toBe(false);
  });

  it("answers a newest-N records query with one query, truncated at the limit", async () => {
    const { runner, logs, calls } = mockedRunner();
    logs.on(GetQueryResultsCommand).resolves(complete([row(["@message", "a"]), row(["@message", "b"])], 100));
    const result = await runner.run(request({ kind: "records", limit: 2, split: false }), { userId: "ann" });
    expect(calls.start()).toHaveLength(1);
    expect(result.rows).toHaveLength(2);
    expect(result.truncated).toBe(true);
  });

  it("reports an aggregate at the limit as truncated without splitting", async () => {
    const { runner, logs, calls } = mockedRunner();
    logs.on(GetQueryResultsCommand).resolves(complete(rows));
    const result = await runner.run(request({ limit: 2 }), { userId: "ann" });
    expect(result.truncated).toBe(true);
    expect(calls.start()).toHaveLength(1);
  });
});

describe("InsightsRunner: cancel", () => {
  it("sends StopQuery and rejects with AbortError when the signal fires", async () => {
    const { runner, logs, calls } = mockedRunner();
    logs.on(GetQueryResultsCommand).resolves({ status: "Running" });
    const controller = new AbortController();
    const running = runner.run(request(), {
      userId: "ann",
      signal: controller.signal,
      onProgress: (p) => p.status === "Running" && controller.abort(),
    });
    await expect(running).rejects.toMatchObject({ name: "AbortError" });
    await expect.poll(() => calls.stop()).toEqual(["q-1"]);
    expect(runner.inFlight).toBe(0);
  });

  it("starts nothing for a signal that has already fired", async () => {
    const { runner, calls } = mockedRunner();
    await expect(runner.run(request(), { userId: "ann", signal: AbortSignal.abort() })).rejects.toMatchObject(
      {
        name: "AbortError",
      },
    );
    expect(calls.start()).toEqual([]);
  });
});
