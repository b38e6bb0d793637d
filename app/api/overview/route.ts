import { NextResponse } from "next/server";
import { withSession } from "@/lib/auth/guards";
import { describeAwsError } from "@/lib/aws/errors";
import { loadOverview } from "@/lib/aws/overview";
import { parseRegionParam } from "@/lib/config/region-param";

export const dynamic = "force-dynamic";

/** GET /api/overview?region=R → the region's VPCs with flow-log coverage. */
export const GET = withSession("viewer", async (req) => {
  const region = parseRegionParam(new URL(req.url).searchParams.get("region"));
  if (!region.ok)
    return NextResponse.json(
      { error: "bad_request", field: region.field, message: region.message },
      { status: 400 },
    );
  try {
    return NextResponse.json({ region: region.region, vpcs: await loadOverview(region.region) });
  } catch (err) {
    const e = describeAwsError(err);
    console.error(`[flowscope] overview ${region.region} failed: ${e.code}: ${e.message}`);
    return NextResponse.json({ error: "aws_error", code: e.code, message: e.message }, { status: 502 });
  }
});
