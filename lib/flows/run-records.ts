import "server-only";
import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { EC2Client } from "@aws-sdk/client-ec2";
import type { InsightsResult, InsightsRunner } from "@/lib/aws/insights-runner";
import { newestAcross } from "@/lib/aws/log-freshness";
import { loadTrafficScope } from "@/lib/aws/traffic-scope";
import { compileFlowQuery, decodeRecordRows, type FlowFilters, FlowQueryError } from "@/lib/insights";
import type { QueryStats } from "@/lib/traffic/contract";
import { emptyReason, freshness } from "@/lib/traffic/empty-reason";
import { buildEnrichmentIndex } from "@/lib/traffic/enrich";
import { planQueries } from "@/lib/traffic/query-plan";
import type { TimeWindow } from "@/lib/traffic/request";
import { coverageOf } from "@/lib/traffic/run-panel";
import type { RecordsEvent } from "./contract";
import { enrichRow } from "./enrich-row";
import { flowRow } from "./flow-row";
import { expertWithInstance } from "./instance";
import type { RecordsRequest } from "./request";

export interface RecordsContext {
  ec2: EC2Client;
  logs: CloudWatchLogsClient;
  runner: InsightsRunner;
  userId: string;
  signal: AbortSignal;
  now: () => number;
  emit: (event: RecordsEvent) => void;
}

const portSpec = (text: string): string | number => (/^\d+$/.test(text) ? Number(text) : text);

/** The request's filters as the compiler takes them. */
export function recordsFilters(request: RecordsRequest): FlowFilters {
  return {
    ...(request.action !== undefined && { action: request.action }),
    ...(request.src !== undefined && { srcAddr: request.src }),
    ...(request.dst !== undefined && { dstAddr: request.dst }),
    ...(request.srcPort !== undefined && { srcPort: portSpec(request.srcPort) }),
    ...(request.dstPort !== undefined && { dstPort: portSpec(request.dstPort) }),
    ...(request.protocol !== undefined && { protocol: [request.protocol] }),
    ...(request.logStatus !== undefined && { logStatus: [request.logStatus] }),
    ...(request.flowDirection !== undefined && { flowDirection: request.flowDirection }),
    ...(request.tcpFlags !== undefined && { tcpFlags: request.tcpFlags }),
    ...(request.srcService !== undefined && { pktSrcAwsService: request.srcService }),
    ...(request.dstService !== undefined && { pktDstAwsService: request.dstService }),
    ...(request.trafficPath !== undefined && { trafficPath: [request.trafficPath] }),
    ...(request.pktSrc !== undefined && { pktSrcAddr: request.pktSrc }),
    ...(request.pktDst !== undefined && { pktDstAddr: request.pktDst }),
  };
}

const sumStats = (results: readonly InsightsResult[], elapsedMs: number): QueryStats => {
  const sum = (pick: (s: QueryStats) => number) => results.reduce((n, r) => n + pick(r.stats), 0);
  return {
    queries: sum((s) => s.queries),
    recordsScanned: sum((s) => s.recordsScanned),
    recordsMatched: sum((s) => s.recordsMatched),
    bytesScanned: sum((s) => s.bytesScanned),
    estimatedCostUsd: sum((s) => s.estimatedCostUsd),
    elapsedMs,
    cached: results.length > 0 && results.every((r) => r.stats.cached),
  };
};

