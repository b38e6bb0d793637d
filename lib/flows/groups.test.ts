import { describe, expect, test } from "vitest";
import type { TopRow } from "@/lib/traffic/contract";
import { groupDrill, groupPanelUrl, groupUnsupported } from "./groups";
import type { FlowsPageState } from "./search-params";

const state: FlowsPageState & { vpc: string } = {
  region: "us-east-1",
  vpc: "vpc-0123456789abcdef0",
  range: "1h",
  action: "REJECT",
  view: "group",
  group: "dstPorts",
};
const top = (patch: Partial<TopRow>): TopRow => ({
  key: "k",
  bytes: 0,
  packets: 0,
  flows: 0,
  rejectedFlows: 0,
  enrichment: {},
  ...patch,
});

describe("groupUnsupported", () => {
  test.each<[Partial<FlowsPageState>, string | undefined]>([
    [{}, undefined],
    [{ dstPort: "22" }, undefined],
    [{ dstPort: "22-23" }, "destination port range"],
    [{ srcPort: "22" }, "source port"],
    [{ logStatus: "OK" }, "log status"],
    [{ tcpFlags: 2 }, "TCP flags"],
    [{ dstService: "S3" }, "AWS service"],
  ])("%j → %s", (patch, expected) => {
    expect(groupUnsupported({ ...state, ...patch })).toBe(expected);
  });
});

describe("groupDrill", () => {
  test.each<[FlowsPageState["group"], Partial<TopRow>, Partial<FlowsPageState> | undefined]>([
    ["sources", { src: "10.0.0.1" }, { src: "10.0.0.1" }],
    ["destinations", { dst: "10.0.0.2" }, { dst: "10.0.0.2" }],
    ["pairs", { src: "a", dst: "b" }, { src: "a", dst: "b" }],
    ["dstPorts", { dstPort: 22 }, { dstPort: "22" }],
    ["interfaces", { interfaceId: "eni-01234567" }, { eni: "eni-01234567", subnet: undefined }],
    ["sources", {}, undefined],
  ])("%s %j", (group, row, expected) => {
    expect(groupDrill(group, top(row))).toEqual(expected);
  });
});

test("the group panel asks the top API for the filter, ranked by rejected flows", () => {
  const url = new URL(groupPanelUrl({ ...state, dstPort: "22", protocol: 6 }), "http://x");
  expect(Object.fromEntries(url.searchParams)).toMatchObject({
    panel: "top",
    dimension: "dstPorts",
    metric: "rejectedFlows",
    dstPort: "22",
    protocol: "6",
    action: "REJECT",
  });
});
