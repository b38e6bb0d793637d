import { describe, expect, test } from "vitest";
import { parseFlowsPage } from "./parse-page";
import { type FlowsPageState, flowsHref, recordsUrl } from "./search-params";

const base: FlowsPageState = {
  region: "us-east-1",
  vpc: "vpc-0123456789abcdef0",
  range: "1h",
  action: "REJECT",
  view: "table",
  group: "sources",
};

describe("parseFlowsPage", () => {
  test.each([
    [{ dstPort: "22-x" }, "dstPort"],
    [{ src: "10.0.0.0/99" }, "src"],
    [{ action: "DROP" }, "action"],
    [{ logStatus: "FINE" }, "logStatus"],
    [{ tcpFlags: "XYZ" }, "tcpFlags"],
    [{ vpc: "vpc-x" }, "vpc"],
    [{ range: "custom" }, "start"],
  ])("%j names %s", (raw, field) => {
    const parsed = parseFlowsPage(raw, 1_800_000_000_000);
    expect(parsed.ok ? undefined : parsed.field).toBe(field);
  });

  test("defaults to the rejected flows of the last hour", () => {
    expect(parseFlowsPage({}, 0)).toMatchObject({
      ok: true,
      state: { action: "REJECT", range: "1h", view: "table" },
    });
  });

  test.each<Partial<FlowsPageState>>([
    { dstPort: "22" },
    { dstPort: "1024-2048", srcPort: "443", protocol: 17, action: "ANY" },
    { src: "10.0.0.0/16", logStatus: "NODATA", view: "group", group: "pairs" },
    { flowDirection: "egress", tcpFlags: 4, srcService: "S3", dstService: "DYNAMODB" },
  ])("the URL round-trips %j", (patch) => {
    const params = Object.fromEntries(new URL(flowsHref(base, patch), "http://x").searchParams);
    expect(parseFlowsPage(params)).toEqual({ ok: true, state: { ...base, ...patch } });
  });
});

describe("recordsUrl", () => {
  test.each([
    [{}, "/api/flows/records?region=us-east-1&vpc=vpc-0123456789abcdef0&range=1h&action=REJECT"],
    [
      { action: "ANY" as const, dstPort: "22" },
      "/api/flows/records?region=us-east-1&vpc=vpc-0123456789abcdef0&range=1h&dstPort=22",
    ],
    [
      { range: "1h" as const, start: 5 },
      "/api/flows/records?region=us-east-1&vpc=vpc-0123456789abcdef0&range=1h&action=REJECT",
    ],
  ])("%j", (patch, url) => {
    expect(recordsUrl({ ...base, ...patch })).toBe(url);
  });
});
