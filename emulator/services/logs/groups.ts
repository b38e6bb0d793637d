import { logGroupArn } from "../../state/open-data";
import type { LogGroup } from "../../store/types";
import { invalidParameter, type JsonInput } from "./json-input";
import type { LogsContext } from "./types";

/** PutRetentionPolicy's allowed values (the CloudWatch Logs API model's enum). */
export const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const GROUP_NAME = /^[.\-_/#A-Za-z0-9]+$/;

export const groupOutput = (group: LogGroup) => ({
  logGroupName: group.logGroupName,
  creationTime: group.creationTime,
  ...(group.retentionInDays === undefined ? {} : { retentionInDays: group.retentionInDays }),
  metricFilterCount: 0,
  arn: group.arn,
  storedBytes: group.storedBytes,
  logGroupClass: "STANDARD",
  logGroupArn: group.arn.replace(/:\*$/, ""),
});

export async function describeLogGroups(input: JsonInput, ctx: LogsContext) {
  if (input.has("logGroupIdentifiers")) {
    throw invalidParameter(
      "The Flowscope emulator does not support logGroupIdentifiers in DescribeLogGroups.",
    );
  }
  const page = await ctx.store.listLogGroups({
    prefix: input.string("logGroupNamePrefix", { min: 1, max: 512, pattern: GROUP_NAME }),
    pattern: input.string("logGroupNamePattern", { min: 0, max: 512 }),
    limit: input.integer("limit", { min: 1, max: 50 }),
    nextToken: input.string("nextToken", { min: 1 }),
  });
  return { logGroups: page.items.map(groupOutput), nextToken: page.nextToken };
}

export async function createLogGroup(input: JsonInput, ctx: LogsContext) {
  const name = input.string("logGroupName", { required: true, min: 1, max: 512, pattern: GROUP_NAME }) ?? "";
  input.string("kmsKeyId", { max: 256 });
  input.oneOf("logGroupClass", ["STANDARD", "INFREQUENT_ACCESS", "DELIVERY"], input.string("logGroupClass"));
  const { accountId, region } = ctx.state;
  await ctx.store.createLogGroup({
    logGroupName: name,
    creationTime: ctx.now(),
    arn: logGroupArn(region, accountId, name),
  });
  return {};
}

export async function deleteLogGroup(input: JsonInput, ctx: LogsContext) {
  const name = input.string("logGroupName", { required: true, min: 1, max: 512 }) ?? "";
  await ctx.store.deleteLogGroup(name);
  return {};
}

export async function putRetentionPolicy(input: JsonInput, ctx: LogsContext) {
  const name = input.string("logGroupName", { required: true, min: 1, max: 512 }) ?? "";
  const days = input.oneOf(
    "retentionInDays",
    RETENTION_DAYS,
    input.integer("retentionInDays", { required: true }),
  );
  await ctx.store.setRetention(name, days);
  return {};
}

export async function deleteRetentionPolicy(input: JsonInput, ctx: LogsContext) {
  const name = input.string("logGroupName", { required: true, min: 1, max: 512 }) ?? "";
  await ctx.store.setRetention(name, undefined);
  return {};
}
