// biome-ignore-all lint/suspicious/noTemplateCurlyInString: LogFormat strings are written ${field}
import { describe, expect, it } from "vitest";
import { buildPlan } from "./request";
import { cliSnippet, cloudFormationSnippet, hclString, shellQuote, terraformSnippet } from "./snippets";
import { INITIAL_STATE, type WizardState } from "./state";

const ctx = { accountId: "123456789012", region: "us-east-1" };
const base: WizardState = {
  ...INITIAL_STATE,
  resourceType: "Subnet",
  resourceIds: ["subnet-0a1b2c3d4e5f60718"],
  trafficType: "REJECT",
  maxAggregationInterval: 60,
  formatMode: "custom",
  fields: ["version", "srcaddr", "dstaddr", "action"],
  tags: [{ key: "team", value: "net's" }],
};

const cwlNew: WizardState = {
  ...base,
  newLogGroup: "/flowscope/new",
  retentionInDays: 30,
  newRoleName: "fl-role",
};
const cwlExisting: WizardState = {
  ...base,
  logGroupMode: "existing",
  existingLogGroup: "/existing",
  roleMode: "existing",
  existingRoleArn: "arn:aws:iam::123456789012:role/publishFlowLogs",
};
const s3: WizardState = {
  ...base,
  destinationType: "s3",
  s3BucketArn: "arn:aws:s3:::flow-log-bucket/my-flow-logs/",
  s3FileFormat: "parquet",
  s3HivePartitions: true,
  s3PerHourPartition: true,
};
const firehose: WizardState = {
  ...base,
  resourceType: "VPC",
  resourceIds: ["vpc-00112233344556677"],
  destinationType: "kinesis-data-firehose",
  firehoseStreamArn: "arn:aws:firehose:us-east-1:210987654321:deliverystream/flows",
  firehoseSourceRoleArn: "arn:aws:iam::123456789012:role/mySourceRole",
  firehoseCrossAccountRoleArn: "arn:aws:iam::210987654321:role/AWSLogDeliveryFirehoseCrossAccountRole",
};

describe("buildPlan", () => {
  it.each([
    [
      "CloudWatch Logs, new group and role",
      cwlNew,
      { LogGroupName: "/flowscope/new", DeliverLogsPermissionArn: "arn:aws:iam::123456789012:role/fl-role" },
    ],
    [
      "CloudWatch Logs, existing",
      cwlExisting,
      {
        LogGroupName: "/existing",
        DeliverLogsPermissionArn: "arn:aws:iam::123456789012:role/publishFlowLogs",
      },
    ],
    [
      "S3",
      s3,
      {
        LogDestination: "arn:aws:s3:::flow-log-bucket/my-flow-logs/",
        DestinationOptions: { FileFormat: "parquet", HiveCompatiblePartitions: true, PerHourPartition: true },
      },
    ],
    [
      "Firehose cross-account",
      firehose,
      {
        LogDestination: firehose.firehoseStreamArn,
        DeliverLogsPermissionArn: firehose.firehoseSourceRoleArn,
        DeliverCrossAccountRole: firehose.firehoseCrossAccountRoleArn,
      },
    ],
  ])("%s", (_, state, expected) => {
    const input = buildPlan(state, ctx).createFlowLogs;
    expect(input).toMatchObject({
      ...expected,
      ResourceType: state.resourceType,
      ResourceIds: state.resourceIds,
      TrafficType: "REJECT",
      MaxAggregationInterval: 60,
      LogDestinationType: state.destinationType,
      LogFormat: "${version} ${srcaddr} ${dstaddr} ${action}",
      TagSpecifications: [{ ResourceType: "vpc-flow-log", Tags: [{ Key: "team", Value: "net's" }] }],
    });
  });
  it("leaves LogFormat out for the default format and the retention out for never-expire", () => {
    const plan = buildPlan({ ...cwlNew, formatMode: "default", retentionInDays: 0 }, ctx);
    expect(plan.createFlowLogs.LogFormat).toBeUndefined();
    expect(plan.logGroup).toEqual({ name: "/flowscope/new" });
  });
});

