import "server-only";
import { type FlowFormat, FlowQueryError, flowFormat } from "@/lib/insights";
import type { FlowLog } from "@/lib/topology/types";

export type ScopeLevel = "vpc" | "subnet" | "interface";
export type TrafficType = "ALL" | "ACCEPT" | "REJECT";

/** An interface in scope, as the coverage and the enrichment need it. */
export interface ScopeInterface {
  id: string;
  subnetId?: string;
  label: string;
}

/** A flow log on the scope's VPC, one of its subnets or interfaces, read for querying. */
export interface ScopedFlowLog {
  id: string;
  resourceId: string;
  level: ScopeLevel;
  trafficType: TrafficType;
  destinationType: string;
  /** CloudWatch Logs only: LogGroupName, or the group named in the LogDestination ARN. */
  logGroupName?: string;
  logFormat: string;
  /** Undefined when the LogFormat cannot be read (then the log is not queryable). */
  format?: FlowFormat;
  deliverStatus?: string;
  deliverError?: string;
  /** CreationTime, ms: records before it do not exist (the diagnosis says so). */
  createdAt?: number;
  /** A CloudWatch Logs destination whose format Flowscope can read. */
  queryable: boolean;
  /** Why it is not queryable. */
  note?: string;
}

/** One flow log, used for these interfaces. */
export interface LogUse {
  flowLog: ScopedFlowLog;
  interfaceIds: string[];
}

const LEVEL_RANK: Record<ScopeLevel, number> = { vpc: 0, subnet: 1, interface: 2 };

export function levelOf(resourceId: string): ScopeLevel | undefined {
  if (resourceId.startsWith("vpc-")) return "vpc";
  if (resourceId.startsWith("subnet-")) return "subnet";
  if (resourceId.startsWith("eni-")) return "interface";
  return undefined;
}

/** `arn:aws:logs:us-east-1:123456789012:log-group:/my/group:*` → `/my/group`. */
export function logGroupFromArn(arn: string | undefined): string | undefined {
  const match = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:(.+?)(?::\*)?$/.exec(arn ?? "");
  return match?.[1];
}

function readFormat(logFormat: string): FlowFormat | undefined {
  try {
    return flowFormat(logFormat);
  } catch (error) {
    if (error instanceof FlowQueryError) return undefined;
    throw error;
  }
}

function creationTime(value: Date | string | undefined): number | undefined {
  const ms = value === undefined ? Number.NaN : new Date(value).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

/** DescribeFlowLogs' FlowLog → ScopedFlowLog; undefined for inactive logs and other resource types. */
export function scopedFlowLog(log: FlowLog): ScopedFlowLog | undefined {
  const level = log.ResourceId ? levelOf(log.ResourceId) : undefined;
  if (!log.FlowLogId || !log.ResourceId || !level) return undefined;
  if ((log.FlowLogStatus ?? "ACTIVE") !== "ACTIVE") return undefined;
  const destinationType = log.LogDestinationType ?? "cloud-watch-logs";
  const trafficType = (["ALL", "ACCEPT", "REJECT"] as const).find((t) => t === log.TrafficType) ?? "ALL";
  const logGroupName =
    destinationType === "cloud-watch-logs"
      ? log.LogGroupName || logGroupFromArn(log.LogDestination)
      : undefined;
  const logFormat = log.LogFormat ?? "";
  const format = readFormat(logFormat);
  let note: string | undefined;
  if (destinationType !== "cloud-watch-logs")
    note = `${log.FlowLogId} delivers to ${destinationType === "s3" ? "Amazon S3" : destinationType}; Flowscope queries CloudWatch Logs destinations only.`;
  else if (!logGroupName) note = `${log.FlowLogId} names no log group.`;
  else if (!format) note = `${log.FlowLogId} has a LogFormat Flowscope cannot read: ${logFormat}`;
  return {
    id: log.FlowLogId,
    resourceId: log.ResourceId,
    level,
    trafficType,
    destinationType,
    logGroupName,
    logFormat,
    format,
    deliverStatus: log.DeliverLogsStatus,
    deliverError: log.DeliverLogsErrorMessage,
    createdAt: creationTime(log.CreationTime),
    queryable: note === undefined,
    note,
  };
}

/** Broadest first (fewer, larger queries), then delivering, then by id so the choice is stable. */
function better(a: ScopedFlowLog, b: ScopedFlowLog): number {
  return (
    LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
    Number(a.deliverStatus === "FAILED") - Number(b.deliverStatus === "FAILED") ||
    a.id.localeCompare(b.id)
  );
}

/**
 * The logs to read for one interface, so that every record is counted once: the best ALL log, or
 * else the best ACCEPT log and the best REJECT log (their records are disjoint). Logs on the same
 * interface from different levels repeat each other's records; only one is read.
 */
export function chooseLogs(candidates: readonly ScopedFlowLog[]): ScopedFlowLog[] {
  const usable = candidates.filter((log) => log.queryable).sort(better);
  const all = usable.find((log) => log.trafficType === "ALL");
  if (all) return [all];
  return (["ACCEPT", "REJECT"] as const).flatMap((type) => {
    const log = usable.find((l) => l.trafficType === type);
    return log ? [log] : [];
  });
}

/** The logs covering an interface: its own, its subnet's and its VPC's. */
export function candidatesFor(
  eni: ScopeInterface,
  vpcId: string,
  logs: readonly ScopedFlowLog[],
): ScopedFlowLog[] {
  return logs.filter(
    (log) => log.resourceId === eni.id || log.resourceId === eni.subnetId || log.resourceId === vpcId,
  );
}
