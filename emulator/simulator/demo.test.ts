import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_FIELD_NAMES } from "../../lib/flow/format";
import { parseRecord } from "../../lib/flow/record";
import { type EmulatorData, openEmulatorData } from "../state/open-data";
import { buildDemoWorld } from "../world/demo";
import { STAGING_REJECT_FIELDS } from "../world/demo-flow-logs";
import { type ReadEvent, readGroup } from "./harness.fixture";
import { createSimulator } from "./index";
import { expectedInboundAction } from "./rule-check.fixture";
import { buildTopology } from "./topology";

const NOW = Date.parse("2026-06-01T12:00:00Z");
const MIN = 60_000;
const DELAY = 3 * MIN;
const PROD = "/flowscope/demo/prod-vpc";
const STAGING = "/flowscope/demo/staging-public-a-rejects";

let data: EmulatorData;
const seeded = new Map<string, Set<string>>();
const fresh = new Map<string, ReadEvent[]>();
const key = (e: ReadEvent) => `${e.stream} ${e.timestamp} ${e.message}`;

beforeAll(async () => {
  data = await openEmulatorData({ world: buildDemoWorld({ seed: 1, now: new Date(NOW) }), now: NOW });
  for (const group of [PROD, STAGING])
    seeded.set(group, new Set((await readGroup(data.store, group)).map(key)));
  const sim = createSimulator({ state: data.state, store: data.store, deliveryDelayMs: DELAY, seed: 1 });
  for (let now = NOW; now <= NOW + 90 * MIN; now += 5 * MIN) await sim.tick(now);
  for (const group of [PROD, STAGING]) {
    const known = seeded.get(group) ?? new Set();
    fresh.set(
      group,
      (await readGroup(data.store, group)).filter((e) => !known.has(key(e))),
    );
  }
});

afterAll(async () => {
  await data.close();
});

describe("the demo world", () => {
  test("both flow logs go on delivering after the seeded history, in their own formats", () => {
    const prod = fresh.get(PROD) ?? [];
    const staging = fresh.get(STAGING) ?? [];
    expect(prod.length).toBeGreaterThan(200);
    expect(staging.length).toBeGreaterThan(10);
    for (const e of prod) expect(parseRecord(DEFAULT_FIELD_NAMES, e.message)).toBeDefined();
    for (const e of staging) expect(parseRecord(STAGING_REJECT_FIELDS, e.message)).toBeDefined();
    for (const e of [...prod, ...staging]) {
      // Continues from the seeded hour rather than refilling the day before it.
      expect(e.timestamp).toBeGreaterThan(NOW - 30 * MIN);
      expect(e.timestamp).toBeLessThan(NOW + 90 * MIN - DELAY);
    }
  });

  test("the REJECT-only subnet log holds REJECT, NODATA and SKIPDATA records only", () => {
    const records = (fresh.get(STAGING) ?? []).map(
      (e) => parseRecord(STAGING_REJECT_FIELDS, e.message) ?? {},
    );
    expect(records.filter((r) => r.action === "REJECT").length).toBeGreaterThan(0);
    for (const r of records) expect(r.action ?? r["log-status"]).toMatch(/^(REJECT|NODATA|SKIPDATA)$/);
  });

  test("what reaches instances from the internet is decided as lib/diagnosis decides it", () => {
    const topology = buildTopology(data.state.world());
    let checked = 0;
    for (const e of fresh.get(PROD) ?? []) {
      const record = parseRecord(DEFAULT_FIELD_NAMES, e.message) ?? {};
      const expected = expectedInboundAction(topology, record);
      if (expected === undefined) continue;
      expect(record.action, e.message).toBe(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});
