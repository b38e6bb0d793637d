import { EventStore } from "../../store/event-store";
import { runQuery } from "../run-query";
import type { FlowRecord } from "./flow-generator";

export interface RunRequest {
  logGroupNames: string[];
  startTime: number;
  endTime: number;
  queryString: string;
  limit?: number;
}

export interface RunResult {
  rows: { field: string; value: string }[][];
  statistics: { recordsMatched: number; recordsScanned: number; bytesScanned: number };
}

/**
 * Where the conformance suite runs its queries: the engine in-process here; the same suite can run
 * through @aws-sdk/client-cloudwatch-logs against the emulator's Logs service with another target.
 */
export interface ConformanceTarget {
  load(groups: { name: string; records: FlowRecord[] }[]): Promise<void>;
  run(request: RunRequest): Promise<RunResult>;
  /** GetLogRecord: the fields of the event behind an @ptr. */
  getLogRecord(ptr: string): Promise<Record<string, string> | undefined>;
  close(): Promise<void>;
}

export const ACCOUNT = "123456789012";

/** Loads the groups stream by stream, in record order, so event ids follow the records' `seq`. */
export async function loadInto(
  store: EventStore,
  groups: { name: string; records: FlowRecord[] }[],
): Promise<void> {
  for (const group of groups) {
    const arn = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${group.name}:*`;
    await store.createLogGroup({ logGroupName: group.name, creationTime: 0, arn });
    const streams = [...new Set(group.records.map((r) => r.stream))];
    for (const stream of streams) {
      const events = group.records
        .filter((r) => r.stream === stream)
        .map((r) => ({ timestamp: r.timestamp, message: r.message }));
      await store.append(group.name, stream, events, Date.UTC(2026, 0, 1));
    }
  }
}

export async function engineTarget(): Promise<ConformanceTarget> {
  const store = await EventStore.open(":memory:");
  return {
    load: (groups) => loadInto(store, groups),
    run: (request) => runQuery(store, request),
    async getLogRecord(ptr) {
      const record = await store.getByPointer(ptr);
      return record ? { "@message": record.message, "@logStream": record.logStreamName } : undefined;
    },
    close: () => store.close(),
  };
}
