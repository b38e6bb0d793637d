import { afterAll, afterEach, describe, expect, test } from "vitest";
import { DEFAULT_FIELD_NAMES } from "../../lib/flow/format";
import type { FlowRecord } from "../../lib/flow/record";
import { ipInCidr } from "../../lib/net/ip";
import { EventStore } from "../store/event-store";
import { MIN, parsed, readGroup, run, simulatorFor, storePool } from "./harness.fixture";
import { expectedInboundAction } from "./rule-check.fixture";
import { ACCEPT_FIELDS, ALL_FIELDS, TINY_CREATED, tinyWorld } from "./tiny-world.fixture";
import { buildTopology } from "./topology";

const DELAY = 2 * MIN;
const world = tinyWorld();
const topology = buildTopology(world);
const simulator = simulatorFor(world, DELAY);
const pool = storePool();

afterEach(() => pool.closeAll());

const T0 = TINY_CREATED;
const END = T0 + 40 * MIN;

/** One store ticked once a minute for 40 minutes, shared by the tests that only read it. */
let shared: Promise<EventStore> | undefined;
const ticked = (): Promise<EventStore> => {
  shared ??= (async () => {
    const store = await EventStore.open(":memory:");
    await run(simulator(store), T0, END);
    return store;
  })();
  return shared;
};

afterAll(async () => {
  await (await ticked()).close();
});

describe("delivery", () => {
  test("a window's records appear only once it ended the delivery delay ago", async () => {
    const store = await pool.open();
    const sim = simulator(store);
    expect(await sim.tick(T0 + MIN + DELAY - 1)).toEqual({ delivered: 0 });
    expect(await store.getLogGroup("/tiny/all")).toBeUndefined();
    const { delivered } = await sim.tick(T0 + MIN + DELAY);
    const events = await readGroup(store, "/tiny/all");
    const accepts = await readGroup(store, "/tiny/accepts");
    expect(delivered).toBe(events.length + accepts.length);
    expect(events.length).toBeGreaterThan(0);
    for (const r of parsed(events, ALL_FIELDS)) expect(r.start).toBeGreaterThanOrEqual(T0 / 1000);
    for (const r of parsed(events, ALL_FIELDS)) expect(r.start).toBeLessThan((T0 + MIN) / 1000);
    expect(await readGroup(store, "/tiny/rejects")).toEqual([]);
    expect(await store.getLogGroup("/tiny/all")).toMatchObject({
      arn: "arn:aws:logs:us-east-1:111122223333:log-group:/tiny/all:*",
      creationTime: T0 + MIN + DELAY,
    });
  });

  test("one window per interval per ENI, every line in its flow log's format", async () => {
    const store = await ticked();
    const events = await readGroup(store, "/tiny/all");
    const streams = [...new Set(events.map((e) => e.stream))].sort();
    expect(streams).toEqual(["eni-app-all", "eni-bh-all", "eni-db-all", "eni-nat-all", "eni-web-all"]);
    const windows = 40 - DELAY / MIN;
    for (const stream of streams) {
      const records = parsed(
        events.filter((e) => e.stream === stream),
        ALL_FIELDS,
      );
      const byWindow = new Map<number, FlowRecord[]>();
      for (const r of records) {
        const window = Math.floor((Number(r.start) - T0 / 1000) / 60);
        byWindow.set(window, [...(byWindow.get(window) ?? []), r]);
        expect(r["interface-id"]).toBe(stream.replace(/-all$/, ""));
      }
      expect([...byWindow.keys()].sort((a, b) => a - b)).toEqual(
        Array.from({ length: windows }, (_, i) => i),
      );
      for (const list of byWindow.values()) {
        const nodata = list.filter((r) => r["log-status"] === "NODATA");
        expect(nodata.length === 0 || list.length === 1).toBe(true);
      }
    }
    const rejects = parsed(await readGroup(store, "/tiny/rejects"), DEFAULT_FIELD_NAMES);
    expect(new Set(rejects.map((r) => Math.floor(Number(r.start) / 600))).size).toBeLessThanOrEqual(4);
    expect(rejects.every((r) => r.version === 2)).toBe(true);
  });

  test("ACCEPT-only and REJECT-only flow logs keep only their action (and NODATA/SKIPDATA)", async () => {
    const store = await ticked();
    const rejects = parsed(await readGroup(store, "/tiny/rejects"), DEFAULT_FIELD_NAMES);
    const accepts = parsed(await readGroup(store, "/tiny/accepts"), ACCEPT_FIELDS);
    expect(rejects.filter((r) => r.action === "REJECT").length).toBeGreaterThan(0);
    expect(accepts.filter((r) => r.action === "ACCEPT").length).toBeGreaterThan(0);
    for (const r of rejects) expect(r.action ?? r["log-status"]).toMatch(/^(REJECT|NODATA|SKIPDATA)$/);
    for (const r of accepts) expect(r.action ?? r["log-status"]).toMatch(/^(ACCEPT|NODATA|SKIPDATA)$/);
    expect(new Set(accepts.map((r) => r["interface-id"]))).toEqual(new Set(["eni-app"]));
  });

  test("failed, S3 and stopped or detached resources deliver nothing", async () => {
    const store = await ticked();
    expect((await store.listLogGroups()).items.map((g) => g.logGroupName)).toEqual([
      "/tiny/accepts",
      "/tiny/all",
      "/tiny/rejects",
    ]);
    const interfaces = new Set(
      parsed(await readGroup(store, "/tiny/all"), ALL_FIELDS).map((r) => r["interface-id"]),
    );
    expect([...interfaces].sort()).toEqual(["eni-app", "eni-bh", "eni-db", "eni-nat", "eni-web"]);
  });
});

