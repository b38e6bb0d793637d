import { z } from "zod";
import { flowLogField } from "@/lib/flow/fields";
import {
  activeSteps,
  firehoseCrossAccount,
  type StepId,
  type WizardContext,
  type WizardState,
} from "./state";

/** One problem, named by the state key it concerns (`resourceIds`, `tags.2.key`, …), in words a person reads. */
export interface StepIssue {
  field: string;
  message: string;
}

const ID_PREFIX = { VPC: "vpc", Subnet: "subnet", NetworkInterface: "eni" } as const;
const NOUN = { VPC: "VPC", Subnet: "subnet", NetworkInterface: "network interface" } as const;
/** CreateFlowLogs takes at most 300 resource ids for VPC, subnet and interface types (create-flow-logs.md §1). */
export const MAX_RESOURCES = 300;
/** CloudWatch Logs' allowed retention periods, in days (0 here: never expire). */
export const RETENTION_DAYS = [
  0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;
/** Tag fields need TagFieldSpecifications (tag keys), which the wizard does not set. */
export const TAG_FIELDS = new Set([
  "instance-tag",
  "instance-tag-2",
  "interface-tag",
  "interface-tag-2",
  "asg-tag",
  "asg-tag-2",
]);

export const LOG_GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;
export const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
export const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/(?:[\x21-\x7e]*\/)?[\w+=,.@-]{1,64}$/;
export const S3_BUCKET_ARN = /^arn:aws[\w-]*:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(\/.*)?$/;
export const FIREHOSE_ARN = /^arn:aws[\w-]*:firehose:[a-z0-9-]+:\d{12}:deliverystream\/[\w.-]{1,64}$/;
const CROSS_ACCOUNT_ROLE_PREFIX = "AWSLogDeliveryFirehoseCrossAccountRole";

const resources = z
  .object({
    resourceType: z.enum(["VPC", "Subnet", "NetworkInterface"], {
      error: "Resource type: choose VPC, subnet or network interface.",
    }),
    resourceIds: z
      .array(z.string(), { error: "Resources: pick at least one." })
      .min(1, { error: "Resources: pick at least one." })
      .max(MAX_RESOURCES, { error: `Resources: at most ${MAX_RESOURCES} in one request.` }),
  })
  .superRefine((v, ctx) => {
    const prefix = ID_PREFIX[v.resourceType];
    const pattern = new RegExp(`^${prefix}-[0-9a-f]{8,17}$`);
    const wrong = v.resourceIds.filter((id) => !pattern.test(id));
    if (wrong.length > 0)
      ctx.addIssue({
        code: "custom",
        path: ["resourceIds"],
        message: `Resources: ${wrong.slice(0, 3).join(", ")} ${wrong.length === 1 ? "is not a" : "are not"} ${NOUN[v.resourceType]} id${wrong.length === 1 ? "" : "s"} (${prefix}-…).`,
      });
    if (new Set(v.resourceIds).size !== v.resourceIds.length)
      ctx.addIssue({ code: "custom", path: ["resourceIds"], message: "Resources: each resource only once." });
  });

const traffic = z.object({
  trafficType: z.enum(["ALL", "ACCEPT", "REJECT"], { error: "Traffic type: choose ALL, ACCEPT or REJECT." }),
  maxAggregationInterval: z.union([z.literal(60), z.literal(600)], {
    error: "Aggregation interval: choose 1 minute or 10 minutes.",
  }),
});

const destination = (wctx: WizardContext) =>
  z
    .object({
      destinationType: z.enum(["cloud-watch-logs", "s3", "kinesis-data-firehose"], {
        error: "Destination: choose CloudWatch Logs, S3 or Firehose.",
      }),
      logGroupMode: z.enum(["existing", "new"]),
      existingLogGroup: z.string(),
      newLogGroup: z.string(),
      retentionInDays: z.number(),
      s3BucketArn: z.string(),
      s3FileFormat: z.enum(["plain-text", "parquet"], { error: "File format: plain text or Parquet." }),
      s3HivePartitions: z.boolean(),
      s3PerHourPartition: z.boolean(),
      firehoseStreamArn: z.string(),
      firehoseSourceRoleArn: z.string(),
      firehoseCrossAccountRoleArn: z.string(),
    })
    .superRefine((v, ctx) => {
      const issue = (field: string, message: string) =>
        ctx.addIssue({ code: "custom", path: [field], message });
      if (v.destinationType === "cloud-watch-logs") {
        if (v.logGroupMode === "existing") {
          if (!v.existingLogGroup.trim()) issue("existingLogGroup", "Log group: pick an existing log group.");
        } else {
          const name = v.newLogGroup.trim();
          if (!name) issue("newLogGroup", "New log group: enter a name.");
          else if (!LOG_GROUP_NAME.test(name))
            issue(
              "newLogGroup",
              "New log group: up to 512 characters of letters, digits and . - _ / # only.",
            );
          else if (name.startsWith("aws/"))
            issue("newLogGroup", "New log group: names starting with aws/ are reserved by AWS.");
          if (!(RETENTION_DAYS as readonly number[]).includes(v.retentionInDays))
            issue("retentionInDays", "Retention: choose one of CloudWatch Logs' retention periods.");
        }
      } else if (v.destinationType === "s3") {
        const arn = v.s3BucketArn.trim();
        const match = S3_BUCKET_ARN.exec(arn);
        if (!arn)
          issue("s3BucketArn", "Bucket ARN: enter arn:aws:s3:::bucket or arn:aws:s3:::bucket/folder/.");
        else if (!match)
          issue(
            "s3BucketArn",
            "Bucket ARN: must look like arn:aws:s3:::my-bucket or arn:aws:s3:::my-bucket/folder/.",
          );
        else if (match[2]?.split("/")[1] === "AWSLogs")
          issue("s3BucketArn", "Bucket ARN: AWSLogs cannot be the folder name (AWS adds it itself).");
      } else {
        const arn = v.firehoseStreamArn.trim();
        if (!FIREHOSE_ARN.test(arn))
          issue(
            "firehoseStreamArn",
            "Delivery stream ARN: must look like arn:aws:firehose:region:account:deliverystream/name.",
          );
        else if (firehoseCrossAccount(v as WizardState, wctx)) {
          if (!ROLE_ARN.test(v.firehoseSourceRoleArn.trim()))
            issue(
              "firehoseSourceRoleArn",
              "Source role: a stream in another account needs a role ARN of this account for delivery.",
            );
          const cross = v.firehoseCrossAccountRoleArn.trim();
          if (!ROLE_ARN.test(cross))
            issue(
              "firehoseCrossAccountRoleArn",
              "Cross-account role: enter the destination account's role ARN.",
            );
          else if (!cross.split("/").at(-1)?.startsWith(CROSS_ACCOUNT_ROLE_PREFIX))
            issue(
              "firehoseCrossAccountRoleArn",
              `Cross-account role: its name must start with ${CROSS_ACCOUNT_ROLE_PREFIX}.`,
            );
        }
      }
    });

const role = (wctx: WizardContext) =>
  z
    .object({ roleMode: z.enum(["existing", "new"]), existingRoleArn: z.string(), newRoleName: z.string() })
    .superRefine((v, ctx) => {
      const issue = (field: string, message: string) =>
        ctx.addIssue({ code: "custom", path: [field], message });
      if (v.roleMode === "existing") {
        const arn = v.existingRoleArn.trim();
        if (!arn)
          issue("existingRoleArn", "Delivery role: pick a role that trusts vpc-flow-logs.amazonaws.com.");
        else if (!ROLE_ARN.test(arn)) issue("existingRoleArn", "Delivery role: not an IAM role ARN.");
        else if (arn.split(":")[4] !== wctx.accountId)
          issue("existingRoleArn", `Delivery role: it must be in this account (${wctx.accountId}).`);
      } else {
        const name = v.newRoleName.trim();
        if (!name) issue("newRoleName", "Role name: enter a name for the new role.");
        else if (!ROLE_NAME.test(name))
          issue("newRoleName", "Role name: up to 64 letters, digits and + = , . @ _ - (no spaces).");
      }
    });

const format = z
  .object({ formatMode: z.enum(["default", "custom"]), fields: z.array(z.string()) })
  .superRefine((v, ctx) => {
    if (v.formatMode === "default") return;
    const issue = (message: string) => ctx.addIssue({ code: "custom", path: ["fields"], message });
    if (v.fields.length === 0) return issue("Fields: a custom format needs at least one field.");
    const unknown = v.fields.filter((name) => !flowLogField(name));
    if (unknown.length > 0) return issue(`Fields: unknown field ${unknown.join(", ")}.`);
    const tagFields = v.fields.filter((name) => TAG_FIELDS.has(name));
    if (tagFields.length > 0)
      return issue(
        `Fields: ${tagFields.join(", ")} need tag keys (TagFieldSpecifications), which this wizard does not set.`,
      );
    if (new Set(v.fields).size !== v.fields.length) issue("Fields: each field only once.");
  });

const tags = z.object({
  tags: z
    .array(
      z.object({
        key: z
          .string()
          .trim()
          .min(1, { error: "Tag key: enter a key (or remove the row)." })
          .max(128, { error: "Tag key: at most 128 characters." })
          .refine((k) => !k.toLowerCase().startsWith("aws:"), {
            error: "Tag key: keys starting with aws: are reserved.",
          }),
        value: z.string().max(256, { error: "Tag value: at most 256 characters." }),
      }),
    )
    .max(50, { error: "Tags: at most 50." })
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((tag, i) => {
        const key = tag.key.trim();
        if (seen.has(key))
          ctx.addIssue({ code: "custom", path: [i, "key"], message: `Tag key: ${key} is used twice.` });
        seen.add(key);
      });
    }),
});

