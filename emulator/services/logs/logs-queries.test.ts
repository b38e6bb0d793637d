import {
  type CloudWatchLogsClient,
  DescribeQueriesCommand,
  GetQueryResultsCommand,
  type GetQueryResultsCommandOutput,
  InvalidParameterException,
  LimitExceededException,
  MalformedQueryException,
  ResourceNotFoundException,
  StartQueryCommand,
  type StartQueryCommandInput,
  StopQueryCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runQuery } from "../../insights";
import {
  type AwsHarness,
  rejection,
  startAwsHarness,
  T0,
  worldWithFlows,
} from "../../test-support/aws-harness";

const GROUP = "/flowscope/test";
const range = { startTime: T0 / 1000, endTime: T0 / 1000 + 3 * 3600 };
const STATS = "stats count(*) as n, sum(bytes) as b by action | sort action";

let h: AwsHarness;
beforeAll(async () => {
  h = await startAwsHarness({
    world: worldWithFlows(120),
    queries: { maxConcurrent: 3, minDurationMs: 150 },
  });
});
afterAll(() => h.close());

async function untilDone(
  logs: CloudWatchLogsClient,
  queryId: string,
): Promise<GetQueryResultsCommandOutput[]> {
  const seen: GetQueryResultsCommandOutput[] = [];
  for (let i = 0; i < 200; i++) {
    const out = await logs.send(new GetQueryResultsCommand({ queryId }));
    seen.push(out);
    if (out.status !== "Scheduled" && out.status !== "Running") return seen;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`query ${queryId} did not finish`);
}

const start = (input: Partial<StartQueryCommandInput>) =>
  h.logs.send(new StartQueryCommand({ logGroupName: GROUP, ...range, queryString: STATS, ...input }));

