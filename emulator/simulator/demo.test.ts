/** The demo world's day of history and its live traffic, as the simulator writes them. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_FIELD_NAMES } from "../../lib/flow/format";
import { parseRecord } from "../../lib/flow/record";
import {
  BASTION_LOG,
  countsBy,
  type DemoHistory,
  demoHistory,
  HISTORY_NOW,
  HOUR,
  list,
  MINUTE,
  PROD_LOG,
  STAGING_LOG,
} from "../world/demo-history.fixture";
import { REJECT_TRIAGE_FIELDS } from "../world/demo-spec-logs";
import { readGroup } from "./harness.fixture";
import { expectedInboundAction } from "./rule-check.fixture";
import { buildTopology } from "./topology";

let h: DemoHistory;
beforeAll(async () => {
  h = await demoHistory(24);
}, 120_000);
afterAll(() => h.data.close());

/** The oldest and newest event timestamps of a group, from its streams' metadata. */
async function span(group: string): Promise<{ first: number; last: number }> {
  const { items } = await h.data.store.listLogStreams(group, { limit: 50 });
  return {
    first: items.reduce((min, s) => Math.min(min, s.firstEventTimestamp ?? min), Number.POSITIVE_INFINITY),
    last: items.reduce((max, s) => Math.max(max, s.lastEventTimestamp ?? max), 0),
  };
}

const counts = async (group: string, query: string, key: string) =>
  countsBy(await h.query(group, query), key);

describe("a day of history", () => {
  test("every delivering flow log holds the whole day, in its own format", async () => {
    for (const [group, fields] of [
      [PROD_LOG, DEFAULT_FIELD_NAMES],
      [STAGING_LOG, REJECT_TRIAGE_FIELDS],
      [BASTION_LOG, REJECT_TRIAGE_FIELDS],
    ] as const) {
      const { first, last } = await span(group);
      expect(first, group).toBeLessThan(HISTORY_NOW - 23 * HOUR);
      expect(last, group).toBeGreaterThan(HISTORY_NOW - HOUR);
      expect(last, group).toBeLessThan(HISTORY_NOW - 5 * MINUTE);
      const sample = await h.query(group, "fields @message | limit 3000");
      for (const { "@message": m = "" } of sample) expect(parseRecord(fields, m), m).toBeDefined();
    }
  });

  test("REJECT-only logs hold REJECT, NODATA and SKIPDATA records only", async () => {
    for (const group of [STAGING_LOG, BASTION_LOG]) {
      const records = (await readGroup(h.data.store, group)).map((e) =>
        parseRecord(REJECT_TRIAGE_FIELDS, e.message),
      );
      expect(records.filter((r) => r?.action === "REJECT").length, group).toBeGreaterThan(100);
      for (const r of records) expect(r?.action ?? r?.["log-status"]).toMatch(/^(REJECT|NODATA|SKIPDATA)$/);
    }
  });

  test("web traffic follows the day: the afternoon peak is busier than the night", async () => {
    const alb = h.names.loadBalancer("prod-alb").map((e) => e.id);
    const rows = await h.query(
      PROD_LOG,
      `filter interfaceId in ${list(alb)} and dstPort = 443 and action = "ACCEPT" | stats count(*) as n by bin(1h) as hour`,
    );
    const byHour = new Map(rows.map((r) => [new Date(r.hour ?? "").getUTCHours(), Number(r.n)]));
    expect(byHour.get(15) ?? 0).toBeGreaterThan(1.8 * (byHour.get(3) ?? Number.POSITIVE_INFINITY));
  });

  test("scanners are rejected on SSH, RDP and telnet; NODATA and SKIPDATA windows occur", async () => {
    const scans = await counts(
      PROD_LOG,
      'filter action = "REJECT" and dstPort in [22, 3389, 23] and not isIpv4InSubnet(srcAddr, "10.0.0.0/8") | stats count(*) as n by dstPort',
      "dstPort",
    );
    for (const port of ["22", "3389", "23"]) expect(scans[port], port).toBeGreaterThan(10);
    const statuses = await counts(PROD_LOG, "stats count(*) as n by logStatus", "logStatus");
    expect(statuses.NODATA).toBeGreaterThan(100);
    expect(statuses.SKIPDATA).toBeGreaterThan(0);
  });

  test("private instances reach mirrors and AWS APIs through the NAT gateways, S3 through the endpoint", async () => {
    const nats = ["a", "b", "c"].map((az) => h.names.subnetEnis(`prod-public-${az}`));
    const natEnis = (h.world.ec2?.NatGateways ?? []).map(
      (n) => n.NatGatewayAddresses?.[0]?.NetworkInterfaceId ?? "",
    );
    expect(nats.flat().map((e) => e.id)).toEqual(expect.arrayContaining(natEnis));
    const viaNat = await counts(
      PROD_LOG,
      `filter interfaceId in ${list(natEnis)} and dstPort in [80, 443] | stats count(*) as n by interfaceId`,
      "interfaceId",
    );
    // AZ a and b only: prod-app-c, the only app subnet of AZ c, has no route to its NAT gateway.
    expect(Object.keys(viaNat).sort()).toEqual([natEnis[0], natEnis[1]].sort());
    const app1 = h.names.eni("prod-app-1").id;
    const s3 = await h.query(
      PROD_LOG,
      `filter interfaceId = '${app1}' and isIpv4InSubnet(dstAddr, "52.216.0.0/15") | stats count(*) as n`,
    );
    expect(Number(s3[0]?.n)).toBeGreaterThan(0);
  });

  test("what reaches interfaces from the internet is decided as lib/diagnosis decides it", async () => {
    const topology = buildTopology(h.data.state.world());
    let checked = 0;
    const fromOutside = await h.query(
      PROD_LOG,
      'filter logStatus = "OK" and not isIpv4InSubnet(srcAddr, "10.0.0.0/16") | fields @message | limit 10000',
    );
    for (const { "@message": message = "" } of fromOutside) {
      const record = parseRecord(DEFAULT_FIELD_NAMES, message) ?? {};
      const expected = expectedInboundAction(topology, record);
      if (expected === undefined) continue;
      expect(record.action, message).toBe(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe("live traffic", () => {
  test("after the history, ticks go on delivering from where it ended", async () => {
    const before = await span(PROD_LOG);
    const { delivered } = await h.simulator.tick(HISTORY_NOW + 20 * MINUTE);
    expect(delivered).toBeGreaterThan(100);
    const after = await span(PROD_LOG);
    expect(after.first).toBe(before.first);
    expect(after.last).toBeGreaterThan(before.last);
  });
});
