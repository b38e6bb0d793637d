import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AwsHarness } from "@/emulator/test-support/aws-harness";
import type { PanelEvent } from "@/lib/traffic/contract";
import {
  emulatorStats,
  finalEvent,
  interfaceIds,
  readEvents,
  recordsIn,
  startDemoAccount,
  vpcIdByName,
} from "./traffic-panel-support";

const auth = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/auth", () => ({ auth }));

const { GET } = await import("@/app/api/traffic/panel/route");

const HOUR = 3_600_000;
// The emulator runs on the real clock, as the route does: windows are minutes-aligned hours before now.
const NOW = Math.floor(Date.now() / 60_000) * 60_000;
const PROD_GROUP = "/flowscope/demo/prod-vpc";
let harness: AwsHarness;
let prod: string;

beforeAll(async () => {
  ({ harness, prod } = await startDemoAccount(auth, NOW, 600));
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

/** A custom window from `hoursAgo` to `hoursAgo - 1` hours before now: settled, past the delivery delay. */
const windowAt = (hoursAgo: number) => ({ start: NOW - hoursAgo * HOUR, end: NOW - (hoursAgo - 1) * HOUR });

function call(params: Record<string, string | number>, signal?: AbortSignal) {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return GET(new Request(`http://flowscope.test/api/traffic/panel?${query}`, { signal }), {
    params: Promise.resolve({}),
  });
}

const result = <P extends "timeseries" | "top">(event: PanelEvent, panel: P) => {
  if (event.type !== "result" || event.panel !== panel)
    throw new Error(`expected a ${panel} result: ${JSON.stringify(event).slice(0, 300)}`);
  return event as Extract<PanelEvent, { type: "result"; panel: P }>;
};

describe("GET /api/traffic/panel on the demo world", () => {
  it("charts rejected flows that add up to an independent count of the records", async () => {
    // prepare
    const window = windowAt(3);
    const enis = await interfaceIds(harness, prod);
    const records = await recordsIn(harness, PROD_GROUP, window, enis);
    const rejected = records.filter((r) => r.action === "REJECT").length;
    // act
    const res = await call({ panel: "timeseries", vpc: prod, range: "custom", ...window, metric: "flows" });
    // assess
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const series = result(await finalEvent(res), "timeseries");
    expect(rejected).toBeGreaterThan(0);
    expect(series.points.reduce((n, p) => n + p.rejected, 0)).toBe(rejected);
    expect(series.points.reduce((n, p) => n + p.accepted, 0)).toBe(records.length - rejected);
    expect(series.binMs).toBe(60_000);
    expect(series.points).toHaveLength(60);
    expect(series.coverage.flowLogs.filter((l) => l.used).map((l) => l.logGroupName)).toEqual([PROD_GROUP]);
    expect(series.stats).toMatchObject({ queries: 1, cached: false });
    expect(series.stats.bytesScanned).toBeGreaterThan(0);
    expect(series.freshness.newestRecordAt).toBeLessThanOrEqual(NOW);
  });

  it("puts the biggest source by bytes first, labelled", async () => {
    const window = windowAt(4);
    const records = await recordsIn(harness, PROD_GROUP, window, await interfaceIds(harness, prod));
    const bytes = new Map<string, number>();
    for (const r of records) bytes.set(r.srcaddr, (bytes.get(r.srcaddr) ?? 0) + r.bytes);
    const [topSource, topBytes] = [...bytes].sort((a, b) => b[1] - a[1])[0] ?? [];
    const res = await call({
      panel: "top",
      vpc: prod,
      range: "custom",
      ...window,
      dimension: "sources",
      limit: 5,
    });
    const top = result(await finalEvent(res), "top");
    expect(top.rows).toHaveLength(5);
    expect(top.rows[0]).toMatchObject({ key: topSource, src: topSource, bytes: topBytes });
    expect(top.rows[0]?.enrichment[topSource ?? ""]?.label).toBeTruthy();
    expect(top.truncated).toBe(false);
  });

  it("starts no second StartQuery when the same panel opens again", async () => {
    const params = { panel: "timeseries", vpc: prod, range: "custom", ...windowAt(5), metric: "bytes" };
    const before = (await emulatorStats(harness))["logs:StartQuery"] ?? 0;
    const first = result(await finalEvent(await call(params)), "timeseries");
    const middle = (await emulatorStats(harness))["logs:StartQuery"] ?? 0;
    const second = result(await finalEvent(await call(params)), "timeseries");
    const after = (await emulatorStats(harness))["logs:StartQuery"] ?? 0;
    expect(middle - before).toBe(1);
    expect(after).toBe(middle);
    expect(second.stats).toMatchObject({ queries: 0, cached: true });
    expect(second.points).toEqual(first.points);
  });

  it("stops the Insights query when the request is aborted", async () => {
    const stopsBefore = (await emulatorStats(harness))["logs:StopQuery"] ?? 0;
    const controller = new AbortController();
    const res = await call(
      { panel: "top", vpc: prod, range: "custom", ...windowAt(6), dimension: "pairs" },
      controller.signal,
    );
    const reader = res.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toContain('"type":"progress"');
    controller.abort();
    await expect
      .poll(async () => (await emulatorStats(harness))["logs:StopQuery"] ?? 0)
      .toBe(stopsBefore + 1);
  });

  it("explains an empty window inside the delivery delay", async () => {
    const window = { start: NOW - 4 * 60_000, end: NOW };
    const res = await call({ panel: "timeseries", vpc: prod, range: "custom", ...window });
    const events = await readEvents(res);
    expect(events.at(-1)).toMatchObject({ type: "empty", empty: { reason: "delivery-delay" } });
  });

  it("turns an AWS permission error into a not-retryable error line", async () => {
    const faults = `${harness.emulator.url}/_flowscope/faults`;
    await fetch(faults, { method: "POST", body: JSON.stringify({ accessDenied: ["logs:StartQuery"] }) });
    try {
      const res = await call({
        panel: "top",
        vpc: prod,
        range: "custom",
        ...windowAt(7),
        dimension: "dstPorts",
      });
      expect(await finalEvent(res)).toMatchObject({
        type: "error",
        code: "AccessDeniedException",
        retryable: false,
      });
    } finally {
      await fetch(faults, { method: "POST", body: "{}" });
    }
  });

  it("reads partial logs in staging and says what they hide", async () => {
    const staging = await vpcIdByName(harness, "staging");
    const res = await call({
      panel: "timeseries",
      vpc: staging,
      range: "custom",
      ...windowAt(3),
      metric: "flows",
    });
    const series = result(await finalEvent(res), "timeseries");
    expect(series.points.some((p) => p.rejected > 0)).toBe(true);
    expect(series.coverage.warnings.join("\n")).toMatch(
      /REJECT-only flow log .*accepted traffic there is invisible/,
    );
  });

  it("answers a VPC that does not exist with a not-retryable error line", async () => {
    const res = await call({
      panel: "timeseries",
      vpc: "vpc-0000000000000dead",
      range: "custom",
      ...windowAt(2),
    });
    expect(await finalEvent(res)).toMatchObject({ type: "error", code: "NotFound", retryable: false });
  });
});
