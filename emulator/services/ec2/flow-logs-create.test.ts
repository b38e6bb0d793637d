import { CreateFlowLogsCommand, type CreateFlowLogsCommandInput } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type AwsHarness, rejection, startAwsHarness } from "../../test-support/aws-harness";

const ROLE = "arn:aws:iam::123456789012:role/vpc-flow-logs-to-cwl";
const VPC = "vpc-0a1b2c3d4e5f60001";
const base: CreateFlowLogsCommandInput = {
  ResourceType: "VPC",
  ResourceIds: [VPC],
  TrafficType: "ALL",
  LogGroupName: "/validation/never-created",
  DeliverLogsPermissionArn: ROLE,
};
const s3 = {
  LogDestinationType: "s3" as const,
  LogGroupName: undefined,
  DeliverLogsPermissionArn: undefined,
};
const tgw = {
  ResourceType: "TransitGateway" as const,
  TrafficType: undefined,
  ResourceIds: ["tgw-0a1b2c3d4e5f60001"],
};
const field = (name: string) => `\${${name}}`;

let h: AwsHarness;
beforeAll(async () => {
  h = await startAwsHarness();
});
afterAll(() => h.close());

// Each row: what changes from `base`, the error code, and a piece of AWS's message.
// biome-ignore format: one case per line reads as a table
const refused: [string, Partial<CreateFlowLogsCommandInput>, string, RegExp][] = [
  ["no ResourceType", { ResourceType: undefined }, "MissingParameter", /ResourceType/],
  ["an unknown ResourceType", { ResourceType: "Instance" as "VPC" }, "InvalidParameterValue", /ResourceType is invalid/],
  ["no ResourceIds", { ResourceIds: [] }, "MissingParameter", /ResourceIds/],
  ["301 resources", { ResourceIds: Array.from({ length: 301 }, (_, i) => `vpc-${String(i).padStart(8, "0")}`) }, "InvalidParameterValue", /maximum of 300/],
  ["26 transit gateways", { ...tgw, ResourceIds: Array.from({ length: 26 }, (_, i) => `tgw-${String(i).padStart(8, "0")}`) }, "InvalidParameterValue", /maximum of 25/],
  ["no TrafficType for a VPC", { TrafficType: undefined }, "MissingParameter", /TrafficType/],
  ["an unknown TrafficType", { TrafficType: "SOME" as "ALL" }, "InvalidParameterValue", /TrafficType/],
  ["a TrafficType for a transit gateway", { ...tgw, TrafficType: "ALL" }, "InvalidParameter", /not supported for transit gateway/],
  ["an unknown LogDestinationType", { LogDestinationType: "kafka" as "s3" }, "InvalidParameterValue", /LogDestinationType/],
  ["CloudWatch Logs without a role", { DeliverLogsPermissionArn: undefined }, "InvalidParameter", /DeliverLogsPermissionArn can't be empty/],
  ["a role that is not a role ARN", { DeliverLogsPermissionArn: "arn:aws:iam::123456789012:user/bob" }, "InvalidParameterValue", /not a valid IAM role ARN/],
  ["LogGroupName and LogDestination", { LogDestination: "arn:aws:logs:us-east-1:123456789012:log-group:x" }, "InvalidParameterCombination", /together/],
  ["neither LogGroupName nor LogDestination", { LogGroupName: undefined }, "InvalidParameter", /LogDestination can't be empty/],
  ["a LogDestination that is no log group ARN", { LogGroupName: undefined, LogDestination: "arn:aws:s3:::bucket" }, "InvalidParameterValue", /log group ARN/],
  ["a log group ARN ending in :*", { LogGroupName: undefined, LogDestination: "arn:aws:logs:us-east-1:123456789012:log-group:x:*" }, "InvalidParameterValue", /log group ARN/],
  ["a bad log group name", { LogGroupName: "bad name!" }, "InvalidParameterValue", /not a valid log group name/],
  ["s3 without LogDestination", { ...s3 }, "InvalidParameter", /LogDestination can't be empty/],
  ["s3 with a delivery role", { ...s3, LogDestination: "arn:aws:s3:::bucket", DeliverLogsPermissionArn: ROLE }, "InvalidParameter", /not applicable for s3/],
  ["s3 with a LogGroupName", { ...s3, LogDestination: "arn:aws:s3:::bucket", LogGroupName: "g" }, "InvalidParameter", /must be cloud-watch-logs/],
  ["s3 with no bucket ARN", { ...s3, LogDestination: "arn:aws:firehose:us-east-1:123456789012:deliverystream/x" }, "InvalidParameterValue", /S3 bucket ARN/],
  ["s3 into an AWSLogs folder", { ...s3, LogDestination: "arn:aws:s3:::bucket/AWSLogs/" }, "InvalidParameterValue", /AWSLogs/],
  ["firehose with no stream ARN", { ...s3, LogDestinationType: "kinesis-data-firehose", LogDestination: "arn:aws:s3:::bucket" }, "InvalidParameterValue", /delivery stream ARN/],
  ["an empty LogFormat", { LogFormat: "" }, "InvalidParameter", /at least one field/],
  ["an unknown LogFormat field", { LogFormat: `${field("srcaddr")} ${field("colour")}` }, "InvalidParameter", /Unknown fields provided in LogFormat: \$\{colour\}/],
  ["a LogFormat token that is not a field", { LogFormat: `srcaddr ${field("dstaddr")}` }, "InvalidParameter", /Invalid fields provided in LogFormat: srcaddr/],
  ["MaxAggregationInterval 300", { MaxAggregationInterval: 300 }, "InvalidParameter", /Max Aggregation Interval/],
  ["a transit gateway at 600 s", { ...tgw, MaxAggregationInterval: 600 }, "InvalidParameterValue", /must be 60 for transit gateway/],
  ["tags for another resource type", { TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "a", Value: "b" }] }] }, "InvalidParameterValue", /'instance' is not a valid taggable resource type/],
  ["an aws: tag key", { TagSpecifications: [{ ResourceType: "vpc-flow-log", Tags: [{ Key: "aws:x", Value: "b" }] }] }, "InvalidParameterValue", /Tag key/],
  ["three tag keys for one resource type", { TagFieldSpecifications: [{ ResourceType: "instance", TagKeys: ["a", "b", "c"] }] }, "InvalidParameterValue", /1 or 2 tag keys/],
  ["DestinationOptions for CloudWatch Logs", { DestinationOptions: { FileFormat: "parquet" } }, "InvalidParameter", /DestinationOptions/],
  ["a ClientToken over 64 characters", { ClientToken: "t".repeat(65) }, "InvalidParameterValue", /ClientToken/],
  ["DryRun of a bad request", { DryRun: true, TrafficType: undefined }, "MissingParameter", /TrafficType/],
  ["DryRun of a good request", { DryRun: true }, "DryRunOperation", /Request would have succeeded, but DryRun flag is set/],
];

