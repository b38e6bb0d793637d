import "server-only";
import { GetRoleCommand, type IAMClient, paginateListRoles, type Role } from "@aws-sdk/client-iam";
import { collect, mapLimit } from "./pages";

/** Every role of the account (ListRoles leaves out tags, the permissions boundary and last use). */
export const listRoles = (iam: IAMClient): Promise<Role[]> =>
  collect(paginateListRoles({ client: iam, pageSize: 1000 }, {}), (p) => p.Roles);

/** The whole role (GetRole). */
export async function getRole(iam: IAMClient, roleName: string): Promise<Role | undefined> {
  return (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role;
}

export interface RolesByArn {
  roles: Role[];
  /** ARNs no role of this account carries: deleted roles, typos, other accounts' roles. */
  missing: string[];
}

/**
 * The roles with these ARNs, e.g. the delivery roles of flow logs (DeliverLogsPermissionArn). ListRoles
 * finds them (a role's path is part of its ARN, so a name alone could pick the wrong one); GetRole then
 * reads each in full.
 */
export async function loadRolesByArn(iam: IAMClient, arns: readonly string[]): Promise<RolesByArn> {
  const wanted = new Set(arns);
  if (wanted.size === 0) return { roles: [], missing: [] };
  const found = (await listRoles(iam)).filter((role) => role.Arn && wanted.has(role.Arn));
  const roles = await mapLimit(found, 4, async (role) =>
    role.RoleName ? ((await getRole(iam, role.RoleName)) ?? role) : role,
  );
  const seen = new Set(found.map((role) => role.Arn));
  return { roles, missing: [...wanted].filter((arn) => !seen.has(arn)) };
}
