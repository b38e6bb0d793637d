import { NextResponse } from "next/server";
import { withSession } from "@/lib/auth/guards";
import { deleteFlowLogs } from "@/lib/aws/flow-log-admin";
import { parseRegionParam } from "@/lib/config/region-param";

export const dynamic = "force-dynamic";

const FLOW_LOG_ID = /^fl-[0-9a-f]{8,17}$/;

/** DELETE /api/flow-logs/fl-…?region=… → 200 {ok, unsuccessful}; only the configuration goes, records stay. */
export const DELETE = withSession<{ params: Promise<{ id: string }> }>(
  "operator",
  async (req, { params, session }) => {
    const { id } = await params;
    if (!FLOW_LOG_ID.test(id))
      return NextResponse.json(
        { error: "bad_request", field: "id", message: `${id} is not a flow log id (fl-…).` },
        { status: 400 },
      );
    const region = parseRegionParam(new URL(req.url).searchParams.get("region"));
    if (!region.ok)
      return NextResponse.json(
        { error: "bad_request", field: "region", message: region.message },
        { status: 400 },
      );
    const actor = {
      name: session.user.name ?? session.user.email ?? "unknown",
      role: session.user.role ?? "unknown",
    };
    const outcome = await deleteFlowLogs(region.region, [id], actor);
    if (!outcome.ok)
      return NextResponse.json(
        { error: outcome.error, field: "id", message: outcome.message },
        { status: outcome.status },
      );
    const failed = outcome.unsuccessful[0];
    if (failed)
      return NextResponse.json({ error: failed.code, field: "id", message: failed.message }, { status: 404 });
    return NextResponse.json({ ok: true, deleted: id });
  },
);
