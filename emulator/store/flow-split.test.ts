import { afterAll, beforeAll, expect, it } from "vitest";
import { EventStore } from "./event-store";

let store: EventStore;
beforeAll(async () => {
  store = await EventStore.open(":memory:");
  await store.createLogGroup({
    logGroupName: "g",
    creationTime: 1,
    arn: "arn:aws:logs:us-east-1:1:log-group:g:*",
  });
});
afterAll(() => store.close());

const CASES: [message: string, split: boolean, srcPort?: number | null][] = [
  [
    "2 123456789010 eni-1 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK",
    true,
    20641,
  ],
  ["2 123456789010 eni-1 - - - - - - - 1431280876 1431280934 - NODATA", true, null],
  ["2 123456789010 eni-1 10.0.0.62 52.213.180.42 5001  43638 6 1 1 1 1 ACCEPT OK", true, 5001],
  ["  2 unknown eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 1 1 REJECT OK  ", true, 1],
  ["3 123456789010 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 1 1 ACCEPT OK", false],
  ["2 123456789010 eni-1 10.0.0.1 10.0.0.2 http 2 6 1 1 1 1 ACCEPT OK", false],
  ["2 123456789010 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 1 1 ACCEPT", false],
  ["hello world", false],
];

it.each(CASES)("splits %j only when it is a default-format record", async (message, split, srcPort) => {
  const stream = `s${CASES.findIndex((c) => c[0] === message)}`;
  await store.append("g", stream, [{ timestamp: 1, message }], 2);
  const [event] = (await store.filterLogEvents("g", { logStreamNames: [stream] })).events;
  const record = await store.getByPointer(event?.ptr ?? "");
  expect(record?.message).toBe(message);
  expect(record?.flow !== undefined).toBe(split);
  if (split) expect(record?.flow?.srcPort).toBe(srcPort);
});
