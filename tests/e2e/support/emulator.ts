import { CloudWatchLogsClient, FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import {
  DescribeFlowLogsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
  EC2Client,
  type FlowLog,
} from "@aws-sdk/client-ec2";
import { logFormatFields } from "../../../lib/flow/format";
import { type FlowRecord, parseRecord } from "../../../lib/flow/record";
import { EMULATOR_CREDENTIALS } from "../../../scripts/start-env";
import { E2E_EMULATOR_PORT } from "../fixtures/constants";

/** SDK clients on the e2e emulator: the test's own view of AWS, independent of the app's code path. */
const config = {
  region: "us-east-1",
  endpoint: `http://127.0.0.1:${E2E_EMULATOR_PORT}`,
  credentials: {
    accessKeyId: EMULATOR_CREDENTIALS.AWS_ACCESS_KEY_ID,
    secretAccessKey: EMULATOR_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
  },
};
export const emulatorLogs = new CloudWatchLogsClient(config);
const ec2 = new EC2Client(config);

/**
 * Counts the REJECT records (log-status OK) that the VPC's own ALL flow log holds for events in
 * [start, end) (the chart's window: its last bin ends at `end`), read with FilterLogEvents, whose
 * endTime is inclusive, and parsed in the log's format.
 */
export async function countRejectedRecords(vpcId: string, start: number, end: number): Promise<number> {
  const { FlowLogs = [] } = await ec2.send(
    new DescribeFlowLogsCommand({ Filter: [{ Name: "resource-id", Values: [vpcId] }] }),
  );
  const log = FlowLogs.find((l) => l.TrafficType === "ALL" && l.LogGroupName);
  if (!log?.LogGroupName || !log.LogFormat) throw new Error(`no ALL flow log with a log group on ${vpcId}`);
  const fields = logFormatFields(log.LogFormat);
  let count = 0;
  let nextToken: string | undefined;
  do {
    const page = await emulatorLogs.send(
      new FilterLogEventsCommand({
        logGroupName: log.LogGroupName,
        startTime: start,
        endTime: end - 1,
        nextToken,
      }),
    );
    for (const event of page.events ?? []) {
      const record = parseRecord(fields, event.message ?? "");
      if (record?.action === "REJECT" && (record["log-status"] ?? "OK") === "OK") count++;
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return count;
}

/** Every record (parsed in the log's format) of the VPC's own ALL flow log for events in [start, end). */
export async function flowLogRecords(vpcId: string, start: number, end: number): Promise<FlowRecord[]> {
  const { FlowLogs = [] } = await ec2.send(
    new DescribeFlowLogsCommand({ Filter: [{ Name: "resource-id", Values: [vpcId] }] }),
  );
  const log = FlowLogs.find((l) => l.TrafficType === "ALL" && l.LogGroupName);
  if (!log?.LogGroupName || !log.LogFormat) throw new Error(`no ALL flow log with a log group on ${vpcId}`);
  const fields = logFormatFields(log.LogFormat);
  const records: FlowRecord[] = [];
  let nextToken: string | undefined;
  do {
    const page = await emulatorLogs.send(
      new FilterLogEventsCommand({
        logGroupName: log.LogGroupName,
        startTime: start,
        endTime: end - 1,
        nextToken,
      }),
    );
    for (const event of page.events ?? []) {
      const record = parseRecord(fields, event.message ?? "");
      if (record) records.push(record);
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return records;
}

/** The emulator's call counts by "service:Action" (its /_flowscope/stats). */
export async function emulatorStats(): Promise<Record<string, number>> {
  const res = await fetch(`${config.endpoint}/_flowscope/stats`);
  return (await res.json()) as Record<string, number>;
}

/** The VPC's interfaces by the instance they are attached to. */
export async function instanceInterfaces(vpcId: string): Promise<Map<string, string[]>> {
  const out = await ec2.send(
    new DescribeNetworkInterfacesCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] }),
  );
  const byInstance = new Map<string, string[]>();
  for (const eni of out.NetworkInterfaces ?? []) {
    const instanceId = eni.Attachment?.InstanceId;
    if (!instanceId || !eni.NetworkInterfaceId) continue;
    byInstance.set(instanceId, [...(byInstance.get(instanceId) ?? []), eni.NetworkInterfaceId]);
  }
  return byInstance;
}

/** A subnet by its Name tag: its id and VPC. */
export async function subnetByName(name: string): Promise<{ subnetId: string; vpcId: string }> {
  const out = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "tag:Name", Values: [name] }] }));
  const subnet = out.Subnets?.[0];
  if (!subnet?.SubnetId || !subnet.VpcId) throw new Error(`no subnet named ${name}`);
  return { subnetId: subnet.SubnetId, vpcId: subnet.VpcId };
}

/** The flow logs on one resource, as DescribeFlowLogs reports them. */
export async function flowLogsOn(resourceId: string): Promise<FlowLog[]> {
  const out = await ec2.send(
    new DescribeFlowLogsCommand({ Filter: [{ Name: "resource-id", Values: [resourceId] }] }),
  );
  return out.FlowLogs ?? [];
}

/** How many events a log group holds (0 when it does not exist yet). */
export async function countEvents(logGroupName: string): Promise<number> {
  try {
    const page = await emulatorLogs.send(new FilterLogEventsCommand({ logGroupName, limit: 100 }));
    return page.events?.length ?? 0;
  } catch {
    return 0;
  }
}

export interface Faults {
  throttleRate?: number;
  latencyMs?: number;
  queryFailRate?: number;
  accessDenied?: string[];
  seed?: number;
}

/** Replaces the emulator's faults (POST /_flowscope/faults); what is left out is off. */
export async function setFaults(faults: Faults): Promise<void> {
  const res = await fetch(`${config.endpoint}/_flowscope/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  if (!res.ok) throw new Error(`faults refused: ${res.status} ${await res.text()}`);
}

export const clearFaults = (): Promise<void> => setFaults({});
