import { withSession } from "@/lib/auth/guards";
import { TABLE_ROW_CAP } from "@/lib/flows/contract";
import { parseRecordsRequest } from "@/lib/flows/request";
import { runRecords } from "@/lib/flows/run-records";
import { streamQuery } from "@/lib/traffic/stream-route";

export const dynamic = "force-dynamic";

/** GET /api/flows/records?vpc=…&range=…&action=REJECT&dstPort=22 → NDJSON RecordsEvents (lib/flows/contract.ts). */
export const GET = withSession("viewer", (req, { session }) =>
  streamQuery(req, session, parseRecordsRequest, ({ request, window }, ctx) =>
    runRecords(request, window, TABLE_ROW_CAP, ctx),
  ),
);
