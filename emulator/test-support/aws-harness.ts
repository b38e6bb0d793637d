import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { EC2Client } from "@aws-sdk/client-ec2";
import { IAMClient } from "@aws-sdk/client-iam";
import { STSClient } from "@aws-sdk/client-sts";
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../server";
import type { World, WorldLogEvent } from "../world/types";
import { loadSmallWorld } from "./ec2-harness";

const credentials = { accessKeyId: "AKIDFLOWSCOPETEST", secretAccessKey: "any-secret" };

export interface Clients {
  ec2: EC2Client;
  logs: CloudWatchLogsClient;
  iam: IAMClient;
  sts: STSClient;
}

export interface AwsHarness extends Clients {
  emulator: RunningEmulator;
  /** Clients with other settings: another region, or the SDK's default retries (`maxAttempts` undefined). */
  clients(options?: { region?: string; maxAttempts?: number }): Clients;
  close(): Promise<void>;
}

/** The emulator in-process on a random port (in memory unless `dataDir`), with real SDK clients. */
export async function startAwsHarness(options: Partial<EmulatorOptions> = {}): Promise<AwsHarness> {
  const world = options.world ?? loadSmallWorld();
  const emulator = await startEmulator({ port: 0, ...options, world });
  const clients = ({
    region = world.region,
    maxAttempts,
  }: {
    region?: string;
    maxAttempts?: number;
  } = {}) => {
    const config = { endpoint: emulator.url, region, credentials, ...(maxAttempts ? { maxAttempts } : {}) };
    return {
      ec2: new EC2Client(config),
      logs: new CloudWatchLogsClient(config),
      iam: new IAMClient(config),
      sts: new STSClient(config),
    };
  };
  return { emulator, ...clients({ maxAttempts: 1 }), clients, close: () => emulator.close() };
}

/** The error a promise rejects with (and a failure if it resolves). */
export async function rejection(
  promise: Promise<unknown>,
): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error("expected the call to fail, it succeeded");
}

export const T0 = Date.UTC(2026, 4, 2, 9, 0, 0);

/** `count` default-format flow records, one a minute from T0, alternating ACCEPT / REJECT. */
export function flowEvents(count: number, eni = "eni-0a1b2c3d4e5f60001"): WorldLogEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const start = T0 / 1000 + i * 60;
    const action = i % 2 === 0 ? "ACCEPT" : "REJECT";
    const src = `198.51.100.${(i % 5) + 1}`;
    return {
      timestamp: start * 1000,
      message: `2 123456789012 ${eni} ${src} 10.0.1.25 ${40000 + i} ${i % 3 === 0 ? 22 : 443} 6 ${i + 1} ${(i + 1) * 100} ${start} ${start + 60} ${action} OK`,
    };
  });
}

/** The small world plus a flow-log group with `count` records over two streams. */
export function worldWithFlows(count = 120): World {
  const world = loadSmallWorld();
  const events = flowEvents(count);
  return {
    ...world,
    logs: [
      ...(world.logs ?? []),
      {
        logGroupName: "/flowscope/test",
        streams: [
          { logStreamName: "eni-a-all", events: events.filter((_, i) => i % 2 === 0) },
          { logStreamName: "eni-b-all", events: events.filter((_, i) => i % 2 === 1) },
        ],
      },
    ],
  };
}
