import { NextResponse } from "next/server";
import { withSession } from "@/lib/auth/guards";
import { awsClients } from "@/lib/aws/clients";
import { insightsRunner } from "@/lib/aws/insights";
import { defaultRegion } from "@/lib/config/regions";
import { panelStream } from "@/lib/traffic/panel-stream";
import { parsePanelRequest } from "@/lib/traffic/request";
import { runPanel } from "@/lib/traffic/run-panel";

export const dynamic = "force-dynamic";

/** GET /api/traffic/panel?panel=…&vpc=…&range=… → NDJSON PanelEvents (lib/traffic/contract.ts). */
export const GET = withSession(
  "viewer",
  (req, { session }) => {
    const parsed = parsePanelRequest(new URL(req.url).searchParams, Date.now(), defaultRegion());
    if (!parsed.ok)
      return NextResponse.json(
        { error: "bad_request", field: parsed.field, message: parsed.message },
        { status: 400 },
      );
    const { ec2, logs } = awsClients(parsed.request.region);
    const userId = session.user.email ?? session.user.name ?? "anonymous";
    return panelStream(
      (emit, signal) =>
        runPanel(parsed.request, parsed.window, {
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