describe("StartQuery → GetQueryResults", () => {
  test("runs in the background to Complete with the engine's rows and statistics", async () => {
    const { queryId } = await start({});
    const polls = await untilDone(h.logs, queryId ?? "");
    expect(polls[0]?.status).toMatch(/Scheduled|Running/);
    const done = polls.at(-1);
    expect(done?.status).toBe("Complete");
    const engine = await runQuery(h.emulator.data.store, {
      logGroupNames: [GROUP],
      ...range,
      queryString: STATS,
    });
    expect(done?.results).toEqual(engine.rows);
    expect(done?.results).toEqual([
      [
        { field: "action", value: "ACCEPT" },
        { field: "n", value: "60" },
        expect.objectContaining({ field: "b" }),
      ],
      [
        { field: "action", value: "REJECT" },
        { field: "n", value: "60" },
        expect.objectContaining({ field: "b" }),
      ],
    ]);
    expect(done?.statistics).toEqual(engine.statistics);
    expect(done?.statistics).toMatchObject({ recordsMatched: 120, recordsScanned: 120, logGroupsScanned: 1 });
    expect(done?.statistics?.bytesScanned).toBeGreaterThan(0);
  });

  test("logGroupIdentifiers take ARNs; limit and GetQueryResults paging", async () => {
    const { queryId } = await start({
      logGroupName: undefined,
      logGroupIdentifiers: ["arn:aws:logs:us-east-1:123456789012:log-group:/flowscope/test"],
      queryString: "fields @timestamp, action | sort @timestamp asc",
      limit: 30,
    });
    const done = (await untilDone(h.logs, queryId ?? "")).at(-1);
    expect(done?.results).toHaveLength(30);
    expect(done?.results?.[0]?.at(-1)?.field).toBe("@ptr");
    const page = await h.logs.send(new GetQueryResultsCommand({ queryId, maxItems: 20 }));
    expect(page.results).toHaveLength(20);
    const rest = await h.logs.send(
      new GetQueryResultsCommand({ queryId, maxItems: 20, nextToken: page.nextToken }),
    );
    expect(rest.results).toHaveLength(10);
    expect(rest.nextToken).toBeUndefined();
  });

  test("StopQuery cancels a running query; stopping it again is an error", async () => {
    const { queryId } = await start({});
    expect((await h.logs.send(new StopQueryCommand({ queryId }))).success).toBe(true);
    const after = await h.logs.send(new GetQueryResultsCommand({ queryId }));
    expect(after).toMatchObject({ status: "Cancelled", results: [] });
    const stats = (await (await fetch(`${h.emulator.url}/_flowscope/stats`)).json()) as Record<
      string,
      number
    >;
    expect(stats["logs:StartQuery"]).toBeGreaterThan(0);
    expect(stats["logs:StopQuery"]).toBeGreaterThan(0);
    const again = await rejection(h.logs.send(new StopQueryCommand({ queryId })));
    expect(again).toBeInstanceOf(InvalidParameterException);
    expect(again.message).toBe(`Query ${queryId} is not running.`);
    const unknown = await rejection(h.logs.send(new StopQueryCommand({ queryId: "no-such-query" })));
    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
    const results = await rejection(h.logs.send(new GetQueryResultsCommand({ queryId: "no-such-query" })));
    expect(results).toBeInstanceOf(ResourceNotFoundException);
  });

  test("LimitExceededException past the concurrent-query limit", async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await start({})).queryId ?? "");
    const error = await rejection(start({}));
    expect(error).toBeInstanceOf(LimitExceededException);
    expect(error.message).toBe("Account maximum query concurrency limit of [3] reached.");
    for (const queryId of ids) await h.logs.send(new StopQueryCommand({ queryId }));
    await expect(start({})).resolves.toMatchObject({ queryId: expect.any(String) });
  });

  test("MalformedQueryException carries the compile error's location", async () => {
    const queryString = "fields action | stats count(*) by";
    const error = await rejection(start({ queryString }));
    expect(error).toBeInstanceOf(MalformedQueryException);
    const { queryCompileError } = error as MalformedQueryException;
    const location = queryCompileError?.location;
    expect(location?.startCharOffset).toBeGreaterThanOrEqual(0);
    expect(location?.endCharOffset).toBeGreaterThan(location?.startCharOffset ?? 0);
    expect(queryCompileError?.message).toBe(error.message);
  });

  test.each([
    [{ logGroupNames: [GROUP] }, /mutually exclusive/],
    [{ logGroupName: undefined }, /must be specified/],
    [
      { logGroupName: undefined, logGroupNames: Array.from({ length: 51 }, (_, i) => `g${i}`) },
      /less than or equal to 50/,
    ],
    [{ logGroupName: undefined, logGroupIdentifiers: ["/flow*"] }, /wildcard/],
    [{ startTime: 10, endTime: 5 }, /StartTime must be less than or equal to EndTime/],
    [{ limit: 0 }, /greater than or equal to 1/],
    [{ limit: 100_001 }, /less than or equal to 100000/],
    [{ queryString: "x".repeat(10_001) }, /length less than or equal to 10000/],
    [{ queryLanguage: "SQL" as const }, /only CWLI/],
  ])("StartQuery %# is InvalidParameterException", async (input, message) => {
    const error = await rejection(start(input));
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error.message).toMatch(message);
  });

  test("an unknown log group is ResourceNotFoundException", async () => {
    const error = await rejection(start({ logGroupName: "/no/such/group" }));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
  });
});

describe("DescribeQueries", () => {
  test("lists queries newest first with status and group filters", async () => {
    const { queryId } = await start({ queryString: "fields @message | limit 1" });
    const { queries } = await h.logs.send(new DescribeQueriesCommand({ logGroupName: GROUP }));
    expect(queries?.[0]).toMatchObject({ queryId, queryLanguage: "CWLI", logGroupName: GROUP });
    expect(queries?.[0]?.createTime).toBeGreaterThan(Date.now() - 60_000);
    await untilDone(h.logs, queryId ?? "");
    const complete = await h.logs.send(new DescribeQueriesCommand({ status: "Complete", maxResults: 1 }));
    expect(complete.queries).toHaveLength(1);
    expect(complete.queries?.[0]).toMatchObject({ status: "Complete", queryId });
    expect(complete.nextToken).toBeDefined();
    const cancelled = await h.logs.send(new DescribeQueriesCommand({ status: "Cancelled" }));
    expect(cancelled.queries?.every((q) => q.status === "Cancelled")).toBe(true);
    const none = await h.logs.send(new DescribeQueriesCommand({ logGroupName: "/vpc/prod/flow-logs" }));
    expect(none.queries).toEqual([]);
  });
});
