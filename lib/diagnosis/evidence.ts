import type { FlowRecord } from "../flow/record";
import { ipInCidr, parseCidr } from "../net/ip";
import { evidenceSeries } from "./evidence-series";
import type { Packet } from "./packet";
import type { Evidence, Explanation, Verdict } from "./verdict";

/** What is known about the flow logs over the window, besides the records. */
export type EvidenceCoverage = {
  /** Flow logs that cover at least one of the interfaces (ACTIVE, delivering). */
  flowLogIds: string[];
  /** In-account interfaces of the question that no flow log covers. */
  uncovered: string[];
  /** Traffic types of the covering logs: ALL, ACCEPT, REJECT. */
  trafficTypes: string[];
  /** Earliest creation time of a covering log, ms. */
  createdAt?: number;
  /** The VPC CIDRs, for the Amazon DNS (+2) and router (+1) addresses. */
  vpcCidrs: string[];
  /** Why a log that should cover the interfaces delivers nothing (FAILED delivery, …). */
  notes?: string[];
};

/** The earliest creation time among the logs read (NaN and unknown times are skipped). */
export function earliestCreation(logs: readonly { createdAt?: number }[]): number | undefined {
  const times = logs.flatMap((l) =>
    l.createdAt !== undefined && Number.isFinite(l.createdAt) ? [l.createdAt] : [],
  );
  return times.length > 0 ? Math.min(...times) : undefined;
}

export type EvidenceWindow = { start: number; end: number; now: number; deliveryDelayMs: number };

const NEVER_RECORDED = ["169.254.169.254", "169.254.169.123", "169.254.169.253"];
const SAMPLE = 20;

const toInt = (ip: string) => ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);

/** The VPC router (+1) and the Amazon DNS server (+2) of a VPC CIDR. */
function vpcReserved(ip: string, cidrs: string[]): boolean {
  return cidrs.some((cidr) => {
    const network = parseCidr(cidr);
    if (network?.family !== "ipv4" || !ipInCidr(ip, network)) return false;
    const offset = toInt(ip) - toInt(network.text.split("/")[0] ?? "");
    return offset === 1 || offset === 2;
  });
}

/** Traffic flow logs never record (flow-log-records.md §7): DNS, metadata, time sync, DHCP, the router. */
export function neverRecordedReason(p: Packet, vpcCidrs: string[]): string | undefined {
  if (NEVER_RECORDED.includes(p.dstIp))
    return `traffic to ${p.dstIp} (instance metadata / time sync / DNS) is never recorded`;
  if (p.protocol === 17 && (p.dstPort === 67 || p.dstPort === 68)) return "DHCP traffic is never recorded";
  if (vpcReserved(p.dstIp, vpcCidrs))
    return `traffic to the Amazon DNS server or VPC router (${p.dstIp}) is never recorded`;
  return undefined;
}

const matches = (r: FlowRecord, p: Packet, anySource: boolean) =>
  r.protocol === p.protocol &&
  r.dstaddr === p.dstIp &&
  (anySource || r.srcaddr === p.srcIp) &&
  (p.protocol === 1 || r.dstport === p.dstPort);
const replyMatches = (r: FlowRecord, p: Packet, anySource: boolean) =>
  r.protocol === p.protocol &&
  r.srcaddr === p.dstIp &&
  (anySource || r.dstaddr === p.srcIp) &&
  (p.protocol === 1 || r.srcport === p.dstPort);

