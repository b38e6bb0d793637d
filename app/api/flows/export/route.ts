import { NextResponse } from "next/server";
import { withSession } from "@/lib/auth/guards";
import { awsClients } from "@/lib/aws/clients";
import { insightsRunner } from "@/lib/aws/insights";
import { defaultRegion } from "@/lib/config/regions";
import { EXPORT_ROW_CAP } from "@/lib/flows/contract";
import { exportStream } from "@/lib/flows/export-stream";
import { parseRecordsRequest } from "@/lib/flows/request";
import { runRecords } from "@/lib/flows/run-records";
import { panelError } from "@/lib/traffic/panel-error";
import { badRequest, sessionUser } from "@/lib/traffic/stream-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/flows/export?format=csv|json&… (the records API's filters) → the newest EXPORT_ROW_CAP matching
 * records as a file. `x-flowscope-capped: true` (and `capped` in JSON) says the window held more.
 */
export const GET = withSession("viewer", async (req, { session }) => {
  const parsed = parseRecordsRequest(new URL(req.url).searchParams, Date.now(), defaultRegion());
  if (!parsed.ok) return badRequest(parsed.field, parsed.message);
  const { ec2, logs } = awsClients(parsed.request.region);
  try {
    const event = await runRecords(parsed.request, parsed.window, EXPORT_ROW_CAP, {
      ec2,
      logs,
      runner: insightsRunner(),
      userId: sessionUser(session),
      signal: req.signal,
      now: Date.now,
      emit: () => {},
    });
    if (event.type === "error" || event.type === "progress")
      return NextResponse.json({ error: "query_failed" }, { status: 502 });
    const rows = event.type === "result" ? event.rows : [];
    const capped = event.type === "result" && event.truncated;
    return exportStream(parsed.request.format, rows, capped, EXPORT_ROW_CAP);
  } catch (error) {
    const failure = panelError(error);
    return NextResponse.json(
      { error: failure.code, message: failure.message },
      { status: failure.retryable ? 503 : 502 },
    );
  }
});
