import { NextResponse } from "next/server";
import { withSession } from "@/lib/auth/guards";
import { diagnoseAccount } from "@/lib/aws/diagnose-account";
import { describeAwsError } from "@/lib/aws/errors";
import { insightsRunner } from "@/lib/aws/insights";
import { parseRegionParam } from "@/lib/config/region-param";
import { parseDiagnoseParams } from "@/lib/diagnosis/search-params";
import { DiagnoseInputError } from "@/lib/diagnosis/verdict";

export const dynamic = "force-dynamic";

const badRequest = (field: string, message: string) =>
  NextResponse.json({ error: "bad_request", field, message }, { status: 400 });

/** Which parameter an input error is about, for the 400 body. */
function inputField(message: string): string {
  if (/port/.test(message)) return "port";
  return /destination/.test(message) ? "to" : "from";
}

/**
 * GET /api/diagnose?from=&to=&protocol=tcp|udp|icmp&port=&icmpType=&start=&end=&region= → the verdict JSON,
 * the same contract as `npm run diagnose -- --json`.
 */
export const GET = withSession(
  "viewer",
  async (req, { session }) => {
    const params = Object.fromEntries(new URL(req.url).searchParams);
    const region = parseRegionParam(params.region);
    if (!region.ok) return badRequest(region.field, region.message);
    const query = parseDiagnoseParams(params, Date.now());
    if (query.kind === "empty") return badRequest("from", "from and to are required.");
    if (query.kind === "bad") return badRequest(query.field, query.message);
    try {
      const verdict = await diagnoseAccount({
        region: region.region,
        input: query.input,
        window: { start: query.start, end: query.end },
        userId: session.user.email ?? session.user.name ?? "anonymous",
        runner: insightsRunner(),
      });
      return NextResponse.json(verdict);
    } catch (error) {
      if (error instanceof DiagnoseInputError)
        return badRequest(error.field ?? inputField(error.message), error.message);
      const e = describeAwsError(error);
      console.error(`[flowscope] diagnose ${region.region} failed: ${e.code}: ${e.message}`);
      return NextResponse.json({ error: "aws_error", code: e.code, message: e.message }, { status: 502 });
    }
  },
  { rateLimit: "query" },
);
