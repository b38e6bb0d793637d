import { setTimeout as sleep } from "node:timers/promises";
import {
  CloudWatchLogsClient,
  GetLogRecordCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { startEmulator } from "../../server";
import type { EventStore } from "../../store/event-store";
import { ACCOUNT, type ConformanceTarget, loadInto, type RunResult } from "./runner";

/** The emulator's HTTP server in-process, queried through the real CloudWatch Logs SDK client. */
export async function sdkTarget(): Promise<ConformanceTarget> {
  const emulator = await startEmulator({
    world: { accountId: ACCOUNT, region: "us-east-1" },
    port: 0,
    queries: { minDurationMs: 0 },
  });
  const store: EventStore = emulator.data.store;
  const client = new CloudWatchLogsClient({
    endpoint: emulator.url,
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDFLOWSCOPETEST", secretAccessKey: "any-secret" },
    maxAttempts: 1,
  });
  return {
    load: (groups) => loadInto(store, groups),
    async run(request): Promise<RunResult> {
      const { queryId } = await client.send(new StartQueryCommand(request));
      for (;;) {
        const page = await client.send(new GetQueryResultsCommand({ queryId }));
        if (page.status === "Complete") {
          const rows = (page.results ?? []).map((row) =>
            row.map((f) => ({ field: f.field ?? "", value: f.value ?? "" })),
          );
          const stats = page.statistics ?? {};
          return {
            rows,
            statistics: {
              recordsMatched: stats.recordsMatched ?? 0,
              recordsScanned: stats.recordsScanned ?? 0,
              bytesScanned: stats.bytesScanned ?? 0,
            },
          };
        }
        if (page.status !== "Scheduled" && page.status !== "Running")
          throw new Error(`query ended ${page.status}`);
        await sleep(5);
      }
    },
    async getLogRecord(ptr) {
      const { logRecord } = await client.send(new GetLogRecordCommand({ logRecordPointer: ptr }));
      return logRecord;
    },
    async close() {
      client.destroy();
      await emulator.close();
    },
  };
}
