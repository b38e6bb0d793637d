import { DescribeLogGroupsCommand, FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateFlowLogsCommand, type CreateFlowLogsCommandInput } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, expect, test } from "vitest";
import { toLogFormat } from "../lib/flow/format";
import { type AwsHarness, startAwsHarness } from "./test-support/aws-harness";

const ENI = "eni-0a1b2c3d4e5f60001";
const MINUTE = 60_000;
let clock = Date.UTC(2026, 5, 1, 12, 0, 0);

let h: AwsHarness;
beforeAll(async () => {
  // A tick an hour apart: the test ticks by hand.
  h = await startAwsHarness({ now: () => clock, simulator: { tickMs: 3_600_000, deliveryDelayMs: 0 } });
});
afterAll(() => h.close());

const create = (input: Partial<CreateFlowLogsCommandInput>) =>
  h.ec2.send(
    new CreateFlowLogsCommand({
      ResourceType: "NetworkInterface",
      ResourceIds: [ENI],
      TrafficType: "ALL",
      MaxAggregationInterval: 60,
      ...input,
    }),
  );

test("a flow log created through the API delivers into a log group made on first traffic; a FAILED one does not", async () => {
  expect(h.emulator.simulator).toBeDefined();
  await create({
    LogGroupName: "/sim/delivering",
    DeliverLogsPermissionArn: "arn:aws:iam::123456789012:role/vpc-flow-logs-to-cwl",
    LogFormat: toLogFormat(["version", "interface-id", "srcaddr", "dstaddr", "action", "flow-direction"]),
  });
  await create({
    LogGroupName: "/sim/failing",
    DeliverLogsPermissionArn: "arn:aws:iam::123456789012:role/missing",
  });
  const before = await h.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/sim/" }));
  expect(before.logGroups).toEqual([]);

  clock += 30 * MINUTE;
  const { delivered } = (await h.emulator.simulator?.tick(clock)) ?? { delivered: 0 };
  expect(delivered).toBeGreaterThan(0);
  const after = await h.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/sim/" }));
  expect(after.logGroups?.map((g) => g.logGroupName)).toEqual(["/sim/delivering"]);
  const { events } = await h.logs.send(
    new FilterLogEventsCommand({ logGroupName: "/sim/delivering", limit: 5 }),
  );
  expect(events?.length).toBeGreaterThan(0);
  for (const event of events ?? []) {
    expect(event.logStreamName).toBe(`${ENI}-all`);
    expect(event.message?.split(" ")).toHaveLength(6);
    expect(event.message).toMatch(new RegExp(`^5 ${ENI} \\S+ \\S+ (ACCEPT|REJECT|-) (ingress|egress|-)$`));
  }
});
