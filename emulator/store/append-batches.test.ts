import { afterEach, beforeEach, expect, it } from "vitest";
import { StoreError } from "./errors";
import { EventStore } from "./event-store";

const FLOW =
  "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK";

let store: EventStore;
beforeEach(async () => {
  store = await EventStore.open(":memory:");
  await store.createLogGroup({
    logGroupName: "g",
    creationTime: 1,
    arn: "arn:aws:logs:us-east-1:1:log-group:g:*",
  });
});
afterEach(() => store.close());

it("appends to many streams in one call, creating the new ones at their first batch's ingestion", async () => {
  await store.append("g", "old", [{ timestamp: 50, message: "a" }], 60);
  const { accepted } = await store.appendBatches("g", [
    { streamName: "old", events: [{ timestamp: 40, message: "bb" }], ingestionTime: 900 },
    { streamName: "new", events: [{ timestamp: 500, message: FLOW }], ingestionTime: 700 },
    { streamName: "new", events: [{ timestamp: 800, message: "ccc" }], ingestionTime: 1000 },
    { streamName: "empty", events: [], ingestionTime: 5 },
  ]);
  expect(accepted).toBe(3);
  const streams = (await store.listLogStreams("g")).items.map(({ arn: _, ...s }) => s);
  expect(streams).toEqual([
    {
      logStreamName: "new",
      creationTime: 700,
      firstEventTimestamp: 500,
      lastEventTimestamp: 800,
      lastIngestionTime: 1000,
      storedBytes: FLOW.length + 3,
    },
    {
      logStreamName: "old",
      creationTime: 60,
      firstEventTimestamp: 40,
      lastEventTimestamp: 50,
      lastIngestionTime: 900,
      storedBytes: 3,
    },
  ]);
  const events = (await store.filterLogEvents("g")).events;
  expect(events.map((e) => [e.logStreamName, e.timestamp, e.ingestionTime])).toEqual([
    ["old", 40, 900],
    ["old", 50, 60],
    ["new", 500, 700],
    ["new", 800, 1000],
  ]);
  // Default-format records are split into columns on the way, as with append().
  const [row] = await store.query(
    "SELECT dstport, action FROM events WHERE stream_name = 'new' AND ts = 500",
  );
  expect(row).toEqual({ dstport: "22", action: "ACCEPT" });
});

it("writes nothing when the group does not exist", async () => {
  const batch = { streamName: "s", events: [{ timestamp: 1, message: "m" }], ingestionTime: 2 };
  await expect(store.appendBatches("nope", [batch])).rejects.toBeInstanceOf(StoreError);
  expect((await store.listLogStreams("g")).items).toEqual([]);
});
