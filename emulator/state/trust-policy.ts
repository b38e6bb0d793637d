/** The service principal VPC Flow Logs assumes a delivery role as (create-flow-logs.md §5.2). */
export const FLOW_LOGS_PRINCIPAL = "vpc-flow-logs.amazonaws.com";

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** A policy document as IAM holds it (JSON text, possibly URL-encoded) or as a world file writes it (an object). */
export function policyObject(document: unknown): Json | undefined {
  if (isRecord(document)) return document;
  if (typeof document !== "string") return undefined;
  for (const text of [document, safeDecode(document)]) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (isRecord(parsed)) return parsed;
    } catch {
      // try the next reading
    }
  }
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** IAM action wildcards: `*` any run of characters, `?` one; case-insensitive. */
function actionMatches(pattern: string, action: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${regex}$`, "i").test(action);
}

function namesService(principal: unknown, service: string): boolean {
  if (principal === "*") return true;
  if (!isRecord(principal)) return false;
  return list(principal.Service).includes(service) || list(principal.AWS).includes("*");
}

function statementApplies(statement: Json, service: string, action: string): boolean {
  return (
    namesService(statement.Principal, service) &&
    list(statement.Action).some((a) => typeof a === "string" && actionMatches(a, action))
  );
}

/**
 * Whether a role's trust policy lets `service` call sts:AssumeRole: an Allow statement that names
 * it and no Deny that does. Conditions are not evaluated (the emulator has no request context).
 */
export function trustsService(document: unknown, service = FLOW_LOGS_PRINCIPAL): boolean {
  const policy = policyObject(document);
  if (!policy) return false;
  const statements = list(policy.Statement).filter(isRecord);
  const applying = statements.filter((s) => statementApplies(s, service, "sts:AssumeRole"));
  return applying.some((s) => s.Effect === "Allow") && !applying.some((s) => s.Effect === "Deny");
}

/** `arn:aws:iam::123456789012:role/path/name` → account and role name; undefined for anything else. */
export function parseRoleArn(arn: string): { accountId: string; roleName: string } | undefined {
  const match = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[\x21-\x7e]*\/)?([\w+=,.@-]{1,64})$/.exec(arn);
  if (!match?.[1] || !match[2]) return undefined;
  return { accountId: match[1], roleName: match[2] };
}

/** IAM resource wildcards on ARNs: `*` any run of characters, `?` one; case-sensitive. */
function resourceMatches(pattern: string, arn: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${regex}$`).test(arn);
}

/** What VPC Flow Logs does with the role to deliver into a log group (create-flow-logs.md §5.2). */
export const DELIVERY_WRITE_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents"] as const;

/**
 * Whether a role's permissions policies let it write flow-log streams into `logGroupArn`: every write
 * action allowed on the group's log streams by some statement and denied by none. Conditions are not
 * evaluated (no request context).
 */
export function permitsDelivery(documents: readonly unknown[], logGroupArn: string): boolean {
  const streamArn = `${logGroupArn}:log-stream:eni-00000000000000000-all`;
  const statements = documents
    .map(policyObject)
    .flatMap((policy) => (policy ? list(policy.Statement).filter(isRecord) : []));
  const covers = (s: Json, action: string) =>
    list(s.Action).some((a) => typeof a === "string" && actionMatches(a, action)) &&
    list(s.Resource).some((r) => typeof r === "string" && resourceMatches(r, streamArn));
  return DELIVERY_WRITE_ACTIONS.every(
    (action) =>
      statements.some((s) => s.Effect === "Allow" && covers(s, action)) &&
      !statements.some((s) => s.Effect === "Deny" && covers(s, action)),
  );
}
