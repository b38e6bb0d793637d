import { toLogFormat } from "@/lib/flow/format";
import { DELIVERY_POLICY_NAME, deliveryPolicy, trustPolicy } from "./policies";
import {
  chosenLogGroup,
  chosenRoleArn,
  firehoseCrossAccount,
  logGroupArnOf,
  type WizardContext,
  type WizardState,
} from "./state";

/** CreateFlowLogs' input as the EC2 API names it (what the SDK sends and the snippets mirror). */
export interface CreateFlowLogsInput {
  ResourceType: WizardState["resourceType"];
  ResourceIds: string[];
  TrafficType: WizardState["trafficType"];
  MaxAggregationInterval: 60 | 600;
  LogDestinationType: WizardState["destinationType"];
  LogGroupName?: string;
  LogDestination?: string;
  DeliverLogsPermissionArn?: string;
  DeliverCrossAccountRole?: string;
  DestinationOptions?: {
    FileFormat: "plain-text" | "parquet";
    HiveCompatiblePartitions: boolean;
    PerHourPartition: boolean;
  };
  LogFormat?: string;
  TagSpecifications?: { ResourceType: "vpc-flow-log"; Tags: { Key: string; Value: string }[] }[];
}

/** What the wizard asks AWS for, in order: the new log group, the new role, then the flow logs. */
export interface WizardPlan {
  logGroup?: { name: string; retentionInDays?: number };
  role?: { name: string; trustPolicy: object; policyName: string; permissionsPolicy: object };
  createFlowLogs: CreateFlowLogsInput;
}

const tagsOf = (s: WizardState) => s.tags.map((t) => ({ Key: t.key.trim(), Value: t.value }));

/** The request a valid wizard state stands for. Assumes validateWizard found nothing. */
export function buildPlan(s: WizardState, ctx: WizardContext): WizardPlan {
  const input: CreateFlowLogsInput = {
    ResourceType: s.resourceType,
    ResourceIds: [...s.resourceIds],
    TrafficType: s.trafficType,
    MaxAggregationInterval: s.maxAggregationInterval,
    LogDestinationType: s.destinationType,
  };
  let logGroup: WizardPlan["logGroup"];
  let role: WizardPlan["role"];
  if (s.destinationType === "cloud-watch-logs") {
    const group = chosenLogGroup(s);
    input.LogGroupName = group;
    input.DeliverLogsPermissionArn = chosenRoleArn(s, ctx);
    if (s.logGroupMode === "new")
      logGroup = { name: group, ...(s.retentionInDays > 0 ? { retentionInDays: s.retentionInDays } : {}) };
    if (s.roleMode === "new")
      role = {
        name: s.newRoleName.trim(),
        trustPolicy: trustPolicy(ctx),
        policyName: DELIVERY_POLICY_NAME,
        permissionsPolicy: deliveryPolicy(ctx, group),
      };
  } else if (s.destinationType === "s3") {
    input.LogDestination = s.s3BucketArn.trim();
    input.DestinationOptions = {
      FileFormat: s.s3FileFormat,
      HiveCompatiblePartitions: s.s3HivePartitions,
      PerHourPartition: s.s3PerHourPartition,
    };
  } else {
    input.LogDestination = s.firehoseStreamArn.trim();
    if (firehoseCrossAccount(s, ctx)) {
      input.DeliverLogsPermissionArn = s.firehoseSourceRoleArn.trim();
      input.DeliverCrossAccountRole = s.firehoseCrossAccountRoleArn.trim();
    }
  }
  if (s.formatMode === "custom") input.LogFormat = toLogFormat(s.fields);
  const tags = tagsOf(s);
  if (tags.length > 0) input.TagSpecifications = [{ ResourceType: "vpc-flow-log", Tags: tags }];
  return { ...(logGroup ? { logGroup } : {}), ...(role ? { role } : {}), createFlowLogs: input };
}

/** The destination as an ARN (what DescribeFlowLogs reports as LogDestination). */
export function destinationArn(s: WizardState, ctx: WizardContext): string {
  if (s.destinationType === "cloud-watch-logs") return logGroupArnOf(ctx, chosenLogGroup(s));
  return s.destinationType === "s3" ? s.s3BucketArn.trim() : s.firehoseStreamArn.trim();
}
