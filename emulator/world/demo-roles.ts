import { DAY, type DemoContext } from "./demo-context";
import type { RoleSpec } from "./demo-spec";
import type { WorldRole } from "./types";

const ROLE_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** A CloudWatch Logs delivery role (create-flow-logs.md §5.2) with the trust policy its spec names. */
export function buildRole(ctx: DemoContext, spec: RoleSpec): WorldRole {
  const rng = ctx.rng(`role:${spec.name}`);
  const suffix = Array.from({ length: 17 }, () => rng.pick([...ROLE_ID_ALPHABET])).join("");
  return {
    Path: "/",
    RoleName: spec.name,
    RoleId: `AROA${suffix}`,
    Arn: roleArn(ctx, spec.name),
    CreateDate: ctx.timeBefore(rng.int(40, 60) * DAY + rng.int(0, DAY - 1)),
    // Decoded, as `aws iam get-role` prints it (the SDK itself returns it URL-encoded).
    AssumeRolePolicyDocument: {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: spec.trustedService }, Action: "sts:AssumeRole" }],
    },
    Description: spec.description,
    MaxSessionDuration: 3600,
  };
}

export const roleArn = (ctx: DemoContext, name: string): string =>
  `arn:aws:iam::${ctx.accountId}:role/${name}`;
