import { DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import {
  CreateFlowLogsCommand,
  type CreateFlowLogsCommandInput,
  DeleteFlowLogsCommand,
  DescribeFlowLogsCommand,
} from "@aws-sdk/client-ec2";
import { CreateRoleCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_LOG_FORMAT } from "../../../lib/flow/fields";
import { toLogFormat } from "../../../lib/flow/format";
import { type AwsHarness, rejection, startAwsHarness } from "../../test-support/aws-harness";

const ACCOUNT = "123456789012";
const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const SUBNETS = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002", "subnet-0a1b2c3d4e5f60003"];
const trust = (service: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
  });

let h: AwsHarness;
beforeAll(async () => {
  h = await startAwsHarness();
});
afterAll(() => h.close());

const create = (input: Partial<CreateFlowLogsCommandInput>) =>
  h.ec2.send(
    new CreateFlowLogsCommand({
      ResourceType: "Subnet",
      ResourceIds: [SUBNETS[0] ?? ""],
      TrafficType: "ALL",
      DeliverLogsPermissionArn: roleArn("vpc-flow-logs-to-cwl"),
      ...input,
    }),
  );
const describeOne = async (id: string | undefined) =>
  (await h.ec2.send(new DescribeFlowLogsCommand({ FlowLogIds: [id ?? ""] }))).FlowLogs?.[0];