/** The newest `cap` records matching the request, labelled; the runner halves windows that hit the row limit. */
export async function runRecords(
  request: RecordsRequest,
  window: TimeWindow,
  cap: number,
  ctx: RecordsContext,
): Promise<RecordsEvent> {
  const started = ctx.now();
  const target = { vpcId: request.vpc, subnetId: request.subnet, eniId: request.eni };
  const traffic = await loadTrafficScope(ctx.ec2, request.region, target);
  const { scope } = traffic;
  const withExpert = expertWithInstance(traffic.inventory, request);
  if (!withExpert.ok) return withExpert.event;
  const { expert } = withExpert;
  const covers = (flowLogId: string) => {
    const log = scope.flowLogs.find((l) => l.id === flowLogId);
    return scope.interfaces
      .filter((e) => log && [e.id, e.subnetId, scope.target.vpcId].includes(log.resourceId))
      .map((e) => e.id);
  };
  const unsupported: string[] = [];
  const parts = planQueries(scope.target, scope.uses, covers).flatMap((plan) => {
    try {
      const compiled = compileFlowQuery(
        {
          timeRange: window,
          scope: plan.scope,
          filters: recordsFilters(request),
          ...(expert !== undefined && { expert }),
          shape: { kind: "records", limit: cap },
        },
        plan.format,
      );
      unsupported.push(...compiled.unsupported.map((issue) => `${plan.flowLogIds.join(", ")}: ${issue}`));
      return compiled.queryStrings.map((queryString) => ({
        flowLogIds: plan.flowLogIds,
        logGroupName: plan.logGroupName,
        compiled,
        queryString,
      }));
    } catch (error) {
      if (!(error instanceof FlowQueryError)) throw error;
      unsupported.push(...error.issues.map((issue) => `${plan.flowLogIds.join(", ")}: ${issue}`));
      return [];
    }
  });
  const groups = [...new Set(parts.map((p) => p.logGroupName))];
  const missing: string[] = [];
  const [settled, newest] = await Promise.all([
    Promise.all(
      parts.map((part) =>
        ctx.runner
          .run(
            {
              region: request.region,
              logGroupNames: [part.logGroupName],
              queryString: part.queryString,
              start: window.start,
              end: window.end,
              limit: part.compiled.limit,
              kind: "records",
              // The newest `cap` (sorted by time): one query each; "load older" pages past it.
              split: false,
            },
            {
              userId: ctx.userId,
              signal: ctx.signal,
              onProgress: ({ status, recordsScanned, bytesScanned, elapsedMs }) =>
                ctx.emit({ type: "progress", status, recordsScanned, bytesScanned, elapsedMs }),
            },
          )
          .catch((error: unknown) => {
            if (!(error instanceof Error && error.name === "ResourceNotFoundException")) throw error;
            missing.push(part.logGroupName);
            return undefined;
          }),
      ),
    ),
    newestAcross(ctx.logs, request.region, groups),
  ]);
  const index = buildEnrichmentIndex(traffic.inventory);
  const results: InsightsResult[] = [];
  const all = settled.flatMap((result, i) => {
    const part = parts[i];
    if (!result || !part) return [];
    results.push(result);
    return decodeRecordRows(result.rows, part.compiled).flatMap((row, n) => {
      const decoded = flowRow(row, { logGroup: part.logGroupName, flowLogIds: part.flowLogIds }, n);
      return decoded ? [enrichRow(decoded, index)] : [];
    });
  });
  all.sort((a, b) => (b.start ?? 0) - (a.start ?? 0) || a.id.localeCompare(b.id));
  const rows = all.slice(0, cap);
  const coverage = coverageOf(traffic, unsupported);
  for (const group of missing)
    coverage.warnings.push(
      `Log group ${group} does not exist yet: CloudWatch creates it with the first record.`,
    );
  const stats = sumStats(results, ctx.now() - started);
  const base = { stats, coverage, freshness: freshness(newest, ctx.now()) };
  if (rows.length === 0) {
    const empty = emptyReason({
      queried: scope.uses.map((u) => ({ id: u.flowLog.id, deliverStatus: u.flowLog.deliverStatus })),
      unqueryable: scope.flowLogs.flatMap((log) => (log.note ? [log.note] : [])),
      window,
      now: ctx.now(),
      newestRecordAt: newest,
      recordsScanned: stats.recordsScanned,
      filtered: Object.keys(recordsFilters(request)).length > 0,
    });
    return { type: "empty", empty, ...base };
  }
  const truncated = all.length > cap || results.some((r) => r.truncated);
  return { type: "result", panel: "records", rows, truncated, cap, ...base };
}