describe("CreateFlowLogs refuses", () => {
  test.each(refused)("%s", async (_name, change, code, message) => {
    const error = await rejection(h.ec2.send(new CreateFlowLogsCommand({ ...base, ...change })));
    expect(error.name).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.$metadata?.httpStatusCode).toBe(code === "DryRunOperation" ? 412 : 400);
  });

  test("and none of them created a flow log or a log group", () => {
    const flowLogs = h.emulator.data.state.world().ec2?.FlowLogs ?? [];
    expect(flowLogs.filter((f) => f.LogGroupName === "/validation/never-created")).toEqual([]);
  });
});

describe("CreateFlowLogs per resource", () => {
  // biome-ignore format: one case per line reads as a table
  const unsuccessful: [string, Partial<CreateFlowLogsCommandInput>, string, string][] = [
    ["an unknown VPC", { ResourceIds: ["vpc-00000000000000000"] }, "InvalidVpcID.NotFound", "The vpc ID 'vpc-00000000000000000' does not exist"],
    ["a malformed VPC id", { ResourceIds: ["vpc-xyz"] }, "InvalidVpcID.Malformed", 'Invalid id: "vpc-xyz" (expecting "vpc-...")'],
    ["an unknown subnet", { ResourceType: "Subnet", ResourceIds: ["subnet-00000000000000000"] }, "InvalidSubnetID.NotFound", "The subnet ID 'subnet-00000000000000000' does not exist"],
    ["an unknown interface", { ResourceType: "NetworkInterface", ResourceIds: ["eni-00000000000000000"] }, "InvalidNetworkInterfaceID.NotFound", "The networkInterface ID 'eni-00000000000000000' does not exist"],
    ["a transit gateway the world lacks", { ...tgw }, "InvalidTransitGatewayID.NotFound", "The transitGateway ID 'tgw-0a1b2c3d4e5f60001' does not exist"],
  ];

  test.each(unsuccessful)("%s is reported in Unsuccessful", async (_name, change, code, message) => {
    const out = await h.ec2.send(
      new CreateFlowLogsCommand({ ...base, LogGroupName: "/per/resource", ...change }),
    );
    const id = change.ResourceIds?.[0];
    expect(out.FlowLogIds).toEqual([]);
    expect(out.Unsuccessful).toEqual([{ ResourceId: id, Error: { Code: code, Message: message } }]);
  });
});
