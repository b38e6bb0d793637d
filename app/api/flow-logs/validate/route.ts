import { NextResponse } from "next/server";
import { withSession } from "@/lib/auth/guards";
import { describeAwsError } from "@/lib/aws/errors";
import { checkOneStep, readWizardBody } from "@/lib/aws/wizard-request";

export const dynamic = "force-dynamic";

/** POST /api/flow-logs/validate {region, step, state} → 200 {ok} or 400 {error, step, field, message}. */
export const POST = withSession("operator", async (req) => {
  try {
    const body = await readWizardBody(req);
    if (!body.ok) return NextResponse.json(body.body, { status: body.status });
    if (!body.step)
      return NextResponse.json(
        { error: "bad_request", field: "step", message: "Say which step." },
        { status: 400 },
      );
    const problem = await checkOneStep(body.step, body.state, body.ctx);
    return problem ? NextResponse.json(problem, { status: 400 }) : NextResponse.json({ ok: true });
  } catch (err) {
    const e = describeAwsError(err);
    return NextResponse.json({ error: e.code, field: "aws", message: e.message }, { status: 502 });
  }
});
