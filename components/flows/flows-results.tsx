"use client";
import Link from "next/link";
import type { EmptyLinks } from "@/components/ui/empty-explanation";
import { QueryPanel } from "@/components/ui/query-panel";
import { usePanelQuery } from "@/components/ui/use-panel-query";
import { EXPORT_ROW_CAP, type RecordsEvent } from "@/lib/flows/contract";
import { exportUrl, type FlowsPageState, olderHref, recordsUrl } from "@/lib/flows/search-params";
import { formatCount } from "@/lib/traffic/format";
import { RANGE_PRESETS } from "@/lib/traffic/time-range";
import { CoverageNotes } from "./coverage-notes";
import { FlowTable } from "./flow-table";

const linkClass = "rounded-md border border-slate-300 px-2.5 py-1 text-xs text-slate-700 hover:bg-slate-50";

/** The matching records, newest first, with the export of the same filter. */
export function FlowsResults({
  state,
  links,
}: {
  state: FlowsPageState & { vpc: string };
  links: EmptyLinks;
}) {
  const query = usePanelQuery<RecordsEvent>(recordsUrl(state));
  const toolbar = (
    <>
      <a className={linkClass} href={exportUrl(state, "csv")} download data-testid="export-csv">
        Export CSV
      </a>
      <a className={linkClass} href={exportUrl(state, "json")} download data-testid="export-json">
        Export JSON
      </a>
    </>
  );
  const { state: status } = query;
  const coverage =
    status.status === "result" || status.status === "empty" ? status.event.coverage : undefined;
  return (
    <div className="space-y-3">
      <CoverageNotes coverage={coverage} />
      <QueryPanel id="flows-panel" title="Flow records" query={query} emptyLinks={links} toolbar={toolbar}>
        {(result, receivedAt) => <RecordsBody state={state} result={result} receivedAt={receivedAt} />}
      </QueryPanel>
    </div>
  );
}

type Result = Extract<RecordsEvent, { type: "result" }>;

function RecordsBody({
  state,
  result,
  receivedAt,
}: {
  state: FlowsPageState;
  result: Result;
  receivedAt: number;
}) {
  const presetMs = RANGE_PRESETS.find((p) => p.key === state.range)?.ms ?? 0;
  const windowStart = state.range === "custom" ? (state.start ?? 0) : receivedAt - presetMs;
  const oldest = result.rows.at(-1)?.start;
  const older = result.truncated && oldest !== undefined ? olderHref(state, windowStart, oldest) : undefined;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700" data-testid="flow-count" data-value={result.rows.length}>
        {formatCount(result.rows.length)} records, newest first.
        {result.truncated && (
          <span className="ml-1 font-medium text-amber-800" data-testid="flows-capped">
            More records match: the table shows the newest {formatCount(result.cap)}. Narrow the time range or
            the filter, or load older records below; an export holds up to {formatCount(EXPORT_ROW_CAP)}.
          </span>
        )}
      </p>
      <FlowTable rows={result.rows} region={state.region} vpc={state.vpc ?? ""} />
      {older && (
        <Link
          href={older}
          className="inline-block text-sm font-medium text-sky-700 underline"
          data-testid="flows-older"
        >
          Load older records (same filter, up to the oldest row shown)
        </Link>
      )}
    </div>
  );
}
