import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  FilterLogEventsCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { CreateFlowLogsCommand, DescribeFlowLogsCommand } from "@aws-sdk/client-ec2";
import { afterAll, expect, test } from "vitest";
import { toLogFormat } from "../lib/flow/format";
import { startAwsHarness } from "./test-support/aws-harness";

// Issue 3's "done when": a flow log created through the SDK leads to records that a Logs Insights
// query returns after the (shortened) delivery delay, and a restart keeps them.
const dataDir = mkdtempSync(join(tmpdir(), "flowscope-delivery-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const MINUTE = 60_000;
const GROUP = "/test/subnet-v5";
const FIELDS = [
  "version",
  "vpc-id",
  "subnet-id",
  "interface-id",
  "srcaddr",
  "dstaddr",
  "dstport",
  "protocol",
  "bytes",
  "start",
  "end",
  "action",
  "log-status",
  "flow-direction",
];
let clock = Date.UTC(2026, 10, 2, 8, 0, 0);
const simulator = { tickMs: 3_600_000, deliveryDelayMs: 3 * MINUTE };

async function insights(logs: CloudWatchLogsClient, queryString: string) {
  const { queryId } = await logs.send(
    new StartQueryCommand({
      logGroupName: GROUP,
      startTime: Math.floor((clock - 3_600_000) / 1000),
      endTime: Math.floor(clock / 1000),
      queryString,
    }),
  );
  for (;;) {
    const r = await logs.send(new GetQueryResultsCommand({ queryId }));
    if (r.status !== "Scheduled" && r.status !== "Running") return r;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const countByAction = `parse @message "${FIELDS.map(() => "*").join(" ")}" as ${FIELDS.map((f) => f.replaceAll("-", "_")).join(", ")}
| filter log_status = "OK"
| stats count(*) as flows, sum(bytes) as bytes by action
| sort action`;

test("CreateFlowLogs → records after the delivery delay → Insights returns them → a restart keeps them", async () => {
  const first = await startAwsHarness({ dataDir, now: () => clock, simulator });
  const created = await first.ec2.send(
    new CreateFlowLogsCommand({
      ResourceType: "Subnet",
      ResourceIds: ["subnet-0a1b2c3d4e5f60001"],
      TrafficType: "ALL",
      LogDestinationType: "cloud-watch-logs",
      LogGroupName: GROUP,
      DeliverLogsPermissionArn: "arn:aws:iam::123456789012:role/vpc-flow-logs-to-cwl",
      LogFormat: toLogFormat(FIELDS),
      MaxAggregationInterval: 60,
    }),
  );
  expect(created.Unsuccessful ?? []).toEqual([]);
  const flowLogId = created.FlowLogIds?.[0];
  expect(flowLogId).toMatch(/^fl-[0-9a-f]{17}$/);

  clock += 2 * MINUTE; // windows have ended, but the delivery delay has not passed
  await first.emulator.simulator?.tick(clock); // (the small world's own flow logs deliver their history here)
  const early = await first.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: GROUP }));
  expect(early.logGroups).toEqual([]);

  clock += 10 * MINUTE;
  expect((await first.emulator.simulator?.tick(clock))?.delivered).toBeGreaterThan(0);
  const { events = [] } = await first.logs.send(
    new FilterLogEventsCommand({ logGroupName: GROUP, limit: 10_000 }),
  );
  const ok = events.map((e) => e.message?.split(" ") ?? []).filter((f) => f[12] === "OK");
  expect(ok.length).toBeGreaterThan(0);
  for (const f of ok) expect(f[2]).toBe("subnet-0a1b2c3d4e5f60001");

  const expected = new Map<string, { flows: number; bytes: number }>();
  for (const f of ok) {
    const agg = expected.get(f[11] ?? "") ?? { flows: 0, bytes: 0 };
    expected.set(f[11] ?? "", { flows: agg.flows + 1, bytes: agg.bytes + Number(f[8]) });
  }
  const toMap = (rows: { field?: string; value?: string }[][] = []) =>
    new Map(
      rows.map((row) => {
        const get = (name: string) => row.find((c) => c.field === name)?.value ?? "";
        return [get("action"), { flows: Number(get("flows")), bytes: Number(get("bytes")) }];
      }),
    );
  const before = await insights(first.logs, countByAction);
  expect(before.status).toBe("Complete");
  expect(toMap(before.results)).toEqual(expected);
  await first.close();

  const second = await startAwsHarness({ dataDir, now: () => clock, simulator });
  try {
    const described = await second.ec2.send(new DescribeFlowLogsCommand({ FlowLogIds: [flowLogId ?? ""] }));
    expect(described.FlowLogs?.[0]).toMatchObject({ FlowLogStatus: "ACTIVE", LogGroupName: GROUP });
    const after = await insights(second.logs, countByAction);
    expect(toMap(after.results)).toEqual(expected);
  } finally {
    await second.close();
  }
});
