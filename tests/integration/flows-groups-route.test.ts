import { paginateFilterLogEvents } from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AwsHarness } from "@/emulator/test-support/aws-harness";
import { DEFAULT_FIELD_NAMES } from "@/lib/flow/format";
import { parseRecord } from "@/lib/flow/record";
import type { PanelEvent } from "@/lib/traffic/contract";
import { finalEvent, interfaceIds, startDemoAccount } from "./traffic-panel-support";

const auth = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/auth", () => ({ auth }));

const { GET } = await import("@/app/api/flows/groups/route");

const HOUR = 3_600_000;
const NOW = Math.floor(Date.now() / 60_000) * 60_000;
const PROD_GROUP = "/flowscope/demo/prod-vpc";
let harness: AwsHarness;
let prod: string;

beforeAll(async () => {
  ({ harness, prod } = await startDemoAccount(auth, NOW, 0));
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const window = { start: NOW - 3 * HOUR, end: NOW - 2 * HOUR };

function call(params: Record<string, string | number>) {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return GET(new Request(`http://flowscope.test/api/flows/groups?${query}`), { params: Promise.resolve({}) });
}

/** Every OK default-format record of the prod VPC's interfaces in the window, read with FilterLogEvents. */
async function records() {
  const enis = await interfaceIds(harness, prod);
  const out: Record<string, string | number>[] = [];
  const pages = paginateFilterLogEvents(
    { client: harness.logs, pageSize: 10_000 },
    { logGroupName: PROD_GROUP, startTime: window.start, endTime: window.end - 1 },
  );
  for await (const page of pages)
    for (const event of page.events ?? []) {
      const record = parseRecord(DEFAULT_FIELD_NAMES, event.message ?? "");
      if (record?.["log-status"] === "OK" && enis.has(String(record["interface-id"])))
        out.push(record as Record<string, string | number>);
    }
  return out;
}

const top = (event: PanelEvent) => {
  if (event.type !== "result" || event.panel !== "top")
    throw new Error(`expected a top result: ${JSON.stringify(event).slice(0, 300)}`);
  return event;
};

describe("GET /api/flows/groups on the demo world", () => {
  it("counts rejected flows by destination port with a source-port range and log status", async () => {
    const all = await records();
    const expected = new Map<number, number>();
    for (const r of all) {
      const srcport = Number(r.srcport);
      if (r.action !== "REJECT" || srcport < 1024) continue;
      expected.set(Number(r.dstport), (expected.get(Number(r.dstport)) ?? 0) + 1);
    }
    expect(expected.size).toBeGreaterThan(0);
    const res = await call({
      vpc: prod,
      range: "custom",
      ...window,
      group: "dstPorts",
      action: "REJECT",
      srcPort: "1024-65535",
      logStatus: "OK",
    });
    const event = top(await finalEvent(res));
    const got = new Map(event.rows.map((row) => [row.dstPort, row.rejectedFlows]));
    const [best] = [...expected].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    expect(event.rows[0]?.dstPort).toBe(best?.[0]);
    for (const [port, count] of [...expected].slice(0, 10))
      if (got.has(port)) expect(got.get(port)).toBe(count);
    expect(event.rows.reduce((n, r) => n + r.flows, 0)).toBeLessThanOrEqual(
      [...expected.values()].reduce((n, c) => n + c, 0),
    );
  });

  it("applies an expert expression to the counts", async () => {
    const all = await records();
    const expected = all.filter((r) => r.action === "ACCEPT" && Number(r.dstport) === 443).length;
    const res = await call({ vpc: prod, range: "custom", ...window, group: "dstPorts", q: "dstPort = 443" });
    const event = top(await finalEvent(res));
    expect(event.rows.map((r) => r.dstPort)).toEqual([443]);
    expect((event.rows[0]?.flows ?? 0) - (event.rows[0]?.rejectedFlows ?? 0)).toBe(expected);
  });

  it("names the instance field when the instance is unknown", async () => {
    const res = await call({ vpc: prod, range: "1h", group: "sources", instance: "no-such-host" });
    expect(await finalEvent(res)).toMatchObject({
      type: "error",
      field: "instance",
      code: "instance_not_found",
    });
  });

  it("answers 400 naming group when it is missing or unknown", async () => {
    for (const group of [undefined, "ports"]) {
      const res = await call({ vpc: prod, range: "1h", ...(group && { group }) });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ field: "group" });
    }
  });
});
