"use client";
import Link from "next/link";
import type { PanelQueryState } from "@/components/ui/use-panel-query";
import type { Coverage, Freshness } from "@/lib/traffic/contract";
import { formatAge } from "@/lib/traffic/format";
import type { SeriesEvent } from "./panel-events";

const STALE_MS = 20 * 60_000;
const DELAY_NOTE =
  "Flow logs deliver records 5–10 minutes after the traffic, so the last minutes are always incomplete.";
const time = new Intl.DateTimeFormat(undefined, {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** How fresh and how complete the picture is: the newest record's age and what the flow logs cannot show. */
export function FreshnessStrip({
  state,
  flowLogsHref,
}: {
  state: PanelQueryState<SeriesEvent>;
  flowLogsHref: string;
}) {
  const done = state.status === "result" || state.status === "empty" ? state.event : undefined;
  return (
    <section
      aria-label="Freshness and coverage"
      data-testid="freshness-strip"
      className="space-y-1 rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm"
    >
      {done ? (
        <>
          <FreshnessLine freshness={done.freshness} />
          <CoverageLines coverage={done.coverage} flowLogsHref={flowLogsHref} />
        </>
      ) : (
        <p className="text-slate-500">
          {state.status === "loading"
            ? "Checking how fresh the records are…"
            : `Freshness unknown: the chart's query ${state.status === "cancelled" ? "was cancelled" : "failed"}.`}
        </p>
      )}
    </section>
  );
}

function FreshnessLine({ freshness }: { freshness: Freshness }) {
  const at = freshness.newestRecordAt;
  const age = at !== undefined ? Date.now() - at : freshness.ageMs;
  const stale = age !== undefined && age > STALE_MS;
  return (
    <p data-testid="freshness" title={freshness.note} className={stale ? "text-amber-800" : "text-slate-700"}>
      <span className="font-medium">
        {age === undefined ? "No record in scope yet." : `Newest record ${formatAge(age)} ago`}
      </span>
      {at !== undefined && <span className="text-slate-500"> ({time.format(at)})</span>}
      {" · "}
      <span className="text-slate-600">{DELAY_NOTE}</span>
      {stale && (
        <span className="font-medium"> Delivery may have stopped, or there was no traffic since.</span>
      )}
    </p>
  );
}

function CoverageLines({ coverage, flowLogsHref }: { coverage: Coverage; flowLogsHref: string }) {
  const uncovered = coverage.uncoveredInterfaces;
  return (
    <>
      {uncovered.length > 0 && (
        <p data-testid="uncovered" className="text-amber-800">
          <span className="font-medium">
            {uncovered.length} interface{uncovered.length === 1 ? "" : "s"} in scope without any flow log:
          </span>{" "}
          {uncovered.slice(0, 6).map((i, n) => (
            <span key={i.id}>
              {n > 0 && ", "}
              {i.label} <span className="font-mono text-xs">{i.id}</span>
            </span>
          ))}
          {uncovered.length > 6 && ` and ${uncovered.length - 6} more`}. Their traffic is not in these panels.{" "}
          <Link href={flowLogsHref} className="underline">
            Flow logs
          </Link>
        </p>
      )}
      {coverage.warnings.map((w) => (
        <p key={w} data-testid="coverage-warning" className="text-amber-800">
          {w}
        </p>
      ))}
      {coverage.unsupported.map((u) => (
        <p key={u} data-testid="unsupported-filter" className="text-red-800">
          <span className="font-medium">Filter not applied:</span> {u}
        </p>
      ))}
      {coverage.flowLogs.length > 0 && (
        <p className="text-xs text-slate-500">
          Recorded by{" "}
          {coverage.flowLogs
            .map(
              (f) => `${f.id} (${f.trafficType}${f.deliverStatus === "FAILED" ? ", delivery FAILED" : ""})`,
            )
            .join(", ")}
        </p>
      )}
    </>
  );
}
