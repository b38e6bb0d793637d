import { NextResponse } from "next/server";
import { withSession } from "@/lib/auth/guards";
import { awsClients } from "@/lib/aws/clients";
import { insightsRunner } from "@/lib/aws/insights";
import { defaultRegion } from "@/lib/config/regions";
import { type RecordsEvent, TABLE_ROW_CAP } from "@/lib/flows/contract";
import { parseRecordsRequest } from "@/lib/flows/request";
import { runRecords } from "@/lib/flows/run-records";
import { panelStream } from "@/lib/traffic/panel-stream";

export const dynamic = "force-dynamic";

/** GET /api/flows/records?vpc=…&range=…&action=REJECT&dstPort=22 → NDJSON RecordsEvents (lib/flows/contract.ts). */
export const GET = withSession(
  "viewer",
  (req, { session }) => {
    const parsed = parseRecordsRequest(new URL(req.url).searchParams, Date.now(), defaultRegion());
    if (!parsed.ok)
      return NextResponse.json(
        { error: "bad_request", field: parsed.field, message: parsed.message },
        { status: 400 },
      );
    const { ec2, logs } = awsClients(parsed.request.region);
    const userId = session.user.email ?? session.user.name ?? "anonymous";
    return panelStream<RecordsEvent>(
      (emit, signal) =>
        runRecords(parsed.request, parsed.window, TABLE_ROW_CAP, {
          ec2,
          logs,
          runner: insightsRunner(),
          userId,
          signal,
          now: Date.now,
          emit,
        }),
      req.signal,
    );
  },
  { rateLimit: "query" },
);
