import {
  CloudWatchLogsClient,
  GetQueryResultsCommand,
  type ResultField,
  StartQueryCommand,
  StopQueryCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { mockClient } from "aws-sdk-client-mock";
import { sleep } from "../backoff";
import { type InsightsRequest, InsightsRunner, type RunnerSettings } from "../insights-runner";

export const MINUTE = 60_000;
export const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);

/** An SDK error as the client raises it: the name is the AWS error code. */
export function awsError(name: string, message = name): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

export const row = (...pairs: [string, string][]): ResultField[] =>
  pairs.map(([field, value]) => ({ field, value }));

export const complete = (rows: ResultField[][], bytesScanned = 1000) => ({
  status: "Complete" as const,
  results: rows,
  statistics: { recordsScanned: 10, recordsMatched: rows.length, bytesScanned },
});

export const request = (over: Partial<InsightsRequest> = {}): InsightsRequest => ({
  region: "us-east-1",
  logGroupNames: ["/flowscope/test"],
  queryString: "stats count(*) as flows by action",
  start: NOW - 60 * MINUTE,
  end: NOW,
  limit: 100,
  kind: "aggregate",
  ...over,
});

/** A runner on a mocked Logs client with a settable clock; waits take a millisecond and honour abort. */
export function mockedRunner(settings: Partial<RunnerSettings> = {}) {
  const client = new CloudWatchLogsClient({ region: "us-east-1" });
  const logs = mockClient(client);
  const clock = { now: NOW };
  const delays: number[] = [];
  const runner = new InsightsRunner({
    logs: () => client,
    settings,
    now: () => clock.now,
    random: () => 0.5,
    sleep: (ms, signal) => {
      delays.push(ms);
      return sleep(1, signal);
    },
  });
  let ids = 0;
  logs.on(StartQueryCommand).callsFake(() => ({ queryId: `q-${++ids}` }));
  logs.on(StopQueryCommand).resolves({ success: true });
  const calls = {
    start: () => logs.commandCalls(StartQueryCommand).map((c) => c.args[0].input),
    stop: () => logs.commandCalls(StopQueryCommand).map((c) => c.args[0].input.queryId),
    poll: () => logs.commandCalls(GetQueryResultsCommand).length,
  };
  return { runner, logs, clock, delays, calls };
}
