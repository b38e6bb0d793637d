import { paginateFilterLogEvents } from "@aws-sdk/client-cloudwatch-logs";
import { DescribeNetworkInterfacesCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { type AwsHarness, startAwsHarness } from "@/emulator/test-support/aws-harness";
import { buildDemoWorld } from "@/emulator/world/demo";
import { DEFAULT_FIELD_NAMES } from "@/lib/flow/format";
import { parseRecord } from "@/lib/flow/record";
import type { PanelEvent } from "@/lib/traffic/contract";

/** Every NDJSON line of a panel response, in order. */
export async function readEvents(res: Response): Promise<PanelEvent[]> {
  const text = await res.text();
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as PanelEvent);
}

/** The final line (result, empty or error). */
export async function finalEvent(res: Response): Promise<PanelEvent> {
  const events = await readEvents(res);
  const last = events.at(-1);
  if (!last) throw new Error("the stream had no lines");
  return last;
}

export async function emulatorStats(harness: AwsHarness): Promise<Record<string, number>> {
  const res = await fetch(`${harness.emulator.url}/_flowscope/stats`);
  return (await res.json()) as Record<string, number>;
}

export async function vpcIdByName(harness: AwsHarness, name: string): Promise<string> {
  const out = await harness.ec2.send(
    new DescribeVpcsCommand({ Filters: [{ Name: "tag:Name", Values: [name] }] }),
  );
  const id = out.Vpcs?.[0]?.VpcId;
  if (!id) throw new Error(`no VPC named ${name}`);
  return id;
}

export async function interfaceIds(harness: AwsHarness, vpcId: string): Promise<Set<string>> {
  const out = await harness.ec2.send(
    new DescribeNetworkInterfacesCommand({
      Filters: [{ Name: "vpc-id", Values: [vpcId] }],
      MaxResults: 1000,
    }),
  );
  return new Set(
    (out.NetworkInterfaces ?? []).flatMap((e) => (e.NetworkInterfaceId ? [e.NetworkInterfaceId] : [])),
  );
}

export interface CountedRecord {
  interfaceId: string;
  srcaddr: string;
  action: string;
  bytes: number;
}

/**
 * The default-format records of a log group in [start, end) for the given interfaces, read with
 * FilterLogEvents: an independent count, not through Insights.
 */
export async function recordsIn(
  harness: AwsHarness,
  logGroupName: string,
  window: { start: number; end: number },
  interfaces: ReadonlySet<string>,
): Promise<CountedRecord[]> {
  const records: CountedRecord[] = [];
  const pages = paginateFilterLogEvents(
    { client: harness.logs, pageSize: 10_000 },
    { logGroupName, startTime: window.start, endTime: window.end - 1 },
  );
  for await (const page of pages)
    for (const event of page.events ?? []) {
      const record = parseRecord(DEFAULT_FIELD_NAMES, event.message ?? "");
      const interfaceId = String(record?.["interface-id"] ?? "");
      if (record?.["log-status"] !== "OK" || !interfaces.has(interfaceId)) continue;
      records.push({
        interfaceId,
        srcaddr: String(record.srcaddr),
        action: String(record.action),
        bytes: Number(record.bytes),
      });
    }
  return records;
}

/**
 * The demo world with its history in an in-process emulator, the app's SDK clients pointed at it through
 * the environment (as `npm start` does), and `auth` answering for a signed-in viewer.
 */
export async function startDemoAccount(
  auth: { mockResolvedValue: (value: unknown) => unknown },
  now: number,
  minQueryMs: number,
): Promise<{ harness: AwsHarness; prod: string }> {
  const harness = await startAwsHarness({
    world: buildDemoWorld({ now: new Date(now) }),
    simulator: { tickMs: 3_600_000 },
    queries: { minDurationMs: minQueryMs },
  });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: harness.emulator.url,
    AWS_ACCESS_KEY_ID: "AKIDFLOWSCOPETEST",
    AWS_SECRET_ACCESS_KEY: "dummy",
    AWS_REGION: "us-east-1",
  });
  auth.mockResolvedValue({
    user: { name: "ann", email: "ann@example.com", role: "viewer" },
    expires: "2099-01-01T00:00:00Z",
  });
  return { harness, prod: await vpcIdByName(harness, "prod") };
}
