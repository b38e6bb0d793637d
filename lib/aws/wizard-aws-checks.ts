import "server-only";
import { DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { GetRoleCommand } from "@aws-sdk/client-iam";
import { roleSuitability } from "@/lib/flow-log-wizard/policies";
import type { StepIssue } from "@/lib/flow-log-wizard/schema";
import type { StepId, WizardContext, WizardState } from "@/lib/flow-log-wizard/state";
import { awsClients } from "./clients";
import { describeAwsError } from "./errors";

const isNotFound = (err: unknown) =>
  describeAwsError(err).code === "NoSuchEntity" || describeAwsError(err).code === "NoSuchEntityException";

/**
 * Checks that need AWS (what the client's schema cannot know): a new log group or role name must be free,
 * an existing log group must exist, an existing role must trust vpc-flow-logs.amazonaws.com.
 */
export async function checkStepWithAws(
  step: StepId,
  s: WizardState,
  ctx: WizardContext,
): Promise<StepIssue[]> {
  const { logs, iam } = awsClients(ctx.region);
  if (step === "destination" && s.destinationType === "cloud-watch-logs") {
    const name = s.logGroupMode === "new" ? s.newLogGroup.trim() : s.existingLogGroup.trim();
    const found = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name, limit: 50 }));
    const exists = (found.logGroups ?? []).some((g) => g.logGroupName === name);
    if (s.logGroupMode === "new" && exists)
      return [
        {
          field: "newLogGroup",
          message: `New log group: ${name} already exists; choose it under "Existing log group".`,
        },
      ];
    if (s.logGroupMode === "existing" && !exists)
      return [{ field: "existingLogGroup", message: `Log group: ${name} does not exist in ${ctx.region}.` }];
  }
  if (step === "role" && s.destinationType === "cloud-watch-logs") {
    const name = (s.roleMode === "new" ? s.newRoleName : (s.existingRoleArn.split("/").at(-1) ?? "")).trim();
    try {
      const role = (await iam.send(new GetRoleCommand({ RoleName: name }))).Role;
      if (s.roleMode === "new")
        return [
          {
            field: "newRoleName",
            message: `Role name: a role named ${name} already exists; pick it under "Existing role" or choose another name.`,
          },
        ];
      if (role?.Arn !== s.existingRoleArn.trim())
        return [
          { field: "existingRoleArn", message: `Delivery role: no role with the ARN ${s.existingRoleArn}.` },
        ];
      const fit = roleSuitability(
        { Arn: role.Arn, AssumeRolePolicyDocument: role.AssumeRolePolicyDocument },
        ctx,
      );
      if (!fit.suitable)
        return [{ field: "existingRoleArn", message: `Delivery role: unsuitable. ${fit.reason}` }];
    } catch (err) {
      if (!isNotFound(err)) throw err;
      if (s.roleMode === "existing")
        return [{ field: "existingRoleArn", message: `Delivery role: ${name} does not exist.` }];
    }
  }
  return [];
}
