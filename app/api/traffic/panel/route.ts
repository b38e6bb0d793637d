import { withSession } from "@/lib/auth/guards";
import { parsePanelRequest } from "@/lib/traffic/request";
import { runPanel } from "@/lib/traffic/run-panel";
import { streamQuery } from "@/lib/traffic/stream-route";

export const dynamic = "force-dynamic";

/** GET /api/traffic/panel?panel=…&vpc=…&range=… → NDJSON PanelEvents (lib/traffic/contract.ts). */
export const GET = withSession("viewer", (req, { session }) =>
  streamQuery(req, session, parsePanelRequest, ({ request, window }, ctx) => runPanel(request, window, ctx)),
);
