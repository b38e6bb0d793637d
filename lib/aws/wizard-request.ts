import "server-only";
import { z } from "zod";
import { parseRegionParam } from "@/lib/config/region-param";
import {
  type StepIssue,
  validateStep,
  validateWizard,
  wizardStateSchema,
} from "@/lib/flow-log-wizard/schema";
import {
  activeSteps,
  isStepId,
  type StepId,
  type WizardContext,
  type WizardState,
} from "@/lib/flow-log-wizard/state";
import { readJsonBody } from "@/lib/security/json-body";
import { checkStepWithAws } from "./wizard-aws-checks";
import { wizardContext } from "./wizard-options";

/** A 400 body: the error, the step and field it concerns, and the message shown beside the field. */
export type WizardProblem = {
  error: "invalid";
  step: StepId;
  field: string;
  message: string;
  issues: StepIssue[];
};

const bodySchema = z.object({
  region: z.string().optional(),
  step: z.string().optional(),
  state: z.unknown(),
  clientToken: z.string().min(1).max(64).optional(),
});

export type ParsedWizardBody =
  | { ok: true; ctx: WizardContext; step?: StepId; state: unknown; clientToken?: string }
  | { ok: false; status: 400 | 413 | 415; body: { error: string; field: string; message: string } };

export async function readWizardBody(req: Request): Promise<ParsedWizardBody> {
  const parsed = await readJsonBody(req, bodySchema);
  if (!parsed.ok) {
    const { status, error, field, message } = parsed;
    return { ok: false, status, body: { error, field, message } };
  }
  const region = parseRegionParam(parsed.data.region);
  if (!region.ok)
    return {
      ok: false,
      status: 400,
      body: { error: "bad_request", field: "region", message: region.message },
    };
  if (parsed.data.step !== undefined && !isStepId(parsed.data.step))
    return {
      ok: false,
      status: 400,
      body: { error: "bad_request", field: "step", message: `Unknown step ${parsed.data.step}.` },
    };
  return {
    ok: true,
    ctx: await wizardContext(region.region),
    step: parsed.data.step as StepId | undefined,
    state: parsed.data.state,
    clientToken: parsed.data.clientToken,
  };
}

/** One step, validated as the client does (same schema) and then against AWS. */
export async function checkOneStep(
  step: StepId,
  state: unknown,
  ctx: WizardContext,
): Promise<WizardProblem | undefined> {
  const issues = validateStep(step, state, ctx);
  if (issues.length > 0) return problem(step, issues);
  const typed = wizardStateSchema.safeParse(state);
  if (!typed.success)
    return problem(step, [{ field: step, message: "The wizard's state is incomplete; start again." }]);
  const awsIssues = await checkStepWithAws(step, typed.data, ctx);
  return awsIssues.length > 0 ? problem(step, awsIssues) : undefined;
}

/** Every step, in order: the first that fails is the answer. */
export async function checkWholeWizard(
  state: unknown,
  ctx: WizardContext,
): Promise<{ ok: true; state: WizardState } | { ok: false; problem: WizardProblem }> {
  const invalid = validateWizard(state, ctx);
  if (invalid) return { ok: false, problem: problem(invalid.step, invalid.issues) };
  const typed = wizardStateSchema.safeParse(state);
  if (!typed.success)
    return {
      ok: false,
      problem: problem("resources", [
        { field: "resources", message: "The wizard's state is incomplete; start again." },
      ]),
    };
  for (const step of activeSteps(typed.data)) {
    const issues = await checkStepWithAws(step, typed.data, ctx);
    if (issues.length > 0) return { ok: false, problem: problem(step, issues) };
  }
  return { ok: true, state: typed.data };
}

function problem(step: StepId, issues: StepIssue[]): WizardProblem {
  const first = issues[0] ?? { field: step, message: "Invalid." };
  return { error: "invalid", step, field: first.field, message: first.message, issues };
}
