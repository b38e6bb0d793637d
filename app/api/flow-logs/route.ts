import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { withSession } from "@/lib/auth/guards";
import { describeAwsError } from "@/lib/aws/errors";
import { createFromWizard } from "@/lib/aws/flow-log-admin";
import { checkWholeWizard, readWizardBody } from "@/lib/aws/wizard-request";

export const dynamic = "force-dynamic";

/**
 * POST /api/flow-logs {region, state, clientToken} → 201 {flowLogIds, unsuccessful, created}; 400 with the
 * step and field of the first problem (the same schemas as the client, then AWS checks); AWS errors placed
 * on the step they concern, with what was already created.
 */
export const POST = withSession("operator", async (req, { session }) => {
  try {
    const body = await readWizardBody(req);
    if (!body.ok) return NextResponse.json(body.body, { status: body.status });
    const checked = await checkWholeWizard(body.state, body.ctx);
    if (!checked.ok) return NextResponse.json(checked.problem, { status: 400 });
    const actor = {
      name: session.user.name ?? session.user.email ?? "unknown",
      role: session.user.role ?? "unknown",
    };
    const outcome = await createFromWizard(checked.state, body.ctx, actor, body.clientToken ?? randomUUID());
    if (outcome.ok) return NextResponse.json(outcome, { status: 201 });
    return NextResponse.json(
      {
        error: outcome.error,
        message: outcome.message,
        step: outcome.place.step,
        field: outcome.place.field,
        unsuccessful: outcome.unsuccessful,
        created: outcome.created,
      },
      { status: outcome.status },
    );
  } catch (err) {
    const e = describeAwsError(err);
    return NextResponse.json(
      { error: e.code, step: "review", field: "review", message: e.message },
      { status: 502 },
    );
  }
});
