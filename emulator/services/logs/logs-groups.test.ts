import {
  CreateLogGroupCommand,
  DeleteLogGroupCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  GetLogRecordCommand,
  InvalidParameterException,
  PutRetentionPolicyCommand,
  paginateDescribeLogGroups,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
} from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type AwsHarness,
  flowEvents,
  rejection,
  startAwsHarness,
  worldWithFlows,
} from "../../test-support/aws-harness";

let h: AwsHarness;
beforeAll(async () => {
  h = await startAwsHarness({ world: worldWithFlows(120) });
});
afterAll(() => h.close());

describe("log groups", () => {
  test("DescribeLogGroups lists the world's groups with AWS's members", async () => {
    const { logGroups } = await h.logs.send(new DescribeLogGroupsCommand({}));
    expect(logGroups?.map((g) => g.logGroupName)).toEqual(["/flowscope/test", "/vpc/prod/flow-logs"]);
    const test = logGroups?.[0];
    expect(test).toMatchObject({
      arn: "arn:aws:logs:us-east-1:123456789012:log-group:/flowscope/test:*",
      logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:/flowscope/test",
      creationTime: flowEvents(1)[0]?.timestamp,
      metricFilterCount: 0,
      logGroupClass: "STANDARD",
    });
    expect(test?.storedBytes).toBe(flowEvents(120).reduce((n, e) => n + e.message.length, 0));
    expect(test?.retentionInDays).toBeUndefined();
  });

  test("prefix, pattern, limit and paging", async () => {
    const byPrefix = await h.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/vpc/" }));
    expect(byPrefix.logGroups?.map((g) => g.logGroupName)).toEqual(["/vpc/prod/flow-logs"]);
    const byPattern = await h.logs.send(new DescribeLogGroupsCommand({ logGroupNamePattern: "scope" }));
    expect(byPattern.logGroups?.map((g) => g.logGroupName)).toEqual(["/flowscope/test"]);
    const names: string[] = [];
    for await (const page of paginateDescribeLogGroups({ client: h.logs, pageSize: 1 }, {})) {
      expect(page.logGroups?.length).toBeLessThanOrEqual(1);
      names.push(...(page.logGroups ?? []).map((g) => g.logGroupName ?? ""));
    }
    expect(names).toEqual(["/flowscope/test", "/vpc/prod/flow-logs"]);
  });

  test.each([
    [
      { limit: 0 },
      /at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1/,
    ],
    [{ limit: 51 }, /less than or equal to 50/],
    [{ logGroupNamePrefix: "/a", logGroupNamePattern: "b" }, /mutually exclusive/],
    [{ nextToken: "not-a-token" }, /nextToken/],
  ])("DescribeLogGroups %j is InvalidParameterException", async (input, message) => {
    const error = await rejection(h.logs.send(new DescribeLogGroupsCommand(input)));
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error.message).toMatch(message);
  });

  test("create, duplicate, retention, delete, delete again", async () => {
    await h.logs.send(new CreateLogGroupCommand({ logGroupName: "/made/here" }));
    const again = await rejection(h.logs.send(new CreateLogGroupCommand({ logGroupName: "/made/here" })));
    expect(again).toBeInstanceOf(ResourceAlreadyExistsException);
    await h.logs.send(new PutRetentionPolicyCommand({ logGroupName: "/made/here", retentionInDays: 14 }));
    const { logGroups } = await h.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/made/" }));
    expect(logGroups?.[0]).toMatchObject({ logGroupName: "/made/here", retentionInDays: 14, storedBytes: 0 });
    await h.logs.send(new DeleteLogGroupCommand({ logGroupName: "/made/here" }));
    const gone = await rejection(h.logs.send(new DeleteLogGroupCommand({ logGroupName: "/made/here" })));
    expect(gone).toBeInstanceOf(ResourceNotFoundException);
    expect(gone.message).toBe("The specified log group does not exist.");
  });

  test.each([
    ["bad name!", /regular expression pattern/],
    ["", /length greater than or equal to 1/],
  ])("CreateLogGroup %j is InvalidParameterException", async (name, message) => {
    const error = await rejection(h.logs.send(new CreateLogGroupCommand({ logGroupName: name })));
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error.message).toMatch(message);
  });

  test("PutRetentionPolicy refuses values outside AWS's set and missing groups", async () => {
    const bad = await rejection(
      h.logs.send(new PutRetentionPolicyCommand({ logGroupName: "/flowscope/test", retentionInDays: 2 })),
    );
    expect(bad).toBeInstanceOf(InvalidParameterException);
    expect(bad.message).toMatch(
      /enum value set: \[1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731/,
    );
    const missing = await rejection(
      h.logs.send(new PutRetentionPolicyCommand({ logGroupName: "/nope", retentionInDays: 7 })),
    );
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
  });

  test("another region holds no log groups", async () => {
    const west = h.clients({ region: "us-west-2", maxAttempts: 1 }).logs;
    expect((await west.send(new DescribeLogGroupsCommand({}))).logGroups).toEqual([]);
    const error = await rejection(
      west.send(new DescribeLogStreamsCommand({ logGroupName: "/flowscope/test" })),
    );
    expect(error).toBeInstanceOf(ResourceNotFoundException);
  });
});

