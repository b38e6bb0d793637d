import { NextResponse } from "next/server";
import { withSession } from "@/lib/auth/guards";
import { awsClients } from "@/lib/aws/clients";
import { insightsRunner } from "@/lib/aws/insights";
import { defaultRegion } from "@/lib/config/regions";
import { parseGroupsRequest } from "@/lib/flows/request";
import { runGroups } from "@/lib/flows/run-groups";
import type { PanelEvent } from "@/lib/traffic/contract";
import { panelStream } from "@/lib/traffic/panel-stream";

export const dynamic = "force-dynamic";

/**
 * GET /api/flows/groups?group=sources|destinations|pairs|dstPorts|interfaces&… (the records API's filters)
 * → NDJSON top-panel events: counts by that dimension for the whole filter.
 */
export const GET = withSession("viewer", (req, { session }) => {
  const parsed = parseGroupsRequest(new URL(req.url).searchParams, Date.now(), defaultRegion());
  if (!parsed.ok)
    return NextResponse.json(
      { error: "bad_request", field: parsed.field, message: parsed.message },
      { status: 400 },
    );
  const { ec2, logs } = awsClients(parsed.request.region);
  const userId = session.user.email ?? session.user.name ?? "anonymous";
  return panelStream<PanelEvent>(
    (emit, signal) =>
      runGroups(parsed.request, parsed.window, parsed.group, {
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
});
