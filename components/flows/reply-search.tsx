"use client";
import { useState } from "react";
import { QueryPanel } from "@/components/ui/query-panel";
import { usePanelQuery } from "@/components/ui/use-panel-query";
import { endpointText, protocolText, utcText } from "@/lib/flows/cells";
import { FLOWS_RECORDS_PATH, type FlowRow, type RecordsEvent } from "@/lib/flows/contract";
import { REPLY_MARGIN_MS, replySearchParams } from "@/lib/flows/flow-row";

/**
 * The reply direction of one record, looked up in the logs on request (not only among the loaded rows):
 * anywhere in the VPC, any action, ±10 minutes around the record's window.
 */
export function ReplySearch({ row, region, vpc }: { row: FlowRow; region: string; vpc: string }) {
  const [asked, setAsked] = useState(false);
  const params = replySearchParams(row, { region, vpc });
  const query = usePanelQuery<RecordsEvent>(asked && params ? `${FLOWS_RECORDS_PATH}?${params}` : null);
  if (!params) return null;
  if (!asked)
    return (
      <button
        type="button"
        onClick={() => setAsked(true)}
        className="rounded-md border border-slate-300 px-2.5 py-1 text-xs text-slate-700 hover:bg-slate-50"
        data-testid="reply-search"
      >
        Search the logs for the reply (whole VPC, ±{REPLY_MARGIN_MS / 60_000} min)
      </button>
    );
  return (
    <QueryPanel
      id="reply-panel"
      title="Reply direction in the logs"
      query={query}
      bodyClassName="min-h-10"
      emptyLinks={{ flowLogs: `/flow-logs?region=${encodeURIComponent(region)}` }}
    >
      {(result) => (
        <ul className="space-y-0.5 px-1" data-testid="reply-rows">
          {result.rows.map((r) => (
            <li key={r.id} className="font-mono text-xs" data-testid="reply-row">
              {r.start === undefined ? "" : utcText(r.start)} {endpointText(r.srcAddr, r.srcPort)} →{" "}
              {endpointText(r.dstAddr, r.dstPort)} {protocolText(r.protocol)} {r.action}{" "}
              <span className="text-slate-500">{r.interfaceId}</span>
            </li>
          ))}
          {result.truncated && <li className="text-xs text-amber-800">More match: showing the newest.</li>}
        </ul>
      )}
    </QueryPanel>
  );
}
