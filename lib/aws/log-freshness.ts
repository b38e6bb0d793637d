import "server-only";
import { type CloudWatchLogsClient, DescribeLogStreamsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { LRUCache } from "lru-cache";

const newest = new LRUCache<string, { at: number | undefined }>({ max: 1000, ttl: 30_000 });

/**
 * The newest event time in a log group, from the stream written last (DescribeLogStreams, free; no
 * Insights scan). CloudWatch updates lastEventTimestamp lazily, so it can trail by a while.
 */
export async function newestEventTime(
  logs: CloudWatchLogsClient,
  region: string,
  logGroupName: string,
): Promise<number | undefined> {
  const key = JSON.stringify([region, logGroupName]);
  const cached = newest.get(key);
  if (cached) return cached.at;
  const out = await logs.send(
    new DescribeLogStreamsCommand({ logGroupName, orderBy: "LastEventTime", descending: true, limit: 1 }),
  );
  const at = out.logStreams?.[0]?.lastEventTimestamp;
  newest.set(key, { at });
  return at;
}

/** The newest of several groups; a group that cannot be read counts as having nothing. */
export async function newestAcross(
  logs: CloudWatchLogsClient,
  region: string,
  groups: readonly string[],
): Promise<number | undefined> {
  const times = await Promise.all(
    [...new Set(groups)].map((group) => newestEventTime(logs, region, group).catch(() => undefined)),
  );
  const known = times.filter((t): t is number => t !== undefined);
  return known.length > 0 ? Math.max(...known) : undefined;
}
