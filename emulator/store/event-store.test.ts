import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreError } from "./errors";
import { EventStore } from "./event-store";

const ARN = (name: string) => `arn:aws:logs:us-east-1:123456789012:log-group:${name}:*`;
const FLOW =
  "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK";
const NODATA = "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA";

let store: EventStore;
beforeEach(async () => {
  store = await EventStore.open(":memory:");
});
afterEach(async () => {
  await store.close();
});

const code = async (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof StoreError ? error.code : String(error)),
  );

describe("log groups", () => {
  it("creates, lists with prefix / pattern and pages by name", async () => {
    for (const name of ["/vpc/b", "/vpc/a", "/app/x", "/vpc/c"]) {
      await store.createLogGroup({ logGroupName: name, creationTime: 1, arn: ARN(name) });
    }
    expect(
      await code(store.createLogGroup({ logGroupName: "/vpc/a", creationTime: 2, arn: ARN("/vpc/a") })),
    ).toBe("ResourceAlreadyExistsException");
    const first = await store.listLogGroups({ prefix: "/vpc/", limit: 2 });
    expect(first.items.map((g) => g.logGroupName)).toEqual(["/vpc/a", "/vpc/b"]);
    const second = await store.listLogGroups({ prefix: "/vpc/", limit: 2, nextToken: first.nextToken });
    expect(second.items.map((g) => g.logGroupName)).toEqual(["/vpc/c"]);
    expect(second.nextToken).toBeUndefined();
    expect((await store.listLogGroups({ pattern: "pp" })).items.map((g) => g.logGroupName)).toEqual([
      "/app/x",
    ]);
    expect(await code(store.listLogGroups({ prefix: "a", pattern: "b" }))).toBe("InvalidParameterException");
    expect(await code(store.listLogGroups({ nextToken: "garbage!" }))).toBe("InvalidParameterException");
  });

  it("records retention and deletes a group with its streams and events", async () => {
    await store.createLogGroup({ logGroupName: "g", creationTime: 5, arn: ARN("g"), retentionInDays: 7 });
    await store.append("g", "s", [{ timestamp: 10, message: FLOW }], 20);
    const ptr = (await store.filterLogEvents("g")).events[0]?.ptr ?? "";
    expect((await store.getLogGroup("g"))?.retentionInDays).toBe(7);
    await store.setRetention("g", undefined);
    expect((await store.getLogGroup("g"))?.retentionInDays).toBeUndefined();
    expect((await store.getLogGroup("g"))?.storedBytes).toBe(FLOW.length);
    await store.deleteLogGroup("g");
    expect(await store.getLogGroup("g")).toBeUndefined();
    expect(await store.getByPointer(ptr)).toBeUndefined();
    expect(await code(store.deleteLogGroup("g"))).toBe("ResourceNotFoundException");
    await store.createLogGroup({ logGroupName: "g", creationTime: 6, arn: ARN("g") });
    expect((await store.filterLogEvents("g")).events).toEqual([]);
  });
});

describe("log streams", () => {
  beforeEach(async () => {
    await store.createLogGroup({ logGroupName: "g", creationTime: 1, arn: ARN("g") });
  });

  it("creates streams on append and keeps their event times and sizes", async () => {
    await store.append(
      "g",
      "eni-b",
      [
        { timestamp: 300, message: "x" },
        { timestamp: 100, message: "héllo" },
      ],
      1000,
    );
    await store.append("g", "eni-a", [{ timestamp: 500, message: "yy" }], 2000);
    await store.createLogStream("g", "eni-c", 3000);
    expect(await code(store.createLogStream("g", "eni-c", 3000))).toBe("ResourceAlreadyExistsException");
    expect(await code(store.append("nope", "s", [{ timestamp: 1, message: "m" }], 1))).toBe(
      "ResourceNotFoundException",
    );
    const byName = await store.listLogStreams("g");
    expect(byName.items.map((s) => s.logStreamName)).toEqual(["eni-a", "eni-b", "eni-c"]);
    expect(byName.items[1]).toMatchObject({
      firstEventTimestamp: 100,
      lastEventTimestamp: 300,
      lastIngestionTime: 1000,
      storedBytes: 7,
      arn: "arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:eni-b",
    });
    expect(byName.items[2]?.firstEventTimestamp).toBeUndefined();
    const byTime = await store.listLogStreams("g", { orderBy: "LastEventTime", descending: true, limit: 2 });
    expect(byTime.items.map((s) => s.logStreamName)).toEqual(["eni-a", "eni-b"]);
    const rest = await store.listLogStreams("g", {
      orderBy: "LastEventTime",
      descending: true,
      nextToken: byTime.nextToken,
    });
    expect(rest.items.map((s) => s.logStreamName)).toEqual(["eni-c"]);
    expect((await store.listLogStreams("g", { prefix: "eni-b" })).items).toHaveLength(1);
    await store.deleteLogStream("g", "eni-b");
    expect((await store.filterLogEvents("g")).events.map((e) => e.message)).toEqual(["yy"]);
  });
});

