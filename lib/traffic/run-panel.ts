import "server-only";
import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { EC2Client } from "@aws-sdk/client-ec2";
import type { InsightsRunner } from "@/lib/aws/insights-runner";
import { newestAcross } from "@/lib/aws/log-freshness";
import { loadTrafficScope, type TrafficScope } from "@/lib/aws/traffic-scope";
import { compileFlowQuery, type FlowFilters, type FlowQuery, FlowQueryError } from "@/lib/insights";
import type { Coverage, PanelEvent } from "./contract";
import { emptyReason, freshness } from "./empty-reason";
import { buildEnrichmentIndex } from "./enrich";
import { type QueryPart, runParts } from "./panel-queries";
import { alignWindow, hasFilters, panelFilters, seriesShape, topShape } from "./panel-query";
import { planQueries } from "./query-plan";
import type { ParsedPanelRequest, TimeWindow } from "./request";
import { seriesPoints } from "./series-points";
import { topRows } from "./top-rows";

export interface PanelContext {
  ec2: EC2Client;
  logs: CloudWatchLogsClient;
  runner: InsightsRunner;
  userId: string;
  signal: AbortSignal;
  now: () => number;
  emit: (event: PanelEvent) => void;
}

// With several queries, each returns more than the page shows, so the merged top N is closer to exact.
const MERGE_FACTOR = 4;

export function coverageOf({ scope }: TrafficScope, unsupported: string[]): Coverage {
  const used = new Set(scope.uses.map((u) => u.flowLog.id));
  return {
    flowLogs: scope.flowLogs.map((log) => ({
      id: log.id,
      resourceId: log.resourceId,
      trafficType: log.trafficType,
      logGroupName: log.logGroupName,
      deliverStatus: log.deliverStatus,
      format: log.format?.kind ?? "custom",
      used: used.has(log.id),
    })),
    uncoveredInterfaces: scope.uncovered.map(({ id, label }) => ({ id, label })),
    warnings: scope.warnings,
    unsupported: [...new Set(unsupported)],
  };
}

/**
 * Filters beyond the panel URL's own (the flow explorer's group-by passes its whole filter: port ranges,
 * log status, TCP flags, an expert expression, an instance's interfaces).
 */
export type PanelFilterOverride = { filters: FlowFilters; expert?: string };

/** Compiles one query per (log group, format), split into chunks where the interface list is long. */
function compileParts(
  request: ParsedPanelRequest,
  window: TimeWindow,
  { scope }: TrafficScope,
  unsupported: string[],
  override?: PanelFilterOverride,
) {
  const covers = (flowLogId: string) => {
    const log = scope.flowLogs.find((l) => l.id === flowLogId);
    return scope.interfaces
      .filter((e) => log && [e.id, e.subnetId, scope.target.vpcId].includes(log.resourceId))
      .map((e) => e.id);
  };
  const plans = planQueries(scope.target, scope.uses, covers);
  const compileAll = (topLimit: number): QueryPart[] =>
    plans.flatMap((plan) => {
      const shape =
        request.panel === "timeseries"
          ? seriesShape(request.metric)
          : topShape(request.dimension, request.metric, topLimit, plan.format);
      const query: FlowQuery = {
        timeRange: window,
        scope: plan.scope,
        filters: override?.filters ?? panelFilters(request),
        ...(override?.expert !== undefined && { expert: override.expert }),
        shape,
      };
      try {
        const compiled = compileFlowQuery(query, plan.format);
        unsupported.push(...compiled.unsupported.map((issue) => `${plan.flowLogIds.join(", ")}: ${issue}`));
        return compiled.queryStrings.map((queryString) => ({
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
  if (request.panel !== "top") return compileAll(0);
  const limit = request.limit ?? 10;
  const single = compileAll(limit);
  return single.length > 1 ? compileAll(Math.min(200, limit * MERGE_FACTOR)) : single;
}

/** One panel: scope → plans → queries (cached, joined, queued) → merged, labelled rows, or why there are none. */
export async function runPanel(
  request: ParsedPanelRequest,
  asked: TimeWindow,
  ctx: PanelContext,
  override?: PanelFilterOverride,
): Promise<PanelEvent> {
  const target = { vpcId: request.vpc, subnetId: request.subnet, eniId: request.eni };
  const traffic = await loadTrafficScope(ctx.ec2, request.region, target);
  const { window, binMs } = alignWindow(asked, request.panel);
  const unsupported: string[] = [];
  const parts = compileParts(request, window, traffic, unsupported, override);
  const groups = [...new Set(parts.map((p) => p.logGroupName))];
  const [outcome, newest] = await Promise.all([
    runParts(parts, {
      runner: ctx.runner,
      region: request.region,
      userId: ctx.userId,
      window,
      alignMs: binMs,
      signal: ctx.signal,
      now: ctx.now,
      onProgress: ({ status, recordsScanned, bytesScanned, elapsedMs }) =>
        ctx.emit({ type: "progress", status, recordsScanned, bytesScanned, elapsedMs }),
    }),
    newestAcross(ctx.logs, request.region, groups),
  ]);
  const coverage = coverageOf(traffic, unsupported);
  for (const group of outcome.missingGroups)
    coverage.warnings.push(
      `Log group ${group} does not exist yet: CloudWatch creates it with the first record.`,
    );
  const fresh = freshness(newest, ctx.now());
  const base = { stats: outcome.stats, coverage, freshness: fresh };
  const empty = (): PanelEvent => ({
    type: "empty",
    empty: whyEmpty(
      traffic,
      override
        ? Object.keys(override.filters).length > 0 || override.expert !== undefined
        : hasFilters(request),
      window,
      outcome.stats.recordsScanned,
      newest,
      ctx.now(),
    ),
    ...base,
  });
  if (request.panel === "timeseries") {
    const points = seriesPoints(outcome.rows, request.metric, window, binMs);
    if (outcome.rows.length === 0) return empty();
    return {
      type: "result",
      panel: "timeseries",
      binMs,
      points,
      truncated: outcome.partsAtLimit > 0,
      ...base,
    };
  }
  const index = buildEnrichmentIndex(traffic.inventory);
  const rows = topRows(outcome.rows, request.dimension, request.metric, request.limit ?? 10, index);
  if (rows.length === 0) return empty();
  return {
    type: "result",
    panel: "top",
    rows,
    truncated: parts.length > 1 && outcome.partsAtLimit > 0,
    ...base,
  };
}

function whyEmpty(
  { scope }: TrafficScope,
  filtered: boolean,
  window: TimeWindow,
  recordsScanned: number,
  newest: number | undefined,
  now: number,
) {
  return emptyReason({
    queried: scope.uses.map((u) => ({ id: u.flowLog.id, deliverStatus: u.flowLog.deliverStatus })),
    unqueryable: scope.flowLogs.flatMap((log) => (log.note ? [log.note] : [])),
    window,
    now,
    newestRecordAt: newest,
    recordsScanned,
    filtered,
  });
}