describe("a created flow log", () => {
  test("shows in DescribeFlowLogs as AWS describes it; its log group waits for traffic", async () => {
    const out = await create({
      LogGroupName: "/created/subnet",
      TagSpecifications: [{ ResourceType: "vpc-flow-log", Tags: [{ Key: "Name", Value: "made-by-test" }] }],
    });
    expect(out.Unsuccessful).toEqual([]);
    expect(out.FlowLogIds?.[0]).toMatch(/^fl-[0-9a-f]{17}$/);
    expect(out.ClientToken).toBeDefined();
    const flowLog = await describeOne(out.FlowLogIds?.[0]);
    expect(flowLog).toMatchObject({
      FlowLogId: out.FlowLogIds?.[0],
      ResourceId: SUBNETS[0],
      TrafficType: "ALL",
      FlowLogStatus: "ACTIVE",
      DeliverLogsStatus: "SUCCESS",
      LogDestinationType: "cloud-watch-logs",
      LogGroupName: "/created/subnet",
      LogDestination: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/created/subnet`,
      LogFormat: DEFAULT_LOG_FORMAT,
      MaxAggregationInterval: 600,
      Tags: [{ Key: "Name", Value: "made-by-test" }],
    });
    expect(Date.now() - (flowLog?.CreationTime?.getTime() ?? 0)).toBeLessThan(60_000);
    const { logGroups } = await h.logs.send(
      new DescribeLogGroupsCommand({ logGroupNamePrefix: "/created/" }),
    );
    expect(logGroups).toEqual([]);
  });

  test("s3 with a custom format, 60 s and destination options", async () => {
    const LogFormat = toLogFormat(["srcaddr", "dstaddr", "flow-direction"]);
    const out = await create({
      ResourceIds: [SUBNETS[1] ?? ""],
      LogDestinationType: "s3",
      LogDestination: "arn:aws:s3:::flow-bucket/prefix/",
      DeliverLogsPermissionArn: undefined,
      LogFormat,
      MaxAggregationInterval: 60,
      DestinationOptions: { FileFormat: "parquet", PerHourPartition: true },
    });
    expect(await describeOne(out.FlowLogIds?.[0])).toMatchObject({
      LogDestinationType: "s3",
      LogDestination: "arn:aws:s3:::flow-bucket/prefix/",
      LogFormat,
      MaxAggregationInterval: 60,
      DeliverLogsStatus: "SUCCESS",
      DestinationOptions: { FileFormat: "parquet", HiveCompatiblePartitions: false, PerHourPartition: true },
    });
  });

  test("the same configuration again is FlowLogAlreadyExists, alone or per resource", async () => {
    const input = { LogGroupName: "/dup/group", ResourceIds: [SUBNETS[2] ?? ""] };
    await create(input);
    const error = await rejection(create(input));
    expect(error.name).toBe("FlowLogAlreadyExists");
    expect(error.message).toBe(
      "Error. There is an existing Flow Log with the same configuration and log destination.",
    );
    const mixed = await create({ ...input, ResourceIds: [SUBNETS[2] ?? "", SUBNETS[1] ?? ""] });
    expect(mixed.FlowLogIds).toHaveLength(1);
    expect(mixed.Unsuccessful).toEqual([
      { ResourceId: SUBNETS[2], Error: { Code: "FlowLogAlreadyExists", Message: error.message } },
    ]);
    const otherTraffic = await create({ ...input, TrafficType: "REJECT" });
    expect(otherTraffic.FlowLogIds).toHaveLength(1);
  });

  test("a ClientToken makes the call idempotent; other parameters with it are refused", async () => {
    const input = { LogGroupName: "/token/group", ClientToken: "token-1" };
    const first = await create(input);
    const second = await create(input);
    expect(second).toMatchObject({ ClientToken: "token-1", FlowLogIds: first.FlowLogIds, Unsuccessful: [] });
    const all = await h.ec2.send(
      new DescribeFlowLogsCommand({ Filter: [{ Name: "log-group-name", Values: ["/token/group"] }] }),
    );
    expect(all.FlowLogs).toHaveLength(1);
    const error = await rejection(create({ ...input, TrafficType: "ACCEPT" }));
    expect(error.name).toBe("IdempotentParameterMismatch");
  });

  test("DeleteFlowLogs deletes known ids and lists unknown ones in Unsuccessful", async () => {
    const out = await create({ LogGroupName: "/to/delete" });
    const id = out.FlowLogIds?.[0] ?? "";
    const deleted = await h.ec2.send(new DeleteFlowLogsCommand({ FlowLogIds: [id, "fl-00000000000000000"] }));
    expect(deleted.Unsuccessful).toEqual([
      {
        ResourceId: "fl-00000000000000000",
        Error: {
          Code: "InvalidFlowLogId.NotFound",
          Message: "These flow log ids in the input list are not found: [TotalCount: 1] fl-00000000000000000",
        },
      },
    ]);
    expect(await describeOne(id)).toBeUndefined();
    const dry = await rejection(h.ec2.send(new DeleteFlowLogsCommand({ FlowLogIds: [id], DryRun: true })));
    expect(dry.name).toBe("DryRunOperation");
  });

  test("signed for another region, no resource exists there", async () => {
    const west = h.clients({ region: "us-west-2", maxAttempts: 1 }).ec2;
    const out = await west.send(
      new CreateFlowLogsCommand({
        ResourceType: "Subnet",
        ResourceIds: [SUBNETS[0] ?? ""],
        TrafficType: "ALL",
        LogGroupName: "/west",
        DeliverLogsPermissionArn: roleArn("vpc-flow-logs-to-cwl"),
      }),
    );
    expect(out.FlowLogIds).toEqual([]);
    expect(out.Unsuccessful?.[0]?.Error?.Code).toBe("InvalidSubnetID.NotFound");
  });
});

describe("DeliverLogsStatus follows the delivery role", () => {
  test("FAILED with AWS's 'Access error' for a missing role, SUCCESS once the role exists", async () => {
    const out = await create({
      LogGroupName: "/role/missing",
      DeliverLogsPermissionArn: roleArn("late-role"),
    });
    const id = out.FlowLogIds?.[0];
    expect(await describeOne(id)).toMatchObject({
      DeliverLogsStatus: "FAILED",
      DeliverLogsErrorMessage: "Access error",
    });
    const failed = await h.ec2.send(
      new DescribeFlowLogsCommand({ Filter: [{ Name: "deliver-log-status", Values: ["FAILED"] }] }),
    );
    expect(failed.FlowLogs?.map((f) => f.FlowLogId)).toContain(id);
    await h.iam.send(
      new CreateRoleCommand({
        RoleName: "late-role",
        AssumeRolePolicyDocument: trust("vpc-flow-logs.amazonaws.com"),
      }),
    );
    const fixed = await describeOne(id);
    expect(fixed?.DeliverLogsStatus).toBe("SUCCESS");
    expect(fixed?.DeliverLogsErrorMessage).toBeUndefined();
  });

  test("FAILED for a role that does not trust vpc-flow-logs.amazonaws.com", async () => {
    await h.iam.send(
      new CreateRoleCommand({ RoleName: "ec2-only", AssumeRolePolicyDocument: trust("ec2.amazonaws.com") }),
    );
    const out = await create({
      LogGroupName: "/role/untrusting",
      DeliverLogsPermissionArn: roleArn("ec2-only"),
    });
    expect(await describeOne(out.FlowLogIds?.[0])).toMatchObject({
      DeliverLogsStatus: "FAILED",
      DeliverLogsErrorMessage: "Access error",
    });
  });

  const permissions = (actions: string[], resource: string) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: actions, Resource: resource }],
    });
  const group = (name: string) => `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${name}`;

  test.each([
    [
      "the least-privilege policy on its group",
      ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams"],
      "/perm/ok",
      `${group("/perm/ok")}:*`,
      "SUCCESS",
    ],
    ["logs:* on every resource", ["logs:*"], "/perm/star", "*", "SUCCESS"],
    [
      "no logs:PutLogEvents",
      ["logs:CreateLogStream", "logs:DescribeLogGroups"],
      "/perm/no-put",
      `${group("/perm/no-put")}:*`,
      "FAILED",
    ],
    [
      "another log group only",
      ["logs:CreateLogStream", "logs:PutLogEvents"],
      "/perm/mine",
      `${group("/perm/other")}:*`,
      "FAILED",
    ],
    [
      "the group but not its streams",
      ["logs:CreateLogStream", "logs:PutLogEvents"],
      "/perm/group-only",
      group("/perm/group-only"),
      "FAILED",
    ],
  ])("a trusting role whose inline policy allows %s → %s", async (_, actions, logGroup, resource, status) => {
    const name = `perm-${logGroup.split("/").at(-1)}`;
    await h.iam.send(
      new CreateRoleCommand({
        RoleName: name,
        AssumeRolePolicyDocument: trust("vpc-flow-logs.amazonaws.com"),
      }),
    );
    await h.iam.send(
      new PutRolePolicyCommand({
        RoleName: name,
        PolicyName: "deliver",
        PolicyDocument: permissions(actions, resource),
      }),
    );
    const out = await create({ LogGroupName: logGroup, DeliverLogsPermissionArn: roleArn(name) });
    expect(await describeOne(out.FlowLogIds?.[0])).toMatchObject({
      DeliverLogsStatus: status,
      ...(status === "FAILED" ? { DeliverLogsErrorMessage: "Access error" } : {}),
    });
  });
});