/** Counts and a pattern from the records of the request's 5-tuple, both directions. */
export function classifyEvidence(
  request: Packet,
  records: FlowRecord[],
  coverage: EvidenceCoverage,
  window: EvidenceWindow,
  anySource = false,
): Evidence {
  const base = { flowLogIds: coverage.flowLogIds, accepted: 0, rejected: 0, records: [] as string[] };
  const never = neverRecordedReason(request, coverage.vpcCidrs);
  if (never) return { ...base, pattern: "NOT_CAPTURED", reasons: [never] };
  if (coverage.flowLogIds.length === 0)
    return {
      ...base,
      pattern: "NOT_COVERED",
      reasons: [
        `no flow log covers ${coverage.uncovered.join(", ") || "these interfaces"}`,
        ...(coverage.notes ?? []),
      ],
    };
  const req = records.filter((r) => matches(r, request, anySource));
  const rep = records.filter((r) => replyMatches(r, request, anySource));
  const count = (rs: FlowRecord[], action: string) => rs.filter((r) => r.action === action).length;
  const accepted = count(req, "ACCEPT") + count(rep, "ACCEPT");
  const rejected = count(req, "REJECT") + count(rep, "REJECT");
  // Both directions in the sample: the replies are often the point.
  const sample = [...req.slice(0, SAMPLE / 2), ...rep.slice(0, SAMPLE / 2)].map((r) => JSON.stringify(r));
  const series = evidenceSeries([...req, ...rep], window);
  const found = { ...base, accepted, rejected, records: sample, series };
  if (count(req, "REJECT") > 0) return { ...found, pattern: "REJECTED" };
  if (count(rep, "REJECT") > 0) return { ...found, pattern: "ACCEPTED_REPLY_REJECTED" };
  if (accepted > 0) return { ...found, pattern: "ACCEPTED" };
  return { ...found, pattern: "NO_RECORDS", reasons: noRecordReasons(coverage, window) };
}

function noRecordReasons(coverage: EvidenceCoverage, window: EvidenceWindow): string[] {
  const reasons: string[] = [...(coverage.notes ?? [])];
  if (coverage.uncovered.length > 0) reasons.push(`no flow log covers ${coverage.uncovered.join(", ")}`);
  const types = new Set(coverage.trafficTypes);
  if (!types.has("ALL") && types.size > 0)
    reasons.push(`the flow logs record only ${[...types].join(", ")} traffic`);
  if (window.end > window.now - window.deliveryDelayMs)
    reasons.push(`the last ${Math.round(window.deliveryDelayMs / 60_000)} minutes may not be delivered yet`);
  if (coverage.createdAt !== undefined && coverage.createdAt > window.start) {
    const when = coverage.createdAt >= window.end ? "after the window" : "after the window began";
    reasons.push(`the flow log was created ${when} (${new Date(coverage.createdAt).toISOString()})`);
  }
  if (reasons.length === 0) reasons.push("no such traffic was sent in the window");
  return reasons;
}

/** Configuration and evidence together; when they disagree, the verdict is inconclusive and says why. */
export function withEvidence(verdict: Verdict, evidence: Evidence): Verdict {
  const blockedRequest = verdict.explanations.some((e) => e.path !== "reply");
  const blockedReply = !blockedRequest && verdict.explanations.length > 0;
  const conflict = disagreement(verdict.verdict, blockedRequest, blockedReply, evidence);
  if (!conflict) return { ...verdict, evidence };
  const explanation: Explanation = {
    code: "EVIDENCE_DISAGREES",
    resourceId: evidence.flowLogIds[0] ?? "",
    message: conflict,
    fix: "Check whether a rule, route or instance state changed during the window (CloudTrail), then narrow the window to after the change.",
  };
  return {
    ...verdict,
    verdict: "inconclusive",
    explanations: [...verdict.explanations, explanation],
    evidence,
  };
}

function disagreement(
  v: Verdict["verdict"],
  blockedRequest: boolean,
  blockedReply: boolean,
  e: Evidence,
): string | undefined {
  if (v === "reachable" && e.pattern === "REJECTED")
    return `The configuration allows this traffic now, but the flow logs show ${e.rejected} rejected records in the window.`;
  if (v === "reachable" && e.pattern === "ACCEPTED_REPLY_REJECTED")
    return "The configuration allows this traffic now, but the flow logs show its replies rejected in the window.";
  if (blockedRequest && e.pattern === "ACCEPTED")
    return `The configuration blocks the request now, but the flow logs show ${e.accepted} accepted records in the window.`;
  if (blockedReply && e.pattern === "ACCEPTED")
    return "The configuration blocks the reply now, but the flow logs show replies accepted in the window.";
  return undefined;
}
