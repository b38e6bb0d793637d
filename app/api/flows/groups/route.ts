import { withSession } from "@/lib/auth/guards";
import { parseGroupsRequest } from "@/lib/flows/request";
import { runGroups } from "@/lib/flows/run-groups";
import { streamQuery } from "@/lib/traffic/stream-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/flows/groups?group=sources|destinations|pairs|dstPorts|interfaces&… (the records API's filters)
 * → NDJSON top-panel events: counts by that dimension for the whole filter.
 */
export const GET = withSession("viewer", (req, { session }) =>
  streamQuery(req, session, parseGroupsRequest, ({ request, window, group }, ctx) =>
    runGroups(request, window, group, ctx),
  ),
);
