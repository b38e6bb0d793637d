import type { StepId } from "./state";

/** Where an AWS error belongs in the wizard: the step, and the field beside which it is shown. */
export interface ErrorPlace {
  step: StepId;
  field: string;
}

/** The AWS call that failed: the wizard's plan runs CreateLogGroup, CreateRole, then CreateFlowLogs. */
export type WizardCall =
  | "CreateLogGroup"
  | "PutRetentionPolicy"
  | "CreateRole"
  | "PutRolePolicy"
  | "CreateFlowLogs";

const RESOURCE_CODES =
  /^(FlowLogAlreadyExists|FlowLogsLimitExceeded|Invalid(Vpc|Subnet|NetworkInterface)ID\.(NotFound|Malformed))$/;

/**
 * Places an AWS error on the step it concerns: resource problems on step 1, format on step 5, role and
 * PassRole on step 4, destination problems on step 3; what names no step (the caller's own permissions,
 * throttling) stays on the review step.
 */
export function placeError(
  call: WizardCall,
  code: string,
  message: string,
  destinationType?: string,
): ErrorPlace {
  if (call === "CreateLogGroup" || call === "PutRetentionPolicy")
    return { step: "destination", field: call === "CreateLogGroup" ? "newLogGroup" : "retentionInDays" };
  if (call === "CreateRole" || call === "PutRolePolicy") return { step: "role", field: "newRoleName" };
  const text = `${code} ${message}`;
  if (RESOURCE_CODES.test(code) || /ResourceIds?\b|resource id/i.test(message))
    return { step: "resources", field: "resourceIds" };
  if (/LogFormat|\bfields?\b/i.test(message)) return { step: "format", field: "fields" };
  if (/iam:PassRole|DeliverLogsPermissionArn|role/i.test(text)) {
    if (destinationType === "cloud-watch-logs") return { step: "role", field: "existingRoleArn" };
    return { step: "destination", field: "firehoseSourceRoleArn" };
  }
  if (/MaxAggregationInterval|Aggregation/i.test(message))
    return { step: "traffic", field: "maxAggregationInterval" };
  if (/TrafficType/i.test(message)) return { step: "traffic", field: "trafficType" };
  if (/Tag/i.test(message)) return { step: "tags", field: "tags" };
  if (/LogDestination|LogGroupName|DestinationOptions|bucket|delivery stream/i.test(text))
    return {
      step: "destination",
      field:
        destinationType === "s3"
          ? "s3BucketArn"
          : destinationType === "kinesis-data-firehose"
            ? "firehoseStreamArn"
            : "existingLogGroup",
    };
  return { step: "review", field: "review" };
}