describe("cliSnippet", () => {
  it.each([
    [
      "CloudWatch Logs, new",
      cwlNew,
      [
        "aws logs create-log-group --region us-east-1 --log-group-name /flowscope/new",
        "--retention-in-days 30",
        "aws iam create-role",
        "aws iam put-role-policy",
        "--log-group-name /flowscope/new",
        "--deliver-logs-permission-arn arn:aws:iam::123456789012:role/fl-role",
      ],
    ],
    [
      "CloudWatch Logs, existing",
      cwlExisting,
      [
        "--log-group-name /existing",
        "--deliver-logs-permission-arn arn:aws:iam::123456789012:role/publishFlowLogs",
      ],
    ],
    [
      "S3",
      s3,
      [
        "--log-destination-type s3",
        "--log-destination arn:aws:s3:::flow-log-bucket/my-flow-logs/",
        "--destination-options FileFormat=parquet,HiveCompatiblePartitions=true,PerHourPartition=true",
      ],
    ],
    [
      "Firehose",
      firehose,
      [
        "--resource-type VPC",
        "--log-destination-type kinesis-data-firehose",
        "--deliver-cross-account-role arn:aws:iam::210987654321:role/AWSLogDeliveryFirehoseCrossAccountRole",
      ],
    ],
  ])("%s", (_, state, parts) => {
    const cli = cliSnippet(buildPlan(state, ctx), ctx).replaceAll(" \\\n    ", " ");
    for (const part of parts) expect(cli).toContain(part);
    expect(cli).toContain("aws ec2 create-flow-logs --region us-east-1");
    expect(cli).toContain(
      "--resource-ids subnet-0a1b2c3d4e5f60718".replace(
        "subnet-0a1b2c3d4e5f60718",
        state.resourceIds[0] ?? "",
      ),
    );
    expect(cli).toContain("--traffic-type REJECT");
    expect(cli).toContain("--max-aggregation-interval 60");
    expect(cli).toContain("--log-format '${version} ${srcaddr} ${dstaddr} ${action}'");
    expect(cli).toContain(
      `--tag-specifications '[{"ResourceType":"vpc-flow-log","Tags":[{"Key":"team","Value":"net'\\''s"}]}]'`,
    );
    expect(cli.includes("create-role")).toBe(state === cwlNew);
  });
  it.each([
    ["plain", "plain"],
    ["${version} ${action}", "'${version} ${action}'"],
    ["it's", "'it'\\''s'"],
  ])("shellQuote(%s)", (value, quoted) => expect(shellQuote(value)).toBe(quoted));
});

