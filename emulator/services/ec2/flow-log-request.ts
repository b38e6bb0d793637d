import { DEFAULT_LOG_FORMAT, parseLogFormat } from "../../../lib/flow/fields";
import { parseRoleArn } from "../../state/trust-policy";
import { AwsError, invalidParameterValue, missingParameter } from "../aws-error";
import { tagFieldSpecifications, tags } from "./flow-log-tags";
import { oneOf, str } from "./query-values";

type Input = Record<string, unknown>;

export const RESOURCE_TYPES = [
  "VPC",
  "Subnet",
  "NetworkInterface",
  "TransitGateway",
  "TransitGatewayAttachment",
  "RegionalNatGateway",
] as const;
export type FlowLogResourceType = (typeof RESOURCE_TYPES)[number];

const DESTINATION_TYPES = ["cloud-watch-logs", "s3", "kinesis-data-firehose"] as const;
type DestinationType = (typeof DESTINATION_TYPES)[number];

/** A checked CreateFlowLogs request: what every flow log it creates shares. */
export interface FlowLogRequest {
  resourceType: FlowLogResourceType;
  resourceIds: string[];
  trafficType?: string;
  destinationType: DestinationType;
  /** CloudWatch Logs: the log group; other destinations: undefined. */
  logGroupName?: string;
  logDestination: string;
  deliverLogsPermissionArn?: string;
  deliverCrossAccountRole?: string;
  logFormat: string;
  maxAggregationInterval: number;
  tags: { Key: string; Value: string }[];
  destinationOptions?: Record<string, unknown>;
  tagFieldSpecifications?: unknown[];
}

const invalid = (message: string) => new AwsError("InvalidParameter", message);
const isTransitGateway = (type: string) => type.startsWith("TransitGateway");

const GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;
const CWL_ARN = /^arn:aws[\w-]*:logs:([a-z0-9-]+):(\d{12}):log-group:([^:]+)$/;
const S3_ARN = /^arn:aws[\w-]*:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(\/.*)?$/;
const FIREHOSE_ARN = /^arn:aws[\w-]*:firehose:[a-z0-9-]+:\d{12}:deliverystream[/:][\w.-]{1,64}$/;

function destination(input: Input, type: DestinationType) {
  const groupName = str(input.LogGroupName);
  const logDestination = str(input.LogDestination);
  const role = str(input.DeliverLogsPermissionArn);
  if (role !== undefined && !parseRoleArn(role)) {
    throw invalidParameterValue(`DeliverLogsPermissionArn ${role} is not a valid IAM role ARN.`);
  }
  if (groupName !== undefined && type !== "cloud-watch-logs") {
    throw invalid("LogDestination type must be cloud-watch-logs if LogGroupName is provided.");
  }
  if (type === "cloud-watch-logs") {
    if (role === undefined)
      throw invalid("DeliverLogsPermissionArn can't be empty if LogDestinationType is cloud-watch-logs.");
    if (groupName !== undefined && logDestination !== undefined) {
      throw new AwsError(
        "InvalidParameterCombination",
        "LogGroupName and LogDestination cannot be specified together.",
      );
    }
    if (groupName === undefined && logDestination === undefined) {
      throw invalid("LogDestination can't be empty if LogGroupName is not provided.");
    }
    if (groupName !== undefined && !GROUP_NAME.test(groupName)) {
      throw invalidParameterValue(`LogGroupName ${groupName} is not a valid log group name.`);
    }
    const fromArn = logDestination === undefined ? undefined : CWL_ARN.exec(logDestination)?.[3];
    if (logDestination !== undefined && fromArn === undefined) {
      throw invalidParameterValue(
        `LogDestination ${logDestination} is not a valid CloudWatch Logs log group ARN.`,
      );
    }
    return { logGroupName: groupName ?? fromArn, logDestination, role };
  }
  if (logDestination === undefined)
    throw invalid(`LogDestination can't be empty if LogDestinationType is ${type}.`);
  if (type === "s3") {
    if (role !== undefined) throw invalid("DeliverLogsPermissionArn is not applicable for s3 delivery");
    const match = S3_ARN.exec(logDestination);
    if (!match) throw invalidParameterValue(`LogDestination ${logDestination} is not a valid S3 bucket ARN.`);
    if (match[2]?.split("/")[1] === "AWSLogs") {
      throw invalidParameterValue("LogDestination: AWSLogs cannot be used as a subfolder name.");
    }
  } else if (!FIREHOSE_ARN.test(logDestination)) {
    throw invalidParameterValue(`LogDestination ${logDestination} is not a valid delivery stream ARN.`);
  }
  return { logGroupName: undefined, logDestination, role };
}

