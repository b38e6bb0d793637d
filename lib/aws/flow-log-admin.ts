import "server-only";
import { CreateLogGroupCommand, PutRetentionPolicyCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateFlowLogsCommand, DeleteFlowLogsCommand } from "@aws-sdk/client-ec2";
import { CreateRoleCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { recordAudit } from "@/lib/audit/audit-log";
import { type ErrorPlace, placeError, type WizardCall } from "@/lib/flow-log-wizard/errors";
import { buildPlan } from "@/lib/flow-log-wizard/request";
import type { WizardContext, WizardState } from "@/lib/flow-log-wizard/state";
import { awsClients } from "./clients";
import { describeAwsError } from "./errors";

export interface Actor {
  name: string;
  role: string;
}

export type UnsuccessfulItem = { resourceId: string; code: string; message: string };

export type CreateOutcome =
  | {
      ok: true;
      flowLogIds: string[];
      unsuccessful: UnsuccessfulItem[];
      created: { logGroup?: string; roleArn?: string };
    }
  | {
      ok: false;
      status: number;
      error: string;
      message: string;
      place: ErrorPlace;
      unsuccessful?: UnsuccessfulItem[];
      created: { logGroup?: string; roleArn?: string };
    };

/**
 * Runs the wizard's plan: CreateLogGroup (+ PutRetentionPolicy), CreateRole + PutRolePolicy, then
 * CreateFlowLogs. Every attempt is audited. What was created before a failure is reported, so the client
 * switches to "existing" and a retry does not create it twice.
 */
export async function createFromWizard(
  s: WizardState,
  ctx: WizardContext,
  actor: Actor,
  clientToken: string,
): Promise<CreateOutcome> {
  const { ec2, logs, iam } = awsClients(ctx.region);
  const plan = buildPlan(s, ctx);
  const created: { logGroup?: string; roleArn?: string } = {};
  const audit = (action: string, target: string, outcome: "ok" | "error", detail?: string) =>
    recordAudit({ actor: actor.name, role: actor.role, action, region: ctx.region, target, outcome, detail });
  const fail = (call: WizardCall, target: string, err: unknown): CreateOutcome => {
    const e = describeAwsError(err);
    audit(
      call === "PutRetentionPolicy" ? "CreateLogGroup" : call === "PutRolePolicy" ? "CreateRole" : call,
      target,
      "error",
      `${e.code}: ${e.message}`,
    );
    const status = /AccessDenied|Unauthorized/i.test(e.code)
      ? 403
      : /Throttl|LimitExceeded|ServiceUnavailable/i.test(e.code)
        ? 503
        : 400;
    return {
      ok: false,
      status,
      error: e.code,
      message: `${call}: ${e.message}`,
      place: placeError(call, e.code, e.message, s.destinationType),
      created,
    };
  };

  if (plan.logGroup) {
    const { name, retentionInDays } = plan.logGroup;
    try {
      await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    } catch (err) {
      return fail("CreateLogGroup", name, err);
    }
    created.logGroup = name;
    try {
      if (retentionInDays)
        await logs.send(new PutRetentionPolicyCommand({ logGroupName: name, retentionInDays }));
    } catch (err) {
      return fail("PutRetentionPolicy", name, err);
    }
    audit(
      "CreateLogGroup",
      name,
      "ok",
      retentionInDays ? `retention ${retentionInDays} days` : "never expires",
    );
  }
  if (plan.role) {
    const { name, trustPolicy, policyName, permissionsPolicy } = plan.role;
    let arn: string | undefined;
    try {
      const out = await iam.send(
        new CreateRoleCommand({
          RoleName: name,
          AssumeRolePolicyDocument: JSON.stringify(trustPolicy),
          Description: "Delivers VPC flow logs to CloudWatch Logs (created by Flowscope)",
        }),
      );
      arn = out.Role?.Arn;
    } catch (err) {
      return fail("CreateRole", name, err);
    }
    created.roleArn = arn;
    try {
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: name,
          PolicyName: policyName,
          PolicyDocument: JSON.stringify(permissionsPolicy),
        }),
      );
    } catch (err) {
      return fail("PutRolePolicy", name, err);
    }
    audit(
      "CreateRole",
      arn ?? name,
      "ok",
      `trusts vpc-flow-logs.amazonaws.com; ${policyName} on ${plan.createFlowLogs.LogGroupName}`,
    );
  }

  const input = plan.createFlowLogs;
  const target = `${input.ResourceType} ${input.ResourceIds.join(", ")}`;
  try {
    const out = await ec2.send(new CreateFlowLogsCommand({ ...input, ClientToken: clientToken }));
    const flowLogIds = out.FlowLogIds ?? [];
    const unsuccessful = (out.Unsuccessful ?? []).map((u) => ({
      resourceId: u.ResourceId ?? "",
      code: u.Error?.Code ?? "Error",
      message: u.Error?.Message ?? "",
    }));
    const detail = [
      flowLogIds.length > 0 ? `created ${flowLogIds.join(", ")}` : "",
      ...unsuccessful.map((u) => `${u.resourceId}: ${u.code}`),
    ]
      .filter(Boolean)
      .join("; ");
    audit("CreateFlowLogs", target, flowLogIds.length > 0 ? "ok" : "error", detail);
    if (flowLogIds.length === 0) {
      const first = unsuccessful[0];
      return {
        ok: false,
        status: 409,
        error: first?.code ?? "Unsuccessful",
        message: "No flow log was created: every resource failed (see each one).",
        place: placeError(
          "CreateFlowLogs",
          first?.code ?? "",
          first?.message ?? "resource",
          s.destinationType,
        ),
        unsuccessful,
        created,
      };
    }
    return { ok: true, flowLogIds, unsuccessful, created };
  } catch (err) {
    return fail("CreateFlowLogs", target, err);
  }
}

export type DeleteOutcome =
  | { ok: true; unsuccessful: UnsuccessfulItem[] }
  | { ok: false; status: number; error: string; message: string };

/** DeleteFlowLogs for one or more ids, audited; per-id failures come back in `unsuccessful`. */
export async function deleteFlowLogs(region: string, ids: string[], actor: Actor): Promise<DeleteOutcome> {
  const audit = (outcome: "ok" | "error", detail?: string) =>
    recordAudit({
      actor: actor.name,
      role: actor.role,
      action: "DeleteFlowLogs",
      region,
      target: ids.join(", "),
      outcome,
      detail,
    });
  try {
    const out = await awsClients(region).ec2.send(new DeleteFlowLogsCommand({ FlowLogIds: ids }));
    const unsuccessful = (out.Unsuccessful ?? []).map((u) => ({
      resourceId: u.ResourceId ?? "",
      code: u.Error?.Code ?? "Error",
      message: u.Error?.Message ?? "",
    }));
    audit(
      unsuccessful.length === ids.length ? "error" : "ok",
      unsuccessful.map((u) => `${u.resourceId}: ${u.code}`).join("; ") || undefined,
    );
    return { ok: true, unsuccessful };
  } catch (err) {
    const e = describeAwsError(err);
    audit("error", `${e.code}: ${e.message}`);
    return {
      ok: false,
      status: /AccessDenied|Unauthorized/i.test(e.code) ? 403 : 400,
      error: e.code,
      message: e.message,
    };
  }
}