describe("cloudFormationSnippet", () => {
  const resources = (state: WizardState) =>
    (
      JSON.parse(cloudFormationSnippet(buildPlan(state, ctx))) as {
        Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
      }
    ).Resources;
  it.each([
    [
      "CloudWatch Logs, new",
      cwlNew,
      "FlowLogSubnet0a1b2c3d4e5f60718",
      {
        LogGroupName: { Ref: "FlowLogsLogGroup" },
        DeliverLogsPermissionArn: { "Fn::GetAtt": ["FlowLogsDeliveryRole", "Arn"] },
      },
    ],
    [
      "CloudWatch Logs, existing",
      cwlExisting,
      "FlowLogSubnet0a1b2c3d4e5f60718",
      { LogGroupName: "/existing", DeliverLogsPermissionArn: cwlExisting.existingRoleArn },
    ],
    [
      "S3",
      s3,
      "FlowLogSubnet0a1b2c3d4e5f60718",
      {
        LogDestination: s3.s3BucketArn,
        DestinationOptions: { FileFormat: "parquet", HiveCompatiblePartitions: true, PerHourPartition: true },
      },
    ],
    [
      "Firehose",
      firehose,
      "FlowLogVpc00112233344556677",
      {
        LogDestination: firehose.firehoseStreamArn,
        DeliverCrossAccountRole: firehose.firehoseCrossAccountRoleArn,
      },
    ],
  ])("%s", (_, state, id, expected) => {
    const all = resources(state);
    expect(all[id]).toEqual({
      Type: "AWS::EC2::FlowLog",
      Properties: expect.objectContaining({
        ...expected,
        ResourceId: state.resourceIds[0],
        ResourceType: state.resourceType,
        TrafficType: "REJECT",
        MaxAggregationInterval: 60,
        LogDestinationType: state.destinationType,
        LogFormat: "${version} ${srcaddr} ${dstaddr} ${action}",
        Tags: [{ Key: "team", Value: "net's" }],
      }),
    });
    expect(Boolean(all.FlowLogsDeliveryRole)).toBe(state === cwlNew);
  });
  it("one AWS::EC2::FlowLog per resource", () => {
    const all = resources({ ...s3, resourceIds: ["subnet-0000000a", "subnet-0000000b"] });
    expect(Object.keys(all)).toEqual(["FlowLogSubnet0000000a", "FlowLogSubnet0000000b"]);
  });
  it("the new role carries the trust and permissions policies", () => {
    const role = resources(cwlNew).FlowLogsDeliveryRole?.Properties;
    expect(JSON.stringify(role)).toContain("vpc-flow-logs.amazonaws.com");
    expect(JSON.stringify(role)).toContain("arn:aws:logs:us-east-1:123456789012:log-group:/flowscope/new:*");
  });
});

describe("terraformSnippet", () => {
  it.each([
    [
      "CloudWatch Logs, new",
      cwlNew,
      [
        'subnet_id                = "subnet-0a1b2c3d4e5f60718"',
        "log_destination          = aws_cloudwatch_log_group.flow_logs.arn",
        "iam_role_arn             = aws_iam_role.flow_logs.arn",
        'resource "aws_cloudwatch_log_group" "flow_logs"',
        "retention_in_days = 30",
      ],
    ],
    [
      "CloudWatch Logs, existing",
      cwlExisting,
      [
        'log_destination          = "arn:aws:logs:us-east-1:123456789012:log-group:/existing"',
        'iam_role_arn             = "arn:aws:iam::123456789012:role/publishFlowLogs"',
      ],
    ],
    [
      "S3",
      s3,
      [
        'log_destination_type     = "s3"',
        "destination_options {",
        'file_format                = "parquet"',
        "hive_compatible_partitions = true",
        "per_hour_partition         = true",
      ],
    ],
    [
      "Firehose",
      firehose,
      [
        'vpc_id                     = "vpc-00112233344556677"',
        'log_destination_type       = "kinesis-data-firehose"',
        'deliver_cross_account_role = "arn:aws:iam::210987654321:role/AWSLogDeliveryFirehoseCrossAccountRole"',
      ],
    ],
  ])("%s", (_, state, parts) => {
    const tf = terraformSnippet(buildPlan(state, ctx), ctx);
    for (const part of parts) expect(tf).toContain(part);
    expect(tf).toMatch(/resource "aws_flow_log" "(subnet|vpc)_[0-9a-f]+" \{/);
    expect(tf).toMatch(/log_format += "\$\$\{version\} \$\$\{srcaddr\} \$\$\{dstaddr\} \$\$\{action\}"/);
    expect(tf).toContain('"team" = "net\'s"');
  });
  it("escapes Terraform's template sequences", () => {
    expect(hclString('${a} %{b} "c"')).toBe('"$${a} %%{b} \\"c\\""');
  });
});

describe("terraformSnippet policies", () => {
  it("writes the role's policies with jsonencode, readable and unescaped", () => {
    const tf = terraformSnippet(buildPlan(cwlNew, ctx), ctx);
    expect(tf).toContain("assume_role_policy = jsonencode({");
    expect(tf).toContain('"Service": "vpc-flow-logs.amazonaws.com"');
    expect(tf).toContain('"arn:aws:logs:us-east-1:123456789012:log-group:/flowscope/new:*"');
  });
});
