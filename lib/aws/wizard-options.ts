import "server-only";
import { paginateDescribeLogGroups } from "@aws-sdk/client-cloudwatch-logs";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { type RoleSuitability, roleSuitability } from "@/lib/flow-log-wizard/policies";
import type { WizardContext } from "@/lib/flow-log-wizard/state";
import { awsClients } from "./clients";
import { listRoles } from "./iam-roles";
import { collect } from "./pages";

export type DeliveryRoleOption = { arn: string; name: string; description?: string } & RoleSuitability;
export type LogGroupOption = { name: string; retentionInDays?: number };

/** The account and region the wizard creates in (STS GetCallerIdentity). */
export async function wizardContext(region: string): Promise<WizardContext> {
  const id = await awsClients(region).sts.send(new GetCallerIdentityCommand({}));
  if (!id.Account) throw new Error("STS did not say which account these credentials belong to.");
  return { accountId: id.Account, region };
}

/** Every role of the account, suitable ones (trusting vpc-flow-logs.amazonaws.com) first, each with why not. */
export async function deliveryRoleOptions(ctx: WizardContext): Promise<DeliveryRoleOption[]> {
  const roles = await listRoles(awsClients(ctx.region).iam);
  return roles
    .flatMap((role): DeliveryRoleOption[] =>
      role.Arn && role.RoleName
        ? [
            {
              arn: role.Arn,
              name: role.RoleName,
              description: role.Description,
              ...roleSuitability(
                { Arn: role.Arn, AssumeRolePolicyDocument: role.AssumeRolePolicyDocument },
                ctx,
              ),
            },
          ]
        : [],
    )
    .sort((a, b) => Number(b.suitable) - Number(a.suitable) || a.name.localeCompare(b.name));
}

/** The region's log groups (names and retention), at most `limit`. */
export async function logGroupOptions(region: string, limit = 1000): Promise<LogGroupOption[]> {
  const groups = await collect(
    paginateDescribeLogGroups({ client: awsClients(region).logs, pageSize: 50 }, {}),
    (page) => page.logGroups,
  );
  return groups
    .slice(0, limit)
    .flatMap((g) => (g.logGroupName ? [{ name: g.logGroupName, retentionInDays: g.retentionInDays }] : []));
}