function logFormat(input: Input): string {
  if (input.LogFormat === undefined) return DEFAULT_LOG_FORMAT;
  const format = String(input.LogFormat);
  const parsed = parseLogFormat(format);
  if (parsed.ok) return format;
  if (parsed.problem === "empty") throw invalid("LogFormat must contain at least one field.");
  const what = parsed.problem === "unknown" ? "Unknown fields" : "Invalid fields";
  throw invalid(`${what} provided in LogFormat: ${parsed.tokens.join(", ")}`);
}

/** CreateFlowLogs' request-wide checks (create-flow-logs.md §1–2); per-resource checks come later. */
export function checkFlowLogRequest(input: Input): FlowLogRequest {
  const resourceType = oneOf("ResourceType", RESOURCE_TYPES, input.ResourceType);
  if (resourceType === undefined) throw missingParameter("ResourceType");
  const ids = Array.isArray(input.ResourceIds)
    ? input.ResourceIds.filter((id): id is string => typeof id === "string")
    : [];
  if (ids.length === 0) throw missingParameter("ResourceIds");
  const tgw = isTransitGateway(resourceType);
  const maxIds = tgw ? 25 : 300;
  if (ids.length > maxIds)
    throw invalidParameterValue(
      `The number of ResourceIds (${ids.length}) exceeds the maximum of ${maxIds}.`,
    );
  const trafficType = oneOf("TrafficType", ["ACCEPT", "REJECT", "ALL"], input.TrafficType);
  if (!tgw && trafficType === undefined) throw missingParameter("TrafficType");
  if (tgw && trafficType !== undefined)
    throw invalid("TrafficType is not supported for transit gateway resource types.");
  const destinationType =
    oneOf("LogDestinationType", DESTINATION_TYPES, input.LogDestinationType) ?? "cloud-watch-logs";
  const dest = destination(input, destinationType);
  const interval =
    input.MaxAggregationInterval === undefined ? (tgw ? 60 : 600) : Number(input.MaxAggregationInterval);
  if (interval !== 60 && interval !== 600) throw invalid("Invalid Flow Log Max Aggregation Interval");
  if (tgw && interval !== 60)
    throw invalidParameterValue("MaxAggregationInterval must be 60 for transit gateway resource types.");
  const options = input.DestinationOptions as Input | undefined;
  if (options !== undefined && destinationType !== "s3")
    throw invalid("DestinationOptions can only be specified for s3 destinations.");
  oneOf("FileFormat", ["plain-text", "parquet"], options?.FileFormat);
  return {
    resourceType,
    resourceIds: [...new Set(ids)],
    trafficType,
    destinationType,
    logGroupName: dest.logGroupName,
    logDestination: dest.logDestination ?? "",
    deliverLogsPermissionArn: dest.role,
    deliverCrossAccountRole: str(input.DeliverCrossAccountRole),
    logFormat: logFormat(input),
    maxAggregationInterval: interval,
    tags: tags(input),
    destinationOptions:
      destinationType === "s3"
        ? { FileFormat: "plain-text", HiveCompatiblePartitions: false, PerHourPartition: false, ...options }
        : undefined,
    tagFieldSpecifications: tagFieldSpecifications(input),
  };
}
