// biome-ignore-all lint/suspicious/noTemplateCurlyInString: LogFormat strings are written ${field}
import { describe, expect, it } from "vitest";
import { placeError, type WizardCall } from "./errors";

describe("placeError", () => {
  it.each<[WizardCall, string, string, string | undefined, string, string]>([
    [
      "CreateFlowLogs",
      "FlowLogAlreadyExists",
      "Error. There is an existing Flow Log with the same configuration",
      "cloud-watch-logs",
      "resources",
      "resourceIds",
    ],
    [
      "CreateFlowLogs",
      "InvalidSubnetID.NotFound",
      "The subnet ID 'subnet-1' does not exist",
      "cloud-watch-logs",
      "resources",
      "resourceIds",
    ],
    [
      "CreateFlowLogs",
      "InvalidParameter",
      "Unknown fields provided in LogFormat: ${x}",
      "cloud-watch-logs",
      "format",
      "fields",
    ],
    [
      "CreateFlowLogs",
      "UnauthorizedOperation",
      "You are not authorized to perform iam:PassRole",
      "cloud-watch-logs",
      "role",
      "existingRoleArn",
    ],
    [
      "CreateFlowLogs",
      "InvalidParameterValue",
      "LogDestination arn:aws:s3:::x is not a valid S3 bucket ARN.",
      "s3",
      "destination",
      "s3BucketArn",
    ],
    [
      "CreateFlowLogs",
      "InvalidParameter",
      "Invalid Flow Log Max Aggregation Interval",
      "s3",
      "traffic",
      "maxAggregationInterval",
    ],
    ["CreateFlowLogs", "InvalidParameterValue", "Tag key 'aws:x' is not valid.", "s3", "tags", "tags"],
    ["CreateFlowLogs", "RequestLimitExceeded", "Request limit exceeded.", "s3", "review", "review"],
    [
      "CreateRole",
      "EntityAlreadyExists",
      "Role with name x already exists.",
      "cloud-watch-logs",
      "role",
      "newRoleName",
    ],
    [
      "CreateLogGroup",
      "ResourceAlreadyExistsException",
      "The specified log group already exists",
      "cloud-watch-logs",
      "destination",
      "newLogGroup",
    ],
  ])("%s %s → %s", (call, code, message, destination, step, field) => {
    expect(placeError(call, code, message, destination)).toEqual({ step, field });
  });
});
