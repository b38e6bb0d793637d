import type { WizardContext } from "./state";

/** The service principal VPC Flow Logs assumes a delivery role as (create-flow-logs.md §5.2). */
export const FLOW_LOGS_SERVICE = "vpc-flow-logs.amazonaws.com";

/** The actions the delivery role needs on its log group (create-flow-logs.md §5.2, without CreateLogGroup). */
export const DELIVERY_ACTIONS = [
  "logs:CreateLogStream",
  "logs:PutLogEvents",
  "logs:DescribeLogGroups",
  "logs:DescribeLogStreams",
] as const;

export const DELIVERY_POLICY_NAME = "flowscope-flow-logs-delivery";

/**
 * Trust policy: only VPC Flow Logs may assume the role, and only for flow logs of this account and region
 * (the confused-deputy guard the reference recommends; `*` stands for flow-log ids not yet known).
 */
export function trustPolicy(ctx: WizardContext) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: FLOW_LOGS_SERVICE },
        Action: "sts:AssumeRole",
        Condition: {
          StringEquals: { "aws:SourceAccount": ctx.accountId },
          ArnLike: { "aws:SourceArn": `arn:aws:ec2:${ctx.region}:${ctx.accountId}:vpc-flow-log/*` },
        },
      },
    ],
  };
}

/**
 * Permissions policy: write streams and events into one log group, nothing else. The log group exists
 * before the flow log (the wizard creates a new one first), so logs:CreateLogGroup is left out.
 */
export function deliveryPolicy(ctx: WizardContext, logGroupName: string) {
  const group = `arn:aws:logs:${ctx.region}:${ctx.accountId}:log-group:${logGroupName}`;
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "DeliverFlowLogsToOneLogGroup",
        Effect: "Allow",
        Action: [...DELIVERY_ACTIONS],
        Resource: [group, `${group}:*`],
      },
    ],
  };
}

export const policyJson = (policy: object): string => JSON.stringify(policy, null, 2);

// --- Which existing roles can deliver ---------------------------------------------------------------

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** A trust policy as IAM returns it: JSON text, URL-encoded. */
export function readPolicy(document: string | undefined): Json | undefined {
  if (!document) return undefined;
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

const allowsAssume = (s: Json) =>
  list(s.Action).some((a) => typeof a === "string" && /^(sts:AssumeRole|sts:\*|\*)$/i.test(a));

function servicesOf(statement: Json): string[] {
  const principal = statement.Principal;
  if (principal === "*") return ["*"];
  if (!isRecord(principal)) return [];
  return list(principal.Service).filter((s): s is string => typeof s === "string");
}

export type RoleSuitability = { suitable: true; note?: string } | { suitable: false; reason: string };

/** Whether VPC Flow Logs can assume the role, read from its trust policy, with the reason when not. */
export function roleSuitability(
  role: { Arn?: string; AssumeRolePolicyDocument?: string },
  ctx: WizardContext,
): RoleSuitability {
  const account = role.Arn?.split(":")[4];
  if (account && account !== ctx.accountId)
    return { suitable: false, reason: `It belongs to account ${account}; the role must be in this account.` };
  const policy = readPolicy(role.AssumeRolePolicyDocument);
  if (!policy) return { suitable: false, reason: "Its trust policy could not be read." };
  const statements = list(policy.Statement).filter(isRecord).filter(allowsAssume);
  const naming = (effect: string) =>
    statements.filter(
      (s) => s.Effect === effect && servicesOf(s).some((p) => p === FLOW_LOGS_SERVICE || p === "*"),
    );
  if (naming("Deny").length > 0)
    return { suitable: false, reason: `Its trust policy denies ${FLOW_LOGS_SERVICE}.` };
  const allowing = naming("Allow");
  if (allowing.length === 0) {
    const others = [...new Set(statements.filter((s) => s.Effect === "Allow").flatMap(servicesOf))];
    return {
      suitable: false,
      reason:
        others.length > 0
          ? `It trusts ${others.join(", ")}, not ${FLOW_LOGS_SERVICE}.`
          : `Its trust policy does not let ${FLOW_LOGS_SERVICE} assume it.`,
    };
  }
  const condition = allowing.map((s) => s.Condition).find(isRecord);
  const sourceAccount =
    condition && JSON.stringify(condition).match(/"aws:SourceAccount":"?\[?"?(\d{12})/i)?.[1];
  if (sourceAccount && sourceAccount !== ctx.accountId)
    return { suitable: false, reason: `Its trust policy only allows flow logs of account ${sourceAccount}.` };
  return {
    suitable: true,
    note: condition ? undefined : "No aws:SourceAccount / aws:SourceArn condition (confused-deputy guard).",
  };
}
