import { GetQueryResultsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { complete, MINUTE, mockedRunner, NOW, request, row } from "./test-support/logs-mock";

const rows = [row(["action", "ACCEPT"], ["flows", "7"])];
const HOUR = 60 * MINUTE;

describe("InsightsRunner: identical queries in flight", () => {
  it("joins a second caller to the running query: one StartQuery", async () => {
    // prepare
    const { runner, logs, calls } = mockedRunner();
    logs.on(GetQueryResultsCommand).resolvesOnce({ status: "Running" }).resolves(complete(rows));
    // act
    const [a, b] = await Promise.all([
      runner.run(request(), { userId: "ann" }),
      runner.run(request({ start: NOW - HOUR + 20_000 }), { userId: "bob" }),
    ]);
    // assess
    expect(calls.start()).toHaveLength(1);
    expect(a.rows).toEqual(rows);
    expect(b.rows).toEqual(rows);
    expect([a.stats.queries, b.stats.queries]).toEqual([1, 0]);
  });

  it("keeps running for the caller who stays when the other leaves", async () => {
    const { runner, logs, calls } = mockedRunner();
    logs
      .on(GetQueryResultsCommand)
      .resolvesOnce({ status: "Running" })
      .resolvesOnce({ status: "Running" })
      .resolves(complete(rows));
    const leaving = new AbortController();
    const first = runner.run(request(), { userId: "ann", signal: leaving.signal });
    const second = runner.run(request(), { userId: "bob" });
    leaving.abort();
    await expect(first).rejects.toMatchObject({ name: "AbortError" });
    await expect(second).resolves.toMatchObject({ rows });
    expect(calls.stop()).toEqual([]);
  });

  it("stops the query when the last caller leaves", async () => {
    const { runner, logs, calls } = mockedRunner();
    logs.on(GetQueryResultsCommand).resolves({ status: "Running" });
    const [x, y] = [new AbortController(), new AbortController()];
    const first = runner.run(request(), { userId: "ann", signal: x.signal });
    const second = runner.run(request(), { userId: "bob", signal: y.signal });
    await expect.poll(() => calls.poll()).toBeGreaterThan(0);
    x.abort();
    y.abort();
    await expect(Promise.allSettled([first, second])).resolves.toMatchObject([
      { status: "rejected" },
      { status: "rejected" },
    ]);
    await expect.poll(() => calls.stop()).toEqual(["q-1"]);
  });
});

describe("InsightsRunner: result cache", () => {
  it("answers a repeated query from the cache: no StartQuery, cached, 0 queries", async () => {
    const { runner, logs, calls } = mockedRunner();
    logs.on(GetQueryResultsCommand).resolves(complete(rows, 5000));
    await runner.run(request(), { userId: "ann" });
    const again = await runner.run(request({ end: NOW - 30_000 }), { userId: "bob" });
    expect(calls.start()).toHaveLength(1);
    expect(again.stats).toMatchObject({ queries: 0, cached: true, bytesScanned: 5000 });
  });

  it("keys on region, log groups, query text and range", async () => {
    const { runner, logs, calls } = mockedRunner();
    logs.on(GetQueryResultsCommand).resolves(complete(rows));
    await runner.run(request(), { userId: "ann" });
    await runner.run(request({ region: "eu-west-1" }), { userId: "ann" });
    await runner.run(request({ logGroupNames: ["/other"] }), { userId: "ann" });
    await runner.run(request({ queryString: "stats count(*) as flows" }), { userId: "ann" });
    await runner.run(request({ start: NOW - 2 * HOUR }), { userId: "ann" });
    expect(calls.start()).toHaveLength(5);
  });

  it("keeps a window touching now for a minute", async () => {
    const { runner, logs, calls, clock } = mockedRunner();
    logs.on(GetQueryResultsCommand).resolves(complete(rows));
    await runner.run(request(), { userId: "ann" });
    clock.now += 59_000;
    await runner.run(request(), { userId: "ann" });
    expect(calls.start()).toHaveLength(1);
    clock.now += 2_000;
    await runner.run(request(), { userId: "ann" });
    expect(calls.start()).toHaveLength(2);
  });

  it("keeps a window in the past (older than the delivery delay) for an hour", async () => {
    const { runner, logs, calls, clock } = mockedRunner();
    logs.on(GetQueryResultsCommand).resolves(complete(rows));
    const past = request({ start: NOW - 3 * HOUR, end: NOW - 2 * HOUR });
    await runner.run(past, { userId: "ann" });
    clock.now += 59 * MINUTE;
    await runner.run(past, { userId: "ann" });
    expect(calls.start()).toHaveLength(1);
    clock.now += 2 * MINUTE;
    await runner.run(past, { userId: "ann" });
    expect(calls.start()).toHaveLength(2);
  });

  it("does not cache failures", async () => {
    const { runner, logs, calls } = mockedRunner();
    logs.on(GetQueryResultsCommand).resolvesOnce({ status: "Failed" }).resolves(complete(rows));
    await expect(runner.run(request(), { userId: "ann" })).rejects.toMatchObject({ status: "Failed" });
    await expect(runner.run(request(), { userId: "ann" })).resolves.toMatchObject({ rows });
    expect(calls.start()).toHaveLength(2);
  });
});

describe("InsightsRunner: fair queue", () => {
  it("lets a second user's query run before the first user's backlog", async () => {
    const { runner, logs, calls } = mockedRunner({ maxConcurrent: 1 });
    logs.on(GetQueryResultsCommand).resolves(complete(rows));
    const ann = [1, 2, 3, 4].map((n) => runner.run(request({ queryString: `ann ${n}` }), { userId: "ann" }));
    const bob = runner.run(request({ queryString: "bob 1" }), { userId: "bob" });
    await Promise.all([...ann, bob]);
    expect(calls.start().map((c) => c.queryString)).toEqual(["ann 1", "ann 2", "bob 1", "ann 3", "ann 4"]);
  });
});
