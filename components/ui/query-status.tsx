"use client";
import { useEffect, useState } from "react";
import type { QueryStats } from "@/lib/traffic/contract";
import { formatBytes, formatCount, formatDuration, formatUsd } from "@/lib/traffic/format";
import type { ProgressEvent } from "@/lib/traffic/stream-event";

const buttonClass =
  "rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50";

function useElapsed(startedAt: number): number {
  const [now, setNow] = useState(startedAt);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  return startedAt ? Math.max(0, now - startedAt) : 0;
}

/** The running state: what Insights reports so far, and a way out. */
export function QueryProgress({
  startedAt,
  progress,
  onCancel,
}: {
  startedAt: number;
  progress?: ProgressEvent;
  onCancel: () => void;
}) {
  const elapsed = Math.max(useElapsed(startedAt), progress?.elapsedMs ?? 0);
  return (
    <div role="status" data-testid="panel-progress" className="flex flex-wrap items-center gap-3 text-sm">
      <span className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-sky-600 border-t-transparent" />
      <span className="text-slate-700">
        <span className="font-medium">{progress?.status ?? "Starting the query"}</span>
        {progress && (
          <>
            {" "}
            · {formatCount(progress.recordsScanned)} records · {formatBytes(progress.bytesScanned)} scanned
          </>
        )}{" "}
        · {formatDuration(elapsed)}
      </span>
      <button type="button" onClick={onCancel} className={buttonClass}>
        Cancel
      </button>
    </div>
  );
}

export function QueryCancelled({ onRetry }: { onRetry: () => void }) {
  return (
    <div data-testid="panel-cancelled" className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
      <span>Query cancelled: Insights stopped scanning, nothing more is billed for it.</span>
      <button type="button" onClick={onRetry} className={buttonClass}>
        Run again
      </button>
    </div>
  );
}

/** A query that failed: AWS's error code (or the app's: http-429, network, …), its message, and Retry. */
export function QueryError({
  code,
  message,
  onRetry,
}: {
  code?: string;
  message: string;
  onRetry: () => void;
}) {
  return (
    <div
      role="alert"
      data-testid="panel-error"
      className="flex flex-wrap items-center gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
    >
      <span className="min-w-0 flex-1 break-words">
        {code && (
          <span data-testid="panel-error-code" className="mr-1 font-mono font-semibold">
            {code}:
          </span>
        )}
        {message}
      </span>
      <button type="button" onClick={onRetry} className={buttonClass}>
        Retry
      </button>
    </div>
  );
}

/** What answering cost: "scanned N records, X MB, ≈ $Y (estimate), in Z s", or that it came from the cache. */
export function QueryFooter({ stats, truncated }: { stats: QueryStats; truncated?: boolean }) {
  const scan = `${formatCount(stats.recordsScanned)} records, ${formatBytes(stats.bytesScanned)}`;
  return (
    <p data-testid="panel-footer" className="text-xs text-slate-500">
      {stats.cached
        ? `From cache: no new query (first run scanned ${scan}).`
        : `Scanned ${scan}, ≈ ${formatUsd(stats.estimatedCostUsd)} (estimate), in ${formatDuration(stats.elapsedMs)}.`}
      {truncated && (
        <span className="ml-2 font-medium text-amber-700">
          Partial: Insights hit its row limit; totals are a lower bound.
        </span>
      )}
    </p>
  );
}
