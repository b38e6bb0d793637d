import type { CreateFlowLogsInput, WizardPlan } from "./request";
import { logGroupArnOf, type WizardContext } from "./state";

/** POSIX shell single quotes: `${…}` and spaces stay literal, a `'` becomes `'\''`. */
export const shellQuote = (value: string): string =>
  /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;

const compactJson = (value: unknown) => JSON.stringify(value);

/** The same request as AWS CLI commands (the log group and role first, when the wizard creates them). */
export function cliSnippet(plan: WizardPlan, ctx: WizardContext): string {
  const commands: string[][] = [];
  const region = ["--region", ctx.region];
  if (plan.logGroup) {
    commands.push(["aws", "logs", "create-log-group", ...region, "--log-group-name", plan.logGroup.name]);
    if (plan.logGroup.retentionInDays)
      commands.push([
        "aws",
        "logs",
        "put-retention-policy",
        ...region,
        "--log-group-name",
        plan.logGroup.name,
        "--retention-in-days",
        String(plan.logGroup.retentionInDays),
      ]);
  }
  if (plan.role) {
    commands.push([
      "aws",
      "iam",
      "create-role",
      "--role-name",
      plan.role.name,
      "--assume-role-policy-document",
      compactJson(plan.role.trustPolicy),
    ]);
    commands.push([
      "aws",
      "iam",
      "put-role-policy",
      "--role-name",
      plan.role.name,
      "--policy-name",
      plan.role.policyName,
      "--policy-document",
      compactJson(plan.role.permissionsPolicy),
    ]);
  }
  commands.push(createFlowLogsArgs(plan.createFlowLogs, region));
  return commands.map(formatCommand).join("\n\n");
}

function createFlowLogsArgs(input: CreateFlowLogsInput, region: string[]): string[] {
  const args = ["aws", "ec2", "create-flow-logs", ...region];
  args.push("--resource-type", input.ResourceType, "--resource-ids", ...input.ResourceIds);
  args.push("--traffic-type", input.TrafficType);
  args.push("--max-aggregation-interval", String(input.MaxAggregationInterval));
  args.push("--log-destination-type", input.LogDestinationType);
  if (input.LogGroupName) args.push("--log-group-name", input.LogGroupName);
  if (input.LogDestination) args.push("--log-destination", input.LogDestination);
  if (input.DeliverLogsPermissionArn)
    args.push("--deliver-logs-permission-arn", input.DeliverLogsPermissionArn);
  if (input.DeliverCrossAccountRole) args.push("--deliver-cross-account-role", input.DeliverCrossAccountRole);
  if (input.DestinationOptions) {
    const o = input.DestinationOptions;
    args.push(
      "--destination-options",
      `FileFormat=${o.FileFormat},HiveCompatiblePartitions=${o.HiveCompatiblePartitions},PerHourPartition=${o.PerHourPartition}`,
    );
  }
  if (input.LogFormat) args.push("--log-format", input.LogFormat);
  if (input.TagSpecifications) args.push("--tag-specifications", compactJson(input.TagSpecifications));
  return args;
}

/** One argument (or flag with its values) per line, continued with backslashes. */
function formatCommand(args: string[]): string {
  const lines: string[] = [];
  let current: string[] = [];
  for (const arg of args) {
    if (arg.startsWith("--") && current.length > 0) {
      lines.push(current.join(" "));
      current = [];
    }
    current.push(shellQuote(arg));
  }
  lines.push(current.join(" "));
  return lines.join(" \\\n    ");
}

// --- CloudFormation ------------------------------------------------------------------------------------

/** A logical id from a resource id: `subnet-0abc` → `FlowLogSubnet0abc`. */
const logicalId = (resourceId: string): string =>
  `FlowLog${resourceId
    .split(/[^A-Za-z0-9]/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join("")}`;

/** AWS::EC2::FlowLog takes one ResourceId: one resource per monitored VPC, subnet or interface. */
export function cloudFormationSnippet(plan: WizardPlan): string {
  const resources: Record<string, unknown> = {};
  const input = plan.createFlowLogs;
  if (plan.logGroup)
    resources.FlowLogsLogGroup = {
      Type: "AWS::Logs::LogGroup",
      Properties: {
        LogGroupName: plan.logGroup.name,
        ...(plan.logGroup.retentionInDays ? { RetentionInDays: plan.logGroup.retentionInDays } : {}),
      },
    };
  if (plan.role)
    resources.FlowLogsDeliveryRole = {
      Type: "AWS::IAM::Role",
      Properties: {
        RoleName: plan.role.name,
        AssumeRolePolicyDocument: plan.role.trustPolicy,
        Policies: [{ PolicyName: plan.role.policyName, PolicyDocument: plan.role.permissionsPolicy }],
      },
    };
  for (const resourceId of input.ResourceIds) {
    const properties: Record<string, unknown> = {
      ResourceId: resourceId,
      ResourceType: input.ResourceType,
      TrafficType: input.TrafficType,
      MaxAggregationInterval: input.MaxAggregationInterval,
      LogDestinationType: input.LogDestinationType,
    };
    if (input.LogGroupName)
      properties.LogGroupName = plan.logGroup ? { Ref: "FlowLogsLogGroup" } : input.LogGroupName;
    if (input.LogDestination) properties.LogDestination = input.LogDestination;
    if (input.DeliverLogsPermissionArn)
      properties.DeliverLogsPermissionArn = plan.role
        ? { "Fn::GetAtt": ["FlowLogsDeliveryRole", "Arn"] }
        : input.DeliverLogsPermissionArn;
    if (input.DeliverCrossAccountRole) properties.DeliverCrossAccountRole = input.DeliverCrossAccountRole;
    if (input.DestinationOptions) properties.DestinationOptions = input.DestinationOptions;
    if (input.LogFormat) properties.LogFormat = input.LogFormat;
    const tags = input.TagSpecifications?.[0]?.Tags;
    if (tags?.length) properties.Tags = tags;
    resources[logicalId(resourceId)] = { Type: "AWS::EC2::FlowLog", Properties: properties };
  }
  return JSON.stringify({ AWSTemplateFormatVersion: "2010-09-09", Resources: resources }, null, 2);
}

