import { describe, expect, it } from "vitest";
import type { FlowLog } from "@/lib/topology/types";
import { chooseLogs, logGroupFromArn, type ScopedFlowLog, scopedFlowLog } from "./flow-log-choice";
import { resolveCoverage } from "./flow-log-coverage";

const VPC = "vpc-00000000000000001";
const SUBNET = "subnet-00000000000000001";
const OTHER_SUBNET = "subnet-00000000000000002";
const enis = [
  { id: "eni-00000000000000001", subnetId: SUBNET, label: "web-1" },
  { id: "eni-00000000000000002", subnetId: SUBNET, label: "web-2" },
  { id: "eni-00000000000000003", subnetId: OTHER_SUBNET, label: "db-1" },
];

function log(id: string, resourceId: string, over: Partial<FlowLog> = {}): ScopedFlowLog {
  const scoped = scopedFlowLog({
    FlowLogId: id,
    ResourceId: resourceId,
    TrafficType: "ALL",
    LogDestinationType: "cloud-watch-logs",
    LogGroupName: `/g/${id}`,
    FlowLogStatus: "ACTIVE",
    DeliverLogsStatus: "SUCCESS",
    ...over,
  });
  if (!scoped) throw new Error("not a scoped flow log");
  return scoped;
}

const resolve = (logs: ScopedFlowLog[]) => resolveCoverage(VPC, enis, logs, (id) => id);
const usesOf = (logs: ScopedFlowLog[]) =>
  Object.fromEntries(resolve(logs).uses.map((u) => [u.flowLog.id, u.interfaceIds.length]));

describe("scopedFlowLog", () => {
  it("reads the log group from the destination ARN when LogGroupName is missing", () => {
    const scoped = log("fl-1", VPC, {
      LogGroupName: undefined,
      LogDestination: "arn:aws:logs:us-east-1:123456789012:log-group:/a/b:*",
    });
    expect(scoped.logGroupName).toBe("/a/b");
    expect(scoped.queryable).toBe(true);
  });

  it.each([
    ["arn:aws:logs:us-east-1:123456789012:log-group:/vpc/flow", "/vpc/flow"],
    ["arn:aws:logs:us-east-1:123456789012:log-group:/vpc/flow:*", "/vpc/flow"],
    ["arn:aws:s3:::bucket", undefined],
    [undefined, undefined],
  ])("logGroupFromArn(%s) → %s", (arn, group) => {
    expect(logGroupFromArn(arn)).toBe(group);
  });

  it("carries CreationTime as ms (optional, for the diagnosis evidence)", () => {
    expect(log("fl-c", VPC, { CreationTime: new Date(Date.UTC(2026, 0, 1)) }).createdAt).toBe(
      Date.UTC(2026, 0, 1),
    );
    expect(log("fl-n", VPC, { CreationTime: undefined }).createdAt).toBeUndefined();
  });

  it("marks S3 destinations as not queryable, with a note", () => {
    const scoped = log("fl-s3", VPC, {
      LogDestinationType: "s3",
      LogGroupName: undefined,
      LogDestination: "arn:aws:s3:::b",
    });
    expect(scoped).toMatchObject({ queryable: false, logGroupName: undefined });
    expect(scoped.note).toContain("Amazon S3");
  });

  it("skips transit gateway flow logs and unreadable formats are not queryable", () => {
    expect(scopedFlowLog({ FlowLogId: "fl-t", ResourceId: "tgw-0123456789abcdef0" })).toBeUndefined();
    expect(log("fl-x", VPC, { LogFormat: "version nope" }).queryable).toBe(false);
  });
});

describe("chooseLogs", () => {
  it.each([
    [
      "the broadest ALL log",
      [log("fl-s", SUBNET), log("fl-v", VPC), log("fl-e", enis[0]?.id ?? "")],
      ["fl-v"],
    ],
    [
      "an ALL log over partial ones",
      [log("fl-a", VPC, { TrafficType: "ACCEPT" }), log("fl-s", SUBNET)],
      ["fl-s"],
    ],
    [
      "ACCEPT and REJECT logs together",
      [log("fl-a", VPC, { TrafficType: "ACCEPT" }), log("fl-r", SUBNET, { TrafficType: "REJECT" })],
      ["fl-a", "fl-r"],
    ],
    [
      "a delivering log over a failing one",
      [log("fl-1", VPC, { DeliverLogsStatus: "FAILED" }), log("fl-2", VPC)],
      ["fl-2"],
    ],
    ["nothing queryable", [log("fl-s3", VPC, { LogDestinationType: "s3" })], []],
  ])("picks %s", (_, candidates, ids) => {
    expect(chooseLogs(candidates).map((l) => l.id)).toEqual(ids);
  });
});

describe("resolveCoverage", () => {
  it("reads a VPC-level ALL log for every interface, not the subnet log beside it (no double count)", () => {
    expect(usesOf([log("fl-v", VPC), log("fl-s", SUBNET)])).toEqual({ "fl-v": 3 });
  });

  it("lists interfaces without any flow log", () => {
    const coverage = resolve([log("fl-s", SUBNET)]);
    expect(coverage.uncovered.map((e) => e.label)).toEqual(["db-1"]);
    expect(coverage.warnings).toContain("1 interface in scope has no flow log: their traffic is not shown.");
  });

  it("warns that an ACCEPT-only log hides rejects", () => {
    const coverage = resolve([log("fl-v", VPC, { TrafficType: "ACCEPT" })]);
    expect(coverage.warnings).toEqual([
      `An ACCEPT-only flow log (fl-v) covers ${VPC} (3 interfaces): rejected traffic there is invisible.`,
    ]);
  });

  it("does not warn where ACCEPT and REJECT logs together give all traffic", () => {
    const coverage = resolve([
      log("fl-a", VPC, { TrafficType: "ACCEPT" }),
      log("fl-r", VPC, { TrafficType: "REJECT" }),
    ]);
    expect(coverage.warnings).toEqual([]);
    expect(coverage.uses.map((u) => u.flowLog.id)).toEqual(["fl-a", "fl-r"]);
  });

  it("warns about failed delivery and about logs sharing a group", () => {
    const shared = { LogGroupName: "/shared" };
    const coverage = resolve([
      log("fl-v", VPC, { ...shared, DeliverLogsStatus: "FAILED", DeliverLogsErrorMessage: "Access error" }),
      log("fl-s", SUBNET, shared),
    ]);
    expect(coverage.warnings).toEqual([
      "Delivery of fl-v FAILED (Access error): its records may be missing.",
      "fl-s and fl-v write records of the same interfaces into /shared: they share one stream there, so counts from it may be doubled.",
    ]);
  });

  it("carries the note of a log it cannot query", () => {
    const coverage = resolve([log("fl-s3", VPC, { LogDestinationType: "s3" })]);
    expect(coverage.uses).toEqual([]);
    expect(coverage.uncovered).toEqual([]);
    expect(coverage.warnings[0]).toContain("fl-s3 delivers to Amazon S3");
  });
});
