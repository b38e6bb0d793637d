import { describe, expect, it } from "vitest";
import { validateStep, validateWizard } from "./schema";
import { INITIAL_STATE, type StepId, type WizardState } from "./state";

const ctx = { accountId: "123456789012", region: "us-east-1" };
const valid: WizardState = {
  ...INITIAL_STATE,
  resourceIds: ["subnet-0a1b2c3d4e5f60718"],
  newLogGroup: "/flowscope/new",
  newRoleName: "flow-logs-delivery",
};

describe("validateStep: a bad input at each step names its field", () => {
  it.each<[string, StepId, Partial<WizardState>, string, RegExp]>([
    ["no resource", "resources", { resourceIds: [] }, "resourceIds", /pick at least one/],
    [
      "a VPC id for subnets",
      "resources",
      { resourceIds: ["vpc-0a1b2c3d"] },
      "resourceIds",
      /not a subnet id/,
    ],
    [
      "the same resource twice",
      "resources",
      { resourceIds: ["subnet-0a1b2c3d", "subnet-0a1b2c3d"] },
      "resourceIds",
      /only once/,
    ],
    [
      "too many resources",
      "resources",
      { resourceIds: Array.from({ length: 301 }, (_, i) => `subnet-${String(i).padStart(8, "0")}`) },
      "resourceIds",
      /at most 300/,
    ],
    [
      "an interval of 5 minutes",
      "traffic",
      { maxAggregationInterval: 300 as 60 },
      "maxAggregationInterval",
      /1 minute or 10 minutes/,
    ],
    [
      "a bad traffic type",
      "traffic",
      { trafficType: "SOME" as "ALL" },
      "trafficType",
      /ALL, ACCEPT or REJECT/,
    ],
    ["no new log group name", "destination", { newLogGroup: "" }, "newLogGroup", /enter a name/],
    [
      "a log group name with spaces",
      "destination",
      { newLogGroup: "my group" },
      "newLogGroup",
      /letters, digits/,
    ],
    [
      "a retention CloudWatch does not offer",
      "destination",
      { retentionInDays: 2 },
      "retentionInDays",
      /retention periods/,
    ],
    [
      "no existing log group",
      "destination",
      { logGroupMode: "existing" },
      "existingLogGroup",
      /pick an existing/,
    ],
    [
      "an S3 ARN that is a URL",
      "destination",
      { destinationType: "s3", s3BucketArn: "s3://bucket" },
      "s3BucketArn",
      /must look like/,
    ],
    [
      "an AWSLogs folder",
      "destination",
      { destinationType: "s3", s3BucketArn: "arn:aws:s3:::my-bucket/AWSLogs/" },
      "s3BucketArn",
      /AWSLogs/,
    ],
    [
      "a Firehose ARN of another service",
      "destination",
      {
        destinationType: "kinesis-data-firehose",
        firehoseStreamArn: "arn:aws:kinesis:us-east-1:123456789012:stream/x",
      },
      "firehoseStreamArn",
      /deliverystream/,
    ],
    [
      "a cross-account stream without roles",
      "destination",
      {
        destinationType: "kinesis-data-firehose",
        firehoseStreamArn: "arn:aws:firehose:us-east-1:210987654321:deliverystream/x",
      },
      "firehoseSourceRoleArn",
      /another account/,
    ],
    [
      "a cross-account role with a wrong name",
      "destination",
      {
        destinationType: "kinesis-data-firehose",
        firehoseStreamArn: "arn:aws:firehose:us-east-1:210987654321:deliverystream/x",
        firehoseSourceRoleArn: "arn:aws:iam::123456789012:role/src",
        firehoseCrossAccountRoleArn: "arn:aws:iam::210987654321:role/other",
      },
      "firehoseCrossAccountRoleArn",
      /must start with AWSLogDeliveryFirehoseCrossAccountRole/,
    ],
    ["no role picked", "role", { roleMode: "existing" }, "existingRoleArn", /pick a role/],
    [
      "a role of another account",
      "role",
      { roleMode: "existing", existingRoleArn: "arn:aws:iam::210987654321:role/x" },
      "existingRoleArn",
      /in this account/,
    ],
    ["a role name with a space", "role", { newRoleName: "flow logs" }, "newRoleName", /no spaces/],
    [
      "a custom format with no field",
      "format",
      { formatMode: "custom", fields: [] },
      "fields",
      /at least one field/,
    ],
    [
      "an unknown field",
      "format",
      { formatMode: "custom", fields: ["version", "colour"] },
      "fields",
      /unknown field colour/,
    ],
    [
      "a tag field",
      "format",
      { formatMode: "custom", fields: ["instance-tag"] },
      "fields",
      /TagFieldSpecifications/,
    ],
    ["an empty tag key", "tags", { tags: [{ key: " ", value: "x" }] }, "tags.0.key", /enter a key/],
    ["an aws: tag key", "tags", { tags: [{ key: "aws:owner", value: "x" }] }, "tags.0.key", /reserved/],
    [
      "a tag key twice",
      "tags",
      {
        tags: [
          { key: "team", value: "a" },
          { key: "team", value: "b" },
        ],
      },
      "tags.1.key",
      /used twice/,
    ],
  ])("%s", (_, step, change, field, message) => {
    const issues = validateStep(step, { ...valid, ...change }, ctx);
    expect(issues).toContainEqual({ field, message: expect.stringMatching(message) });
  });

  it.each(["resources", "traffic", "destination", "role", "format", "tags", "review"] as const)(
    "a valid state passes %s",
    (step) => {
      expect(validateStep(step, valid, ctx)).toEqual([]);
    },
  );

  it("rejects what is not a wizard state at all", () => {
    expect(validateStep("resources", "nonsense", ctx)[0]?.field).toBe("resources");
  });
});

describe("validateWizard", () => {
  it("reports the first step with a problem", () => {
    expect(
      validateWizard({ ...valid, fields: [], formatMode: "custom", tags: [{ key: "", value: "" }] }, ctx)
        ?.step,
    ).toBe("format");
  });
  it("skips the role step for S3", () => {
    const s3 = {
      ...valid,
      destinationType: "s3",
      s3BucketArn: "arn:aws:s3:::flow-bucket/logs/",
      newRoleName: "",
    };
    expect(validateWizard(s3, ctx)).toBeUndefined();
  });
});