describe("reading events", () => {
  beforeEach(async () => {
    await store.createLogGroup({ logGroupName: "g", creationTime: 1, arn: ARN("g") });
    const events = Array.from({ length: 25 }, (_, i) => ({
      timestamp: 1000 + Math.floor(i / 2),
      message: `m${i}`,
    }));
    await store.append("g", "s", events, 5000);
    await store.append("g", "t", [{ timestamp: 1003, message: 'other ERROR "quoted" text' }], 5000);
  });

  it("GetLogEvents reads the tail by default and walks both ways with tokens", async () => {
    const tail = await store.getLogEvents("g", "s", { limit: 10 });
    expect(tail.events.map((e) => e.message)).toEqual(Array.from({ length: 10 }, (_, i) => `m${15 + i}`));
    const before = await store.getLogEvents("g", "s", { limit: 10, nextToken: tail.nextBackwardToken });
    expect(before.events.map((e) => e.message)[0]).toBe("m5");
    const end = await store.getLogEvents("g", "s", { nextToken: tail.nextForwardToken });
    expect(end.events).toEqual([]);
    expect(end.nextForwardToken).toBe(tail.nextForwardToken);
    await store.append("g", "s", [{ timestamp: 2000, message: "late" }], 6000);
    const more = await store.getLogEvents("g", "s", { nextToken: end.nextForwardToken });
    expect(more.events.map((e) => e.message)).toEqual(["late"]);
  });

  it("GetLogEvents from the head honours the time range (end exclusive)", async () => {
    const head = await store.getLogEvents("g", "s", {
      startFromHead: true,
      startTime: 1002,
      endTime: 1004,
      limit: 3,
    });
    expect(head.events.map((e) => e.message)).toEqual(["m4", "m5", "m6"]);
    const next = await store.getLogEvents("g", "s", {
      startTime: 1002,
      endTime: 1004,
      nextToken: head.nextForwardToken,
    });
    expect(next.events.map((e) => e.message)).toEqual(["m7"]);
    expect(await code(store.getLogEvents("g", "nope"))).toBe("ResourceNotFoundException");
    expect(await code(store.getLogEvents("g", "s", { nextToken: "f/zzz" }))).toBe(
      "InvalidParameterException",
    );
  });

  it("FilterLogEvents interleaves streams, filters terms and phrases, and pages", async () => {
    const page = await store.filterLogEvents("g", { startTime: 1003, endTime: 1004, limit: 3 });
    expect(page.events.map((e) => `${e.logStreamName}:${e.message}`)).toEqual([
      "s:m6",
      "s:m7",
      't:other ERROR "quoted" text',
    ]);
    const rest = await store.filterLogEvents("g", {
      startTime: 1003,
      endTime: 1004,
      nextToken: page.nextToken,
    });
    expect(rest.events.map((e) => e.message)).toEqual(["m8", "m9"]);
    expect(rest.nextToken).toBeUndefined();
    const hit = async (filterPattern: string) =>
      (await store.filterLogEvents("g", { filterPattern })).events.length;
    expect(await hit("ERROR")).toBe(1);
    expect(await hit("error")).toBe(0);
    expect(await hit('"ERROR \\"quoted"')).toBe(1);
    expect(await hit("m1 -m10")).toBe(10);
    expect(await hit("?m24 ?other")).toBe(2);
    expect((await store.filterLogEvents("g", { logStreamNames: ["t"] })).events).toHaveLength(1);
    expect((await store.filterLogEvents("g", { logStreamNamePrefix: "s" })).events).toHaveLength(25);
  });
});

describe("pointers and flow columns", () => {
  it("returns the event behind a pointer with its split default-format fields", async () => {
    await store.createLogGroup({ logGroupName: "g", creationTime: 1, arn: ARN("g") });
    await store.append(
      "g",
      "s",
      [
        { timestamp: 1, message: FLOW },
        { timestamp: 2, message: NODATA },
        { timestamp: 3, message: "plain" },
      ],
      9,
    );
    const [flow, nodata, plain] = (await store.filterLogEvents("g")).events;
    const record = await store.getByPointer(flow?.ptr ?? "");
    expect(record).toMatchObject({
      message: FLOW,
      logStreamName: "s",
      logGroupArn: ARN("g"),
      ingestionTime: 9,
    });
    expect(record?.flow).toMatchObject({
      srcAddr: "172.31.16.139",
      dstPort: 22,
      bytes: 4249,
      startTime: 1418530010,
      logStatus: "OK",
    });
    expect((await store.getByPointer(nodata?.ptr ?? ""))?.flow).toMatchObject({
      srcAddr: null,
      bytes: null,
      action: null,
      logStatus: "NODATA",
    });
    expect((await store.getByPointer(plain?.ptr ?? ""))?.flow).toBeUndefined();
    expect(await store.getByPointer("not-a-pointer")).toBeUndefined();
  });
});
