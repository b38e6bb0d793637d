import { describe, expect, test } from "vitest";
import type { FlowRecord } from "../flow/record";
import { classifyEvidence, type EvidenceCoverage, earliestCreation, withEvidence } from "./evidence";
import type { Packet } from "./packet";
import type { Verdict } from "./verdict";

const req: Packet = { protocol: 6, srcIp: "10.0.1.5", dstIp: "10.0.2.9", srcPort: 49152, dstPort: 5432 };
const rec = (action: string, reply = false, srcport = 40000): FlowRecord =>
  reply
    ? { protocol: 6, srcaddr: "10.0.2.9", dstaddr: "10.0.1.5", srcport: 5432, dstport: srcport, action }
    : { protocol: 6, srcaddr: "10.0.1.5", dstaddr: "10.0.2.9", srcport, dstport: 5432, action };
const covered: EvidenceCoverage = {
  flowLogIds: ["fl-1"],
  uncovered: [],
  trafficTypes: ["ALL"],
  vpcCidrs: ["10.0.0.0/16"],
  createdAt: 0,
};
const HOUR = 3_600_000;
const win = { start: 10 * HOUR, end: 11 * HOUR, now: 12 * HOUR, deliveryDelayMs: 10 * 60_000 };

describe("classifyEvidence", () => {
  test.each([
    ["ACCEPTED", [rec("ACCEPT"), rec("ACCEPT", true)], 2, 0],
    ["REJECTED", [rec("REJECT"), rec("REJECT")], 0, 2],
    ["ACCEPTED_REPLY_REJECTED", [rec("ACCEPT"), rec("REJECT", true)], 1, 1],
    ["NO_RECORDS", [rec("ACCEPT", false, 1), { ...rec("ACCEPT"), dstport: 5433 }].slice(1), 0, 0],
  ] as const)("%s", (pattern, records, accepted, rejected) => {
    const e = classifyEvidence(req, [...records], covered, win);
    expect(e).toMatchObject({ pattern, accepted, rejected, flowLogIds: ["fl-1"] });
  });

  test("NOT_COVERED when no flow log covers either interface", () => {
    const e = classifyEvidence(req, [], { ...covered, flowLogIds: [], uncovered: ["eni-a", "eni-b"] }, win);
    expect(e).toMatchObject({ pattern: "NOT_COVERED", reasons: ["no flow log covers eni-a, eni-b"] });
  });

  test.each([
    ["10.0.0.2", 17, 53, "Amazon DNS"],
    ["169.254.169.254", 6, 80, "metadata"],
    ["10.0.0.1", 17, 67, "DHCP"],
    ["169.254.169.123", 17, 123, "time sync"],
  ])("NOT_CAPTURED: %s", (dstIp, protocol, dstPort, words) => {
    const e = classifyEvidence({ ...req, dstIp, protocol, dstPort }, [], covered, win);
    expect(e.pattern).toBe("NOT_CAPTURED");
    expect(e.reasons?.join(" ")).toContain(words);
  });

  test("NO_RECORDS says why: traffic type, delivery delay, a log created after the window began", () => {
    const recent = { ...win, end: win.now - 60_000 };
    const e = classifyEvidence(
      req,
      [],
      { ...covered, trafficTypes: ["REJECT"], createdAt: win.start + 1 },
      recent,
    );
    expect(e.pattern).toBe("NO_RECORDS");
    expect(e.reasons).toEqual([
      "the flow logs record only REJECT traffic",
      "the last 10 minutes may not be delivered yet",
      `the flow log was created after the window began (${new Date(win.start + 1).toISOString()})`,
    ]);
  });
});

describe("a flow log created after the window (live scope: CreationTime of the logs read)", () => {
  test("earliestCreation takes the earliest known time of the logs read", () => {
    expect(earliestCreation([{ createdAt: 5 }, {}, { createdAt: 3 }, { createdAt: Number.NaN }])).toBe(3);
    expect(earliestCreation([{}])).toBeUndefined();
  });
  test("NO_RECORDS says the log was created after the window when it was", () => {
    const createdAt = earliestCreation([{ createdAt: win.end + HOUR / 2 }, { createdAt: win.end + HOUR }]);
    const e = classifyEvidence(req, [], { ...covered, createdAt }, win);
    expect(e.pattern).toBe("NO_RECORDS");
    expect(e.reasons).toEqual([
      `the flow log was created after the window (${new Date(win.end + HOUR / 2).toISOString()})`,
    ]);
  });
  test("a log created before the window gives no such reason", () => {
    const e = classifyEvidence(req, [], { ...covered, createdAt: earliestCreation([{ createdAt: 1 }]) }, win);
    expect(e.reasons).toEqual(["no such traffic was sent in the window"]);
  });
});

describe("withEvidence", () => {
  const reachable: Verdict = { verdict: "reachable", explanations: [], hops: [] };
  const blockedReply: Verdict = {
    verdict: "blocked",
    explanations: [
      { code: "SUBNET_ACL_RESTRICTION", resourceId: "acl-1", path: "reply", message: "", fix: "" },
    ],
    hops: [],
  };
  test("agreement keeps the verdict", () => {
    const e = classifyEvidence(req, [rec("ACCEPT"), rec("REJECT", true)], covered, win);
    expect(withEvidence(blockedReply, e).verdict).toBe("blocked");
  });
  test("a rule that changed during the window makes it inconclusive, and says so", () => {
    const e = classifyEvidence(req, [rec("REJECT")], covered, win);
    const v = withEvidence(reachable, e);
    expect(v.verdict).toBe("inconclusive");
    expect(v.explanations[0]).toMatchObject({ code: "EVIDENCE_DISAGREES", resourceId: "fl-1" });
    expect(
      withEvidence(blockedReply, classifyEvidence(req, [rec("ACCEPT", true)], covered, win)).verdict,
    ).toBe("inconclusive");
  });
});
