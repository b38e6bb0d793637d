import type { EventStore } from "../store/event-store";
import type { LogStream } from "../store/types";

/**
 * Where delivery to a stream left off, read back from the store after a restart. Every append the
 * simulator makes carries ingestionTime = (end of its last window) + delay, so every window that ends
 * at or before lastIngestionTime − delay is in the stream. Windows after that held no records (or were
 * never delivered): generating them again is deterministic, so nothing is duplicated or lost. A stream
 * that does not exist yet starts where its group's streams are, so a seeded history is continued.
 */
export class Frontiers {
  private readonly groups = new Map<string, LogStream[] | undefined>();

  constructor(
    private readonly store: EventStore,
    private readonly delayMs: number,
  ) {}

  /** Epoch ms, or -Infinity when neither the stream nor its group holds anything. */
  async of(logGroupName: string, logStreamName: string): Promise<number> {
    const streams = await this.streams(logGroupName);
    if (!streams) return Number.NEGATIVE_INFINITY;
    const own = streams.find((s) => s.logStreamName === logStreamName);
    return own
      ? this.frontier(own)
      : Math.max(Number.NEGATIVE_INFINITY, ...streams.map((s) => this.frontier(s)));
  }

  private frontier(s: LogStream): number {
    const ingested =
      s.lastIngestionTime === undefined ? Number.NEGATIVE_INFINITY : s.lastIngestionTime - this.delayMs;
    return Math.max(ingested, s.lastEventTimestamp ?? Number.NEGATIVE_INFINITY);
  }

  private async streams(logGroupName: string): Promise<LogStream[] | undefined> {
    if (this.groups.has(logGroupName)) return this.groups.get(logGroupName);
    let streams: LogStream[] | undefined;
    if (await this.store.getLogGroup(logGroupName)) {
      streams = [];
      let nextToken: string | undefined;
      do {
        const page = await this.store.listLogStreams(logGroupName, {
          limit: 50,
          ...(nextToken ? { nextToken } : {}),
        });
        streams.push(...page.items);
        nextToken = page.nextToken;
      } while (nextToken);
    }
    this.groups.set(logGroupName, streams);
    return streams;
  }
}
