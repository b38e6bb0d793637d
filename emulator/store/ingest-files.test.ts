import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreError } from "./errors";
import { EventStore } from "./event-store";

const HEADER =
  "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
const FLOW =
  "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK";
const NODATA = "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA";
const OTHER =
  "2 123456789010 eni-0000000000000000b 10.0.0.1 10.0.0.2 443 51000 6 3 180 1418530020 1418530080 REJECT OK";
const CUSTOM_HEADER = "interface-id srcaddr dstaddr dstport start action";
const CUSTOM = "eni-0000000000000000c 10.0.0.1 10.0.0.2 22 1418530030 REJECT";

let store: EventStore;
let dir: string;
const file = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, gzipSync(`${lines.join("\n")}\n`));
  return path;
};
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof StoreError ? error.code : String(error)),
  );

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "ingest-files-"));
  store = await EventStore.open(":memory:");
  await store.createLogGroup({ logGroupName: "g", creationTime: 1, arn: "arn:g" });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("ingestFlowLogFiles", () => {
  it("loads every record of every file under its interface's stream, header skipped", async () => {
    const paths = [file("a.log.gz", [HEADER, FLOW, NODATA]), file("b.log.gz", [HEADER, OTHER])];
    expect(await store.ingestFlowLogFiles("g", { paths, ingestionTime: 1_500_000_000_000 })).toEqual({
      accepted: 3,
    });
    const events = (await store.filterLogEvents("g")).events;
    expect(events.map((e) => [e.logStreamName, e.timestamp, e.message])).toEqual([
      ["eni-1235b8ca123456789-all", 1418530010000, FLOW],
      ["eni-0000000000000000b-all", 1418530020000, OTHER],
      ["eni-1235b8ca123456789-all", 1431280876000, NODATA],
    ]);
    const streams = (await store.listLogStreams("g")).items;
    expect(streams.map((s) => [s.logStreamName, s.storedBytes])).toEqual([
      ["eni-0000000000000000b-all", OTHER.length],
      ["eni-1235b8ca123456789-all", FLOW.length + NODATA.length],
    ]);
    const [row] = await store.query(
      "SELECT dstport, bytes, action FROM events WHERE interface_id = 'eni-0000000000000000b'",
    );
    expect(row).toEqual({ dstport: "51000", bytes: "180", action: "REJECT" });
  });

  it("keeps event ids going after an append, and appends after it", async () => {
    await store.append("g", "s", [{ timestamp: 5, message: "x" }], 6);
    await store.ingestFlowLogFiles("g", { paths: [file("a.log.gz", [HEADER, FLOW])], ingestionTime: 7 });
    await store.append("g", "s", [{ timestamp: 8, message: "y" }], 9);
    const ids = await store.query("SELECT event_id FROM events ORDER BY event_id");
    expect(ids.map((r) => Number(r.event_id))).toEqual([1, 2, 3]);
  });

  it("numbers events densely across the INSERT batches of many files", async () => {
    const paths = Array.from({ length: 30 }, (_, i) => file(`f${i}.log.gz`, [HEADER, FLOW, OTHER]));
    expect(await store.ingestFlowLogFiles("g", { paths, ingestionTime: 7 })).toEqual({ accepted: 60 });
    const [row] = await store.query(
      "SELECT count(DISTINCT event_id) AS n, min(event_id) AS lo, max(event_id) AS hi FROM events",
    );
    expect(row).toEqual({ n: "60", lo: "1", hi: "60" });
    await store.append("g", "s", [{ timestamp: 8, message: "y" }], 9);
    const [last] = await store.query("SELECT max(event_id) AS hi FROM events");
    expect(last?.hi).toBe("61");
  });

  it("takes the stream and time from a custom format's header", async () => {
    await store.ingestFlowLogFiles("g", {
      paths: [file("c.log.gz", [CUSTOM_HEADER, CUSTOM])],
      ingestionTime: 7,
    });
    const [event] = (await store.filterLogEvents("g")).events;
    expect([event?.logStreamName, event?.timestamp, event?.message]).toEqual([
      "eni-0000000000000000c-all",
      1418530030000,
      CUSTOM,
    ]);
  });

  it("keeps a malformed line of a default-format file as a plain event (the line-by-line path)", async () => {
    const odd = "2 123456789010 eni-1235b8ca123456789 odd line";
    await store.ingestFlowLogFiles("g", { paths: [file("a.log.gz", [HEADER, FLOW, odd])], ingestionTime: 7 });
    const rows = await store.query("SELECT message, dstport FROM events ORDER BY event_id");
    expect(rows).toEqual([
      { message: FLOW, dstport: "22" },
      { message: odd, dstport: null },
    ]);
  });

  it("refuses a file without a header, files in two formats, and a missing group", async () => {
    const noHeader = file("n.log.gz", [FLOW]);
    expect(await code(store.ingestFlowLogFiles("g", { paths: [noHeader], ingestionTime: 1 }))).toBe(
      "InvalidParameterException",
    );
    const mixed = [file("a.log.gz", [HEADER, FLOW]), file("c.log.gz", [CUSTOM_HEADER, CUSTOM])];
    expect(await code(store.ingestFlowLogFiles("g", { paths: mixed, ingestionTime: 1 }))).toBe(
      "InvalidParameterException",
    );
    expect(await code(store.ingestFlowLogFiles("nope", { paths: mixed, ingestionTime: 1 }))).toBe(
      "ResourceNotFoundException",
    );
    expect((await store.filterLogEvents("g")).events).toEqual([]);
  });
});