const review = z.object({});

type StepSchema = z.ZodType<unknown>;

function schemaOf(step: StepId, ctx: WizardContext): StepSchema {
  switch (step) {
    case "resources":
      return resources;
    case "traffic":
      return traffic;
    case "destination":
      return destination(ctx);
    case "role":
      return role(ctx);
    case "format":
      return format;
    case "tags":
      return tags;
    case "review":
      return review;
  }
}

/** The issues of one step (empty: the step is valid). Client and server run the same code. */
export function validateStep(step: StepId, state: unknown, ctx: WizardContext): StepIssue[] {
  const parsed = schemaOf(step, ctx).safeParse(state);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join(".") : step,
    message: issue.message,
  }));
}

/** The first step with an issue, and its issues; undefined when the whole wizard is valid. */
export function validateWizard(
  state: unknown,
  ctx: WizardContext,
): { step: StepId; issues: StepIssue[] } | undefined {
  const destinationType =
    typeof state === "object" && state !== null && "destinationType" in state
      ? (state as { destinationType: unknown }).destinationType
      : undefined;
  const steps = activeSteps({
    destinationType: destinationType === "cloud-watch-logs" ? "cloud-watch-logs" : "s3",
  });
  for (const step of steps) {
    const issues = validateStep(step, state, ctx);
    if (issues.length > 0) return { step, issues };
  }
  return undefined;
}

