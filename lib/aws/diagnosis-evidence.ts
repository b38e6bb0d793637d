import "server-only";
import type { EC2Client } from "@aws-sdk/client-ec2";
import type { Question } from "@/lib/diagnosis/diagnose";
import { classifyEvidence, type EvidenceCoverage, earliestCreation } from "@/lib/diagnosis/evidence";
import type { Evidence } from "@/lib/diagnosis/verdict";
import type { FlowRecord } from "@/lib/flow/record";
import { compileFlowQuery, decodeRecordRows, type FlowFilters } from "@/lib/insights";
import { planQueries } from "@/lib/traffic/query-plan";
import type { InsightsRunner } from "./insights-runner";
import { loadTrafficScope, type TrafficScope } from "./traffic-scope";

export interface EvidenceContext {
  ec2: EC2Client;
  runner: InsightsRunner;
  region: string;
  userId: string;
  now: number;
  signal?: AbortSignal;
}

const RECORD_LIMIT = 1000;
// AWS delivers about 5 minutes after a 10-minute capture window closes (flow-log-records.md §2).
const DELIVERY_DELAY_MS = 15 * 60_000;

/** The request's 5-tuple and its reply, as record filters (any source for "internet"). */
function directionFilters(q: Question): FlowFilters[] {
  const p = q.request;
  const anySource = q.src.kind === "external" && q.src.label === "internet";
  const ports = (key: "srcPort" | "dstPort") =>
    p.protocol === 1 || p.dstPort === undefined ? {} : { [key]: p.dstPort };
  return [
    {
      protocol: [p.protocol],
      dstAddr: p.dstIp,
      ...(anySource ? {} : { srcAddr: p.srcIp }),
      ...ports("dstPort"),
    },
    {
      protocol: [p.protocol],
      srcAddr: p.dstIp,
      ...(anySource ? {} : { dstAddr: p.srcIp }),
      ...ports("srcPort"),
    },
  ];
}

async function recordsOf(
  t: TrafficScope,
  q: Question,
  window: { start: number; end: number },
  ctx: EvidenceContext,
) {
  const { scope } = t;
  const covers = (flowLogId: string) => {
    const log = scope.flowLogs.find((l) => l.id === flowLogId);
    return scope.interfaces
      .filter((e) => log && [e.id, e.subnetId, scope.target.vpcId].includes(log.resourceId))
      .map((e) => e.id);
  };
  const parts = planQueries(scope.target, scope.uses, covers).flatMap((plan) =>
    directionFilters(q).flatMap((filters) => {
      const query = {
        timeRange: window,
        scope: plan.scope,
        filters,
        shape: { kind: "records", limit: RECORD_LIMIT },
      };
      const compiled = compileFlowQuery(query, plan.format);
      return compiled.queryStrings.map((queryString) => ({
        group: plan.logGroupName,
        compiled,
        queryString,
      }));
    }),
  );
  const results = await Promise.all(
    parts.map(async (part) => {
      const request = {
        region: ctx.region,
        logGroupNames: [part.group],
        queryString: part.queryString,
        ...window,
      };
      const result = await ctx.runner
        .run(
          { ...request, limit: part.compiled.limit, kind: "records" },
          { userId: ctx.userId, signal: ctx.signal },
        )
        .catch((error: unknown) => {
          if (error instanceof Error && error.name === "ResourceNotFoundException") return undefined;
          throw error;
        });
      const records = result
        ? decodeRecordRows(result.rows, part.compiled).flatMap((row) => (row.record ? [row.record] : []))
        : [];
      return { records, truncated: result?.truncated ?? false };
    }),
  );
  return { records: results.flatMap((r) => r.records), truncated: results.some((r) => r.truncated) };
}

/** Flow records of the question's 5-tuple in the window, both ways, on each of its interfaces in the account. */
export async function diagnosisEvidence(
  q: Question,
  window: { start: number; end: number },
  ctx: EvidenceContext,
): Promise<Evidence> {
  // Only the two fields: the query schema is strict.
  const range = { start: window.start, end: window.end };
  const ends = [q.src, q.dst].flatMap((e) => (e.kind === "eni" ? [e] : []));
  const scopes = await Promise.all(
    ends.map((e) => loadTrafficScope(ctx.ec2, ctx.region, { vpcId: e.vpcId, eniId: e.id })),
  );
  const uses = scopes.flatMap((s) => s.scope.uses);
  const logs = scopes.flatMap((s) => s.scope.flowLogs);
  const coverage: EvidenceCoverage = {
    flowLogIds: [...new Set(uses.map((u) => u.flowLog.id))],
    uncovered: scopes.flatMap((s) => s.scope.uncovered.map((i) => i.id)),
    trafficTypes: [...new Set(uses.map((u) => u.flowLog.trafficType))],
    createdAt: earliestCreation(uses.map((u) => u.flowLog)),
    vpcCidrs: scopes.flatMap((s) => (s.inventory.vpc.CidrBlock ? [s.inventory.vpc.CidrBlock] : [])),
    notes: [
      ...logs
        .filter((l) => l.deliverStatus === "FAILED")
        .map(
          (l) =>
            `flow log ${l.id} on ${l.resourceId} delivers nothing: FAILED (${l.deliverError ?? "no message"})`,
        ),
      ...new Set(scopes.flatMap((s) => s.scope.warnings)),
    ],
  };
  const read = await Promise.all(scopes.map((s) => recordsOf(s, q, range, ctx)));
  const records: FlowRecord[] = read.flatMap((r) => r.records);
  const timing = { ...range, now: ctx.now, deliveryDelayMs: DELIVERY_DELAY_MS };
  const evidence = classifyEvidence(
    q.request,
    records,
    coverage,
    timing,
    q.src.kind === "external" && q.src.label === "internet",
  );
  if (!read.some((r) => r.truncated)) return evidence;
  // Never a silent cap: the counts and the chart are then lower bounds.
  const capped = `more records matched than could be read (${RECORD_LIMIT.toLocaleString("en-US")} per query after splitting the window): the counts and the chart are lower bounds; narrow the window for exact figures`;
  return { ...evidence, reasons: [...(evidence.reasons ?? []), capped] };
}