describe("streams and events", () => {
  test("DescribeLogStreams by name or ARN, ordered and limited", async () => {
    const byName = await h.logs.send(new DescribeLogStreamsCommand({ logGroupName: "/flowscope/test" }));
    expect(byName.logStreams?.map((s) => s.logStreamName)).toEqual(["eni-a-all", "eni-b-all"]);
    const byArn = await h.logs.send(
      new DescribeLogStreamsCommand({
        logGroupIdentifier: "arn:aws:logs:us-east-1:123456789012:log-group:/flowscope/test",
        orderBy: "LastEventTime",
        descending: true,
        limit: 1,
      }),
    );
    expect(byArn.logStreams?.map((s) => s.logStreamName)).toEqual(["eni-b-all"]);
    expect(byArn.nextToken).toBeDefined();
    expect(byArn.logStreams?.[0]).toMatchObject({ firstEventTimestamp: flowEvents(2)[1]?.timestamp });
    const missing = await rejection(h.logs.send(new DescribeLogStreamsCommand({ logGroupName: "/nope" })));
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
  });

  test("GetLogEvents reads a stream from the head with forward tokens", async () => {
    const first = await h.logs.send(
      new GetLogEventsCommand({
        logGroupName: "/flowscope/test",
        logStreamName: "eni-a-all",
        startFromHead: true,
        limit: 50,
      }),
    );
    expect(first.events?.map((e) => e.message)).toEqual(
      flowEvents(100)
        .filter((_, i) => i % 2 === 0)
        .map((e) => e.message),
    );
    expect(first.events?.[0]?.ingestionTime).toBeGreaterThan(0);
    const next = await h.logs.send(
      new GetLogEventsCommand({
        logGroupName: "/flowscope/test",
        logStreamName: "eni-a-all",
        nextToken: first.nextForwardToken,
      }),
    );
    expect(next.events).toHaveLength(10);
    const missing = await rejection(
      h.logs.send(new GetLogEventsCommand({ logGroupName: "/flowscope/test", logStreamName: "nope" })),
    );
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect(missing.message).toBe("The specified log stream does not exist.");
  });

  test("FilterLogEvents interleaves streams, filters and limits", async () => {
    const out = await h.logs.send(
      new FilterLogEventsCommand({ logGroupName: "/flowscope/test", filterPattern: "REJECT", limit: 5 }),
    );
    expect(out.events).toHaveLength(5);
    expect(out.events?.every((e) => e.message?.includes("REJECT") && e.logStreamName === "eni-b-all")).toBe(
      true,
    );
    expect(out.nextToken).toBeDefined();
    const both = await h.logs.send(new FilterLogEventsCommand({ logGroupName: "/flowscope/test", limit: 4 }));
    expect(both.events?.map((e) => e.logStreamName)).toEqual([
      "eni-a-all",
      "eni-b-all",
      "eni-a-all",
      "eni-b-all",
    ]);
    const bad = await rejection(
      h.logs.send(new FilterLogEventsCommand({ logGroupName: "/flowscope/test", startTime: 10, endTime: 5 })),
    );
    expect(bad).toBeInstanceOf(InvalidParameterException);
  });

  test("GetLogRecord answers an event's fields by its pointer", async () => {
    const { events } = await h.logs.send(
      new FilterLogEventsCommand({ logGroupName: "/flowscope/test", limit: 1 }),
    );
    const [event] = events ?? [];
    expect(event?.eventId).toBeDefined();
    const ptr = await firstPointer();
    const { logRecord } = await h.logs.send(new GetLogRecordCommand({ logRecordPointer: ptr }));
    expect(logRecord).toMatchObject({ "@message": event?.message, action: "ACCEPT", srcPort: "40000" });
    const bad = await rejection(h.logs.send(new GetLogRecordCommand({ logRecordPointer: "bm9wZQ==" })));
    expect(bad).toBeInstanceOf(InvalidParameterException);
  });
});

async function firstPointer(): Promise<string> {
  const { events } = await h.emulator.data.store.filterLogEvents("/flowscope/test", { limit: 1 });
  return events[0]?.ptr ?? "";
}
