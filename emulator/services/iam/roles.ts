import { randomInt } from "node:crypto";
import type { EmulatorState } from "../../state/emulator-state";
import { policyObject } from "../../state/trust-policy";
import type { WorldRole } from "../../world/types";
import { AwsError } from "../aws-error";

type Input = Record<string, unknown>;

const NAME = /^[\w+=,.@-]+$/;
const PATH = /^(\/|\/[\x21-\x7e]+\/)$/;

const validation = (value: unknown, member: string, rule: string): AwsError =>
  new AwsError(
    "ValidationError",
    `1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: Member must ${rule}`,
  );

const noSuchRole = (name: string) =>
  new AwsError("NoSuchEntity", `The role with name ${name} cannot be found.`, 404);

function text(
  input: Input,
  member: string,
  key: string,
  opts: { min?: number; max: number; pattern?: RegExp },
) {
  const value = input[key];
  if (value === undefined) return undefined;
  const s = String(value);
  if (s.length < (opts.min ?? 1))
    throw validation(s, member, `have length greater than or equal to ${opts.min ?? 1}`);
  if (s.length > opts.max) throw validation(s, member, `have length less than or equal to ${opts.max}`);
  if (opts.pattern && !opts.pattern.test(s))
    throw validation(s, member, `satisfy regular expression pattern: ${opts.pattern.source.slice(1, -1)}`);
  return s;
}

function required(
  input: Input,
  member: string,
  key: string,
  opts: { min?: number; max: number; pattern?: RegExp },
) {
  const value = text(input, member, key, opts);
  if (value === undefined)
    throw new AwsError("ValidationError", `The request must contain the parameter ${key}.`);
  return value;
}

/** The policy's JSON text as given (URL-decoded if it came encoded); AWS refuses what is not a policy. */
function policyDocument(raw: string): string {
  const policy = policyObject(raw);
  if (!policy) throw new AwsError("MalformedPolicyDocument", "This policy contains invalid Json");
  if (policy.Statement === undefined)
    throw new AwsError("MalformedPolicyDocument", "Syntax errors in policy.");
  return parsesAsJson(raw) ? raw : decodeURIComponent(raw);
}

function parsesAsJson(raw: string): boolean {
  try {
    JSON.parse(raw);
    return true;
  } catch {
    return false;
  }
}

/** IAM returns policy documents URL-encoded (RFC 3986), whatever form they were stored in. */
export const encodePolicy = (document: unknown): string | undefined =>
  document === undefined
    ? undefined
    : encodeURIComponent(typeof document === "string" ? document : JSON.stringify(document));

export const roleOutput = (role: WorldRole) => ({
  ...role,
  AssumeRolePolicyDocument: encodePolicy(role.AssumeRolePolicyDocument),
});

const roleId = () =>
  `AROA${Array.from({ length: 17 }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[randomInt(32)]).join("")}`;

export function listRoles(input: Input, state: EmulatorState) {
  const prefix = text(input, "pathPrefix", "PathPrefix", { max: 512 }) ?? "/";
  const maxItems = input.MaxItems === undefined ? 100 : Number(input.MaxItems);
  if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 1000)
    throw validation(maxItems, "maxItems", "have value between 1 and 1000");
  const marker = text(input, "marker", "Marker", { max: 320 });
  const offset = marker === undefined ? 0 : Number(Buffer.from(marker, "base64url").toString("utf8"));
  if (!Number.isInteger(offset) || offset < 0) throw new AwsError("ValidationError", "Invalid Marker.");
  const roles = (state.world().iam?.Roles ?? []).filter((r) => (r.Path ?? "/").startsWith(prefix));
  const page = roles.slice(offset, offset + maxItems);
  const end = offset + page.length;
  const truncated = end < roles.length;
  return {
    Roles: page.map(roleOutput),
    IsTruncated: truncated,
    Marker: truncated ? Buffer.from(String(end)).toString("base64url") : undefined,
  };
}

const findRole = (state: EmulatorState, name: string) =>
  state.world().iam?.Roles?.find((r) => r.RoleName === name);

export function getRole(input: Input, state: EmulatorState) {
  const name = required(input, "roleName", "RoleName", { max: 64, pattern: NAME });
  const role = findRole(state, name);
  if (!role) throw noSuchRole(name);
  return { Role: roleOutput(role) };
}

export async function createRole(input: Input, state: EmulatorState, now: number) {
  const name = required(input, "roleName", "RoleName", { max: 64, pattern: NAME });
  const path = text(input, "path", "Path", { max: 512, pattern: PATH }) ?? "/";
  const document = policyDocument(
    required(input, "assumeRolePolicyDocument", "AssumeRolePolicyDocument", { max: 131072 }),
  );
  const description = text(input, "description", "Description", { min: 0, max: 1000 });
  const maxSession = input.MaxSessionDuration === undefined ? 3600 : Number(input.MaxSessionDuration);
  if (maxSession < 3600 || maxSession > 43200)
    throw validation(maxSession, "maxSessionDuration", "have value between 3600 and 43200");
  const tags = Array.isArray(input.Tags) ? (input.Tags as WorldRole["Tags"]) : undefined;
  const role: WorldRole = {
    Path: path,
    RoleName: name,
    RoleId: roleId(),
    Arn: `arn:aws:iam::${state.accountId}:role${path}${name}`,
    CreateDate: new Date(now).toISOString(),
    AssumeRolePolicyDocument: document,
    ...(description === undefined ? {} : { Description: description }),
    MaxSessionDuration: maxSession,
    ...(tags && tags.length > 0 ? { Tags: tags } : {}),
  };
  await state.transact((tx) => {
    if (tx.world.iam?.Roles?.some((r) => r.RoleName?.toLowerCase() === name.toLowerCase())) {
      throw new AwsError("EntityAlreadyExists", `Role with name ${name} already exists.`, 409);
    }
    tx.putRole(role);
  });
  return { Role: roleOutput(role) };
}

export async function putRolePolicy(input: Input, state: EmulatorState) {
  const roleName = required(input, "roleName", "RoleName", { max: 64, pattern: NAME });
  const policyName = required(input, "policyName", "PolicyName", { max: 128, pattern: NAME });
  const document = policyDocument(required(input, "policyDocument", "PolicyDocument", { max: 131072 }));
  await state.transact((tx) => {
    if (!tx.world.iam?.Roles?.some((r) => r.RoleName === roleName)) throw noSuchRole(roleName);
    tx.putRolePolicy(roleName, policyName, document);
  });
  return {};
}

export function getRolePolicy(input: Input, state: EmulatorState) {
  const roleName = required(input, "roleName", "RoleName", { max: 64, pattern: NAME });
  const policyName = required(input, "policyName", "PolicyName", { max: 128, pattern: NAME });
  if (!findRole(state, roleName)) throw noSuchRole(roleName);
  const document = state.rolePolicy(roleName, policyName);
  if (document === undefined) {
    throw new AwsError("NoSuchEntity", `The role policy with name ${policyName} cannot be found.`, 404);
  }
  return { RoleName: roleName, PolicyName: policyName, PolicyDocument: encodePolicy(document) };
}
