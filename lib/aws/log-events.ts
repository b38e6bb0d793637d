import "server-only";
import {
  type CloudWatchLogsClient,
  type FilteredLogEvent,
  paginateFilterLogEvents,
} from "@aws-sdk/client-cloudwatch-logs";

export interface LogEventSampleRequest {
  logGroupName: string;
  /** Milliseconds since the epoch, inclusive. */
  startTime: number;
  endTime?: number;
  /** At most this many events (the oldest first, as FilterLogEvents returns them). */
  max: number;
  /** Only streams this accepts count and are returned; default all. */
  keepStream?: (logStreamName: string) => boolean;
}

export interface LogEventSample {
  events: FilteredLogEvent[];
  /** More events matched than `max`. */
  capped: boolean;
}

// FilterLogEvents returns at most 10,000 events a page.
const MAX_PAGE = 10_000;

/** A sample of a log group's events from `startTime` on (FilterLogEvents, all streams interleaved). */
export async function sampleLogEvents(
  logs: CloudWatchLogsClient,
  request: LogEventSampleRequest,
): Promise<LogEventSample> {
  const { logGroupName, startTime, endTime, max, keepStream = () => true } = request;
  const events: FilteredLogEvent[] = [];
  const pages = paginateFilterLogEvents(
    { client: logs, pageSize: Math.min(Math.max(max, 1), MAX_PAGE) },
    { logGroupName, startTime, endTime },
  );
  for await (const page of pages) {
    for (const event of page.events ?? []) {
      if (!keepStream(event.logStreamName ?? "")) continue;
      if (events.length === max) return { events, capped: true };
      events.push(event);
    }
  }
  return { events, capped: false };
}
