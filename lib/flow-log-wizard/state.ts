/** Everything the wizard holds, flat, so switching a choice back and forth never loses what was typed. */
export interface WizardState {
  resourceType: "VPC" | "Subnet" | "NetworkInterface";
  resourceIds: string[];
  trafficType: "ALL" | "ACCEPT" | "REJECT";
  maxAggregationInterval: 60 | 600;
  destinationType: "cloud-watch-logs" | "s3" | "kinesis-data-firehose";
  logGroupMode: "existing" | "new";
  existingLogGroup: string;
  newLogGroup: string;
  /** Days, or 0 for "never expire". */
  retentionInDays: number;
  s3BucketArn: string;
  s3FileFormat: "plain-text" | "parquet";
  s3HivePartitions: boolean;
  s3PerHourPartition: boolean;
  firehoseStreamArn: string;
  /** Cross-account Firehose only: the source-account role (DeliverLogsPermissionArn). */
  firehoseSourceRoleArn: string;
  /** Cross-account Firehose only: the destination-account role (DeliverCrossAccountRole). */
  firehoseCrossAccountRoleArn: string;
  roleMode: "existing" | "new";
  existingRoleArn: string;
  newRoleName: string;
  formatMode: "default" | "custom";
  fields: string[];
  tags: { key: string; value: string }[];
}

export const STEPS = ["resources", "traffic", "destination", "role", "format", "tags", "review"] as const;
export type StepId = (typeof STEPS)[number];

export const STEP_TITLES: Record<StepId, string> = {
  resources: "Resources",
  traffic: "Traffic and interval",
  destination: "Destination",
  role: "Delivery role",
  format: "Record format",
  tags: "Tags",
  review: "Review and create",
};

/** The steps that apply: the delivery role is asked for CloudWatch Logs only (Firehose's roles are on its step). */
export function activeSteps(state: Pick<WizardState, "destinationType">): StepId[] {
  return STEPS.filter((step) => step !== "role" || state.destinationType === "cloud-watch-logs");
}

export const isStepId = (value: unknown): value is StepId =>
  typeof value === "string" && (STEPS as readonly string[]).includes(value);

export const INITIAL_STATE: WizardState = {
  resourceType: "Subnet",
  resourceIds: [],
  trafficType: "ALL",
  maxAggregationInterval: 600,
  destinationType: "cloud-watch-logs",
  logGroupMode: "new",
  existingLogGroup: "",
  newLogGroup: "",
  retentionInDays: 30,
  s3BucketArn: "",
  s3FileFormat: "plain-text",
  s3HivePartitions: false,
  s3PerHourPartition: false,
  firehoseStreamArn: "",
  firehoseSourceRoleArn: "",
  firehoseCrossAccountRoleArn: "",
  roleMode: "new",
  existingRoleArn: "",
  newRoleName: "",
  formatMode: "default",
  fields: [],
  tags: [],
};

/** Where the wizard runs: the account and region the request is for. */
export interface WizardContext {
  accountId: string;
  region: string;
}

/** `arn:aws:iam::123456789012:role/name` for a role created at path `/`. */
export const roleArnOf = (ctx: WizardContext, roleName: string): string =>
  `arn:aws:iam::${ctx.accountId}:role/${roleName}`;

export const logGroupArnOf = (ctx: WizardContext, name: string): string =>
  `arn:aws:logs:${ctx.region}:${ctx.accountId}:log-group:${name}`;

/** The log group the flow log writes to (CloudWatch Logs destinations). */
export const chosenLogGroup = (s: WizardState): string =>
  s.logGroupMode === "new" ? s.newLogGroup.trim() : s.existingLogGroup.trim();

/** The delivery role's ARN (CloudWatch Logs destinations). */
export const chosenRoleArn = (s: WizardState, ctx: WizardContext): string =>
  s.roleMode === "new" ? roleArnOf(ctx, s.newRoleName.trim()) : s.existingRoleArn.trim();

/** Whether the Firehose stream lives in another account than the monitored resources. */
export function firehoseCrossAccount(s: WizardState, ctx: WizardContext): boolean {
  const account = /^arn:aws[\w-]*:firehose:[a-z0-9-]+:(\d{12}):/.exec(s.firehoseStreamArn.trim())?.[1];
  return account !== undefined && account !== ctx.accountId;
}