// --- Terraform -----------------------------------------------------------------------------------------

/** An HCL string literal; `${` and `%{` are escaped so Terraform does not interpolate the LogFormat. */
export const hclString = (value: string): string =>
  JSON.stringify(value).replace(/([$%])\{/g, (_, sign: string) => `${sign}${sign}{`);

/** `jsonencode({...})`: JSON object syntax is valid HCL (`"key": value`), escaped like any HCL string. */
const hclJson = (value: object): string =>
  `jsonencode(${JSON.stringify(value, null, 2)
    .replace(/([$%])\{/g, (_, sign: string) => `${sign}${sign}{`)
    .replace(/\n/g, "\n  ")})`;

const TF_ID_ARGUMENT = { VPC: "vpc_id", Subnet: "subnet_id", NetworkInterface: "eni_id" } as const;

const tfName = (resourceId: string) => resourceId.replace(/[^A-Za-z0-9_]/g, "_");

function hclBlock(lines: [string, string][], indent = "  "): string {
  const width = Math.max(...lines.map(([k]) => k.length));
  return lines.map(([k, v]) => `${indent}${k.padEnd(width)} = ${v}`).join("\n");
}

/** `aws_flow_log` resources (one per resource id), plus the log group and role when the wizard creates them. */
export function terraformSnippet(plan: WizardPlan, ctx: WizardContext): string {
  const blocks: string[] = [];
  const input = plan.createFlowLogs;
  if (plan.logGroup) {
    const lines: [string, string][] = [["name", hclString(plan.logGroup.name)]];
    if (plan.logGroup.retentionInDays)
      lines.push(["retention_in_days", String(plan.logGroup.retentionInDays)]);
    blocks.push(`resource "aws_cloudwatch_log_group" "flow_logs" {\n${hclBlock(lines)}\n}`);
  }
  if (plan.role) {
    blocks.push(
      `resource "aws_iam_role" "flow_logs" {\n${hclBlock([
        ["name", hclString(plan.role.name)],
        ["assume_role_policy", hclJson(plan.role.trustPolicy)],
      ])}\n}`,
    );
    blocks.push(
      `resource "aws_iam_role_policy" "flow_logs" {\n${hclBlock([
        ["name", hclString(plan.role.policyName)],
        ["role", "aws_iam_role.flow_logs.id"],
        ["policy", hclJson(plan.role.permissionsPolicy)],
      ])}\n}`,
    );
  }
  for (const resourceId of input.ResourceIds) {
    const lines: [string, string][] = [
      [TF_ID_ARGUMENT[input.ResourceType], hclString(resourceId)],
      ["traffic_type", hclString(input.TrafficType)],
      ["max_aggregation_interval", String(input.MaxAggregationInterval)],
      ["log_destination_type", hclString(input.LogDestinationType)],
    ];
    if (input.LogDestinationType === "cloud-watch-logs") {
      lines.push([
        "log_destination",
        plan.logGroup
          ? "aws_cloudwatch_log_group.flow_logs.arn"
          : hclString(logGroupArnOf(ctx, input.LogGroupName ?? "")),
      ]);
    } else if (input.LogDestination) {
      lines.push(["log_destination", hclString(input.LogDestination)]);
    }
    if (input.DeliverLogsPermissionArn)
      lines.push([
        "iam_role_arn",
        plan.role ? "aws_iam_role.flow_logs.arn" : hclString(input.DeliverLogsPermissionArn),
      ]);
    if (input.DeliverCrossAccountRole)
      lines.push(["deliver_cross_account_role", hclString(input.DeliverCrossAccountRole)]);
    if (input.LogFormat) lines.push(["log_format", hclString(input.LogFormat)]);
    let body = hclBlock(lines);
    if (input.DestinationOptions) {
      const o = input.DestinationOptions;
      body += `\n\n  destination_options {\n${hclBlock(
        [
          ["file_format", hclString(o.FileFormat)],
          ["hive_compatible_partitions", String(o.HiveCompatiblePartitions)],
          ["per_hour_partition", String(o.PerHourPartition)],
        ],
        "    ",
      )}\n  }`;
    }
    const tags = input.TagSpecifications?.[0]?.Tags ?? [];
    if (tags.length > 0)
      body += `\n\n  tags = {\n${hclBlock(
        tags.map((t) => [hclString(t.Key), hclString(t.Value)]),
        "    ",
      )}\n  }`;
    blocks.push(`resource "aws_flow_log" "${tfName(resourceId)}" {\n${body}\n}`);
  }
  return blocks.join("\n\n");
}