/** The state, once valid, read with the schemas' types (the server never trusts the client's shape). */
export const wizardStateSchema = z.object({
  resourceType: z.enum(["VPC", "Subnet", "NetworkInterface"]),
  resourceIds: z.array(z.string()),
  trafficType: z.enum(["ALL", "ACCEPT", "REJECT"]),
  maxAggregationInterval: z.union([z.literal(60), z.literal(600)]),
  destinationType: z.enum(["cloud-watch-logs", "s3", "kinesis-data-firehose"]),
  logGroupMode: z.enum(["existing", "new"]),
  existingLogGroup: z.string(),
  newLogGroup: z.string(),
  retentionInDays: z.number(),
  s3BucketArn: z.string(),
  s3FileFormat: z.enum(["plain-text", "parquet"]),
  s3HivePartitions: z.boolean(),
  s3PerHourPartition: z.boolean(),
  firehoseStreamArn: z.string(),
  firehoseSourceRoleArn: z.string(),
  firehoseCrossAccountRoleArn: z.string(),
  roleMode: z.enum(["existing", "new"]),
  existingRoleArn: z.string(),
  newRoleName: z.string(),
  formatMode: z.enum(["default", "custom"]),
  fields: z.array(z.string()),
  tags: z.array(z.object({ key: z.string(), value: z.string() })),
}) satisfies z.ZodType<WizardState>;
