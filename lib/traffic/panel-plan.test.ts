import { describe, expect, it } from "vitest";
import { toLogFormat } from "@/lib/flow/format";
import { flowFormat } from "@/lib/insights";
import { emptyReason, freshness } from "./empty-reason";
import { alignWindow, panelFilters } from "./panel-query";
import { planQueries } from "./query-plan";

const MIN = 60_000;
const HOUR = 60 * MIN;
const T = Date.UTC(2026, 0, 1, 12);
const V5 = toLogFormat([
  "version",
  "vpc-id",
  "subnet-id",
  "interface-id",
  "srcaddr",
  "dstaddr",
  "action",
  "log-status",
]);
const log = (id: string, logGroupName: string, logFormat = "") => ({
  id,
  logGroupName,
  logFormat,
  format: flowFormat(logFormat),
});

describe("planQueries", () => {
  const target = { vpcId: "vpc-1" };
  const all = ["eni-1", "eni-2", "eni-3"];

  it("scopes a log read for all it covers by the VPC (formats with vpc-id use it)", () => {
    const plans = planQueries(target, [{ flowLog: log("fl-v", "/g"), interfaceIds: all }], () => all);
    expect(plans).toEqual([
      {
        logGroupName: "/g",
        format: expect.anything(),
        scope: { vpcId: "vpc-1", interfaceIds: all },
        flowLogIds: ["fl-v"],
      },
    ]);
  });

  it("scopes a log read for part of what it covers by those interfaces only", () => {
    const uses = [
      { flowLog: log("fl-v", "/vpc"), interfaceIds: ["eni-3"] },
      { flowLog: log("fl-s", "/subnet", V5), interfaceIds: ["eni-1", "eni-2"] },
    ];
    const covers = (id: string) => (id === "fl-v" ? all : ["eni-1", "eni-2"]);
    expect(planQueries(target, uses, covers).map((p) => [p.logGroupName, p.scope])).toEqual([
      ["/vpc", { interfaceIds: ["eni-3"] }],
      ["/subnet", { vpcId: "vpc-1", interfaceIds: ["eni-1", "eni-2"] }],
    ]);
  });

  it("reads one query for logs of the same group and format, and one per format", () => {
    const uses = [
      { flowLog: log("fl-a", "/g"), interfaceIds: ["eni-1"] },
      { flowLog: log("fl-b", "/g"), interfaceIds: ["eni-2"] },
      { flowLog: log("fl-c", "/g", V5), interfaceIds: ["eni-3"] },
    ];
    const plans = planQueries({ vpcId: "vpc-1", subnetId: "subnet-1" }, uses, (id) =>
      id === "fl-a" ? ["eni-1"] : id === "fl-b" ? ["eni-2"] : ["eni-3"],
    );
    expect(plans.map((p) => [p.flowLogIds, p.scope])).toEqual([
      [["fl-a", "fl-b"], { subnetIds: ["subnet-1"], interfaceIds: ["eni-1", "eni-2"] }],
      [["fl-c"], { subnetIds: ["subnet-1"], interfaceIds: ["eni-3"] }],
    ]);
  });

  it("scopes an interface target by its id", () => {
    const plans = planQueries(
      { vpcId: "vpc-1", eniId: "eni-1" },
      [{ flowLog: log("fl-v", "/g"), interfaceIds: ["eni-1"] }],
      () => ["eni-1"],
    );
    expect(plans[0]?.scope).toEqual({ interfaceIds: ["eni-1"] });
  });
});

describe("alignWindow", () => {
  it.each([
    ["1 h → 1 min bins on whole minutes", T - HOUR + 7_000, T + 7_000, "timeseries", T - HOUR, T + MIN, MIN],
    [
      "7 d → 1 h bins on whole hours",
      T - 7 * 24 * HOUR + 90_000,
      T + 90_000,
      "timeseries",
      T - 7 * 24 * HOUR,
      T + HOUR,
      HOUR,
    ],
    ["top: whole minutes", T - HOUR + 1, T + 1, "top", T - HOUR, T + MIN, MIN],
  ] as const)("%s", (_, start, end, panel, alignedStart, alignedEnd, bin) => {
    expect(alignWindow({ start, end }, panel)).toEqual({
      window: { start: alignedStart, end: alignedEnd },
      binMs: bin,
    });
  });
});

describe("panelFilters", () => {
  it("maps a top-talker click to compiler filters", () => {
    const request = {
      region: "us-east-1",
      vpc: "vpc-1",
      range: "1h",
      panel: "timeseries",
      metric: "bytes",
      src: "10.0.0.0/24",
      dstPort: 443,
      protocol: 6,
      action: "REJECT",
    } as const;
    expect(panelFilters(request)).toEqual({
      srcAddr: "10.0.0.0/24",
      dstPort: 443,
      protocol: [6],
      action: "REJECT",
    });
  });
});

describe("emptyReason", () => {
  const base = {
    queried: [{ id: "fl-1" }],
    unqueryable: [],
    window: { start: T - HOUR, end: T },
    now: T,
    recordsScanned: 0,
    filtered: false,
  };
  it.each([
    ["no-flow-log", { queried: [], unqueryable: ["fl-s3 delivers to Amazon S3."] }],
    ["delivery-failed", { queried: [{ id: "fl-1", deliverStatus: "FAILED" }], newestRecordAt: T - MIN }],
    ["delivery-delay", { newestRecordAt: undefined }],
    ["delivery-delay", { window: { start: T - 4 * MIN, end: T }, newestRecordAt: T - 8 * MIN }],
    ["no-records", { window: { start: T - 4 * MIN, end: T }, newestRecordAt: T - 3 * HOUR }],
    ["filtered-out", { newestRecordAt: T - 10 * MIN, recordsScanned: 50, filtered: true }],
    ["no-records", { newestRecordAt: T - 10 * MIN, recordsScanned: 50 }],
  ] as const)("%s", (reason, over) => {
    expect(emptyReason({ ...base, ...over })).toMatchObject({ reason });
  });

  it("says how fresh the newest record is", () => {
    expect(freshness(T - 7 * MIN, T)).toMatchObject({ newestRecordAt: T - 7 * MIN, ageMs: 7 * MIN });
    expect(freshness(T - 7 * MIN, T).note).toMatch(
      /^Newest record 7 min ago\. Flow logs reach CloudWatch Logs about 5–10 minutes/,
    );
    expect(freshness(undefined, T).note).toContain("No record has been delivered");
  });
});
