import Link from "next/link";
import type { EmptyReason } from "@/lib/traffic/contract";

export type EmptyLinks = {
  /** The Flow logs page, in the same region. */
  flowLogs: string;
  /** The same view without filters; absent when no filter is set. */
  clearFilters?: string;
};

const TITLES: Record<EmptyReason["reason"], string> = {
  "no-flow-log": "No flow log covers this scope",
  "delivery-failed": "Flow-log delivery is failing",
  "delivery-delay": "No records yet for this window",
  "filtered-out": "The filters exclude every record",
  "no-records": "No traffic recorded in this window",
};

const linkClass = "font-medium text-sky-700 underline-offset-2 hover:underline";

/** Why a panel has nothing to show, and the one thing to do about it. */
export function EmptyExplanation({ empty, links }: { empty: EmptyReason; links: EmptyLinks }) {
  return (
    <div data-testid="panel-empty" data-reason={empty.reason} className="space-y-2 text-sm text-slate-700">
      <p className="font-semibold text-slate-900">{TITLES[empty.reason]}</p>
      <p>{empty.message}</p>
      <EmptyAction empty={empty} links={links} />
    </div>
  );
}

function EmptyAction({ empty, links }: { empty: EmptyReason; links: EmptyLinks }) {
  switch (empty.reason) {
    case "no-flow-log":
      return (
        <p>
          Traffic there leaves no record.{" "}
          <Link href={links.flowLogs} className={linkClass}>
            Open Flow logs
          </Link>{" "}
          to see what is recorded, or create a flow log on the VPC, subnet or interface.
        </p>
      );
    case "delivery-failed":
      return (
        <p>
          Failing: <span className="font-mono text-xs">{empty.flowLogIds.join(", ") || "unknown"}</span>.
          Their delivery role cannot write to the log group.{" "}
          <Link href={links.flowLogs} className={linkClass}>
            Open Flow logs
          </Link>{" "}
          for the error AWS reports.
        </p>
      );
    case "delivery-delay":
      return (
        <p className="text-slate-600">
          {/5.10 min/.test(empty.message) ? "" : "Flow-log records arrive 5–10 minutes after the traffic. "}
          Try a longer time range, or come back in a few minutes.
        </p>
      );
    case "filtered-out":
      return links.clearFilters ? (
        <Link
          href={links.clearFilters}
          className="inline-block rounded-md border border-slate-300 bg-white px-3 py-1 font-medium text-slate-800 hover:bg-slate-50"
        >
          Clear filters
        </Link>
      ) : null;
    case "no-records":
      return null;
  }
}
