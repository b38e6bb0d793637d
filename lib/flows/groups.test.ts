import { describe, expect, test } from "vitest";
import type { TopRow } from "@/lib/traffic/contract";
import { groupDrill, groupsUrl } from "./groups";
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

test("the groups API gets the whole filter and the dimension", () => {
  const url = new URL(
    groupsUrl({ ...state, dstPort: "1024-65535", srcPort: "22", logStatus: "OK", q: "tcpFlags = 2" }),
    "http://x",
  );
  expect(url.pathname).toBe("/api/flows/groups");
  expect(Object.fromEntries(url.searchParams)).toMatchObject({
    group: "dstPorts",
    dstPort: "1024-65535",
    srcPort: "22",
    logStatus: "OK",
    q: "tcpFlags = 2",
    action: "REJECT",
  });
});

test("ANY sends no action filter", () => {
  const url = new URL(groupsUrl({ ...state, action: "ANY" }), "http://x");
  expect(url.searchParams.has("action")).toBe(false);
});
