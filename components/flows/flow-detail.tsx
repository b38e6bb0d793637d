import Link from "next/link";
import { endpointText, protocolText, utcText } from "@/lib/flows/cells";
import type { FlowRow } from "@/lib/flows/contract";
import { diagnoseHref, replyRows } from "@/lib/flows/flow-row";
import { ReplySearch } from "./reply-search";

/** One record in full: its raw line, where it came from, the reply direction, and a way to diagnose it. */
export function FlowDetail({
  row,
  rows,
  region,
  vpc,
}: {
  row: FlowRow;
  rows: FlowRow[];
  region: string;
  vpc: string;
}) {
  const replies = replyRows(rows, row);
  const diagnose = diagnoseHref(row, region);
  return (
    <div className="space-y-3 text-sm" data-testid="flow-detail">
      <div>
        <h3 className="text-xs font-semibold uppercase text-slate-500">Raw record</h3>
        <pre className="mt-1 overflow-x-auto rounded bg-white p-2 font-mono text-xs">{row.message}</pre>
      </div>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-500">Flow log</dt>
        <dd className="font-mono text-xs">{row.flowLogIds.join(", ") || "—"}</dd>
        <dt className="text-slate-500">Log group</dt>
        <dd className="font-mono text-xs">{row.logGroup}</dd>
        <dt className="text-slate-500">Log stream</dt>
        <dd className="font-mono text-xs">{row.logStream ?? "—"}</dd>
        {row.flowDirection && (
          <>
            <dt className="text-slate-500">Flow direction</dt>
            <dd>{row.flowDirection}</dd>
          </>
        )}
        {row.logStatus && (
          <>
            <dt className="text-slate-500">Log status</dt>
            <dd>{row.logStatus}</dd>
          </>
        )}
      </dl>
      <div>
        <h3 className="text-xs font-semibold uppercase text-slate-500">Reply direction (loaded rows)</h3>
        {replies.length === 0 ? (
          <p className="text-slate-600">
            No record of the reply among the loaded rows (a rejected flow often has none).
          </p>
        ) : (
          <ul className="mt-1 space-y-0.5" data-testid="flow-replies">
            {replies.map((r) => (
              <li key={r.id} className="font-mono text-xs">
                {r.start === undefined ? "" : utcText(r.start)} {endpointText(r.srcAddr, r.srcPort)} →{" "}
                {endpointText(r.dstAddr, r.dstPort)} {protocolText(r.protocol)} {r.action}
              </li>
            ))}
          </ul>
        )}
        <div className="mt-2">
          <ReplySearch row={row} region={region} vpc={vpc} />
        </div>
      </div>
      {diagnose && (
        <Link href={diagnose} className="inline-block font-medium text-sky-700 underline underline-offset-2">
          Diagnose this flow
        </Link>
      )}
    </div>
  );
}
