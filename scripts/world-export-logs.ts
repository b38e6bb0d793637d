import type { CloudWatchLogsClient, FilteredLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import type { FlowLog } from "@aws-sdk/client-ec2";
import type { WorldLogGroup, WorldLogStream } from "@/emulator/world/types";
import { sampleLogEvents } from "@/lib/aws/log-events";
import { cliTimestamp, compare } from "./world-export-shape";

export interface RecordSampleOptions {
  /** Milliseconds since the epoch. */
  since: number;
  /** Per log group. */
  maxRecords: number;
  /** Interface ids whose streams to keep; undefined keeps every stream (no --vpc). */
  interfaceIds?: ReadonlySet<string>;
  log: (line: string) => void;
}

/** The CloudWatch Logs groups the flow logs deliver to, each once. */
export function flowLogGroups(flowLogs: readonly FlowLog[]): string[] {
  const names = flowLogs
    .filter((f) => (f.LogDestinationType ?? "cloud-watch-logs") === "cloud-watch-logs")
    .map((f) => f.LogGroupName)
    .filter((name): name is string => Boolean(name));
  return [...new Set(names)].sort(compare);
}

/** Flow-log streams are named after the interface (`eni-…-all`); a shared group also holds other VPCs'. */
const streamFilter = (interfaceIds: ReadonlySet<string> | undefined) =>
  interfaceIds === undefined
    ? undefined
    : (stream: string) => interfaceIds.has(/^eni-[0-9a-f]+/.exec(stream)?.[0] ?? "");

/** A sample of each group's flow records, grouped into streams; groups that are gone are skipped. */
export async function sampleFlowRecords(
  logs: CloudWatchLogsClient,
  groups: readonly string[],
  options: RecordSampleOptions,
): Promise<WorldLogGroup[]> {
  const out: WorldLogGroup[] = [];
  // One group at a time: FilterLogEvents has a low per-account request quota.
  for (const logGroupName of groups) {
    let sample: Awaited<ReturnType<typeof sampleLogEvents>>;
    try {
      sample = await sampleLogEvents(logs, {
        logGroupName,
        startTime: options.since,
        max: options.maxRecords,
        keepStream: streamFilter(options.interfaceIds),
      });
    } catch (error) {
      if (!(error instanceof Error && error.name === "ResourceNotFoundException")) throw error;
      options.log(`warning: log group ${logGroupName} does not exist (a flow log still names it); skipped`);
      continue;
    }
    const { events, capped } = sample;
    const last = events.at(-1)?.timestamp;
    const until = capped && last !== undefined ? `, capped: they end at ${cliTimestamp(new Date(last))}` : "";
    options.log(`log group ${logGroupName}: ${events.length} records${until}`);
    if (events.length > 0) out.push({ logGroupName, streams: intoStreams(events) });
  }
  return out;
}

/**
 * Events by stream (streams by name), each stream's events by time. Within one timestamp they keep the
 * order FilterLogEvents gave (by event id, i.e. as delivered), which is stable across exports.
 */
export function intoStreams(events: readonly FilteredLogEvent[]): WorldLogStream[] {
  const byStream = new Map<string, WorldLogStream>();
  for (const { logStreamName, timestamp, message } of events) {
    if (!logStreamName || timestamp === undefined || message === undefined) continue;
    let stream = byStream.get(logStreamName);
    if (!stream) {
      stream = { logStreamName, events: [] };
      byStream.set(logStreamName, stream);
    }
    stream.events.push({ timestamp, message });
  }
  const streams = [...byStream.values()].sort((a, b) => compare(a.logStreamName, b.logStreamName));
  for (const stream of streams) {
    stream.events.sort((a, b) => a.timestamp - b.timestamp);
  }
  return streams;
}