describe("what is recorded agrees with the rules", () => {
  const inVpc = (ip: unknown) => typeof ip === "string" && ipInCidr(ip, "10.20.0.0/16");
  const records = async (eni: string) =>
    parsed(await readGroup(await ticked(), "/tiny/all"), ALL_FIELDS).filter(
      (r) => r["interface-id"] === eni && r["log-status"] === "OK",
    );

  test("SG missing a port: every request to it is rejected at the destination", async () => {
    const app = (await records("eni-app")).filter((r) => r["flow-direction"] === "ingress");
    const to = (port: number) => app.filter((r) => r.dstport === port).map((r) => r.action);
    expect(to(8080).length).toBeGreaterThan(0);
    expect(new Set(to(8080))).toEqual(new Set(["REJECT"]));
    expect(new Set(to(9090))).toEqual(new Set(["ACCEPT"]));
  });

  test("internet traffic on the public ENI matches lib/diagnosis (NACL without ephemeral ports out)", async () => {
    const web = await records("eni-web");
    const inbound = web.filter((r) => expectedInboundAction(topology, r) !== undefined);
    for (const r of inbound) expect(r.action, JSON.stringify(r)).toBe(expectedInboundAction(topology, r));
    expect(inbound.filter((r) => r.action === "ACCEPT" && r.dstport === 443).length).toBeGreaterThan(0);
    expect(inbound.filter((r) => r.action === "REJECT").length).toBeGreaterThan(0);
    const served = web.filter(
      (r) => r["flow-direction"] === "egress" && r.srcport === 443 && !inVpc(r.dstaddr),
    );
    expect(served.length).toBeGreaterThan(0);
    expect(new Set(served.map((r) => r.action))).toEqual(new Set(["REJECT"]));
  });

  test("no route and blackhole route: nothing leaves for the internet", async () => {
    for (const eni of ["eni-db", "eni-bh"]) {
      for (const r of await records(eni))
        expect(inVpc(r.srcaddr) && inVpc(r.dstaddr), JSON.stringify(r)).toBe(true);
    }
  });

  test("traffic flow logs never record is absent", async () => {
    const never = new Set([
      "169.254.169.254",
      "169.254.169.123",
      "10.20.0.2",
      "10.20.0.1",
      "10.20.1.1",
      "10.20.2.1",
    ]);
    const all = parsed(await readGroup(await ticked(), "/tiny/all"), ALL_FIELDS);
    expect(all.length).toBeGreaterThan(100);
    for (const r of all) {
      for (const field of ["srcaddr", "dstaddr", "pkt-srcaddr", "pkt-dstaddr"])
        expect(never.has(String(r[field]))).toBe(false);
      expect(r.protocol === 17 && [67, 68].includes(Number(r.dstport))).toBe(false);
    }
  });
});
