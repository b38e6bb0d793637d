"use client";
import type { ReactNode } from "react";
import type { BaseStreamEvent, ResultEvent } from "@/lib/traffic/stream-event";
import { EmptyExplanation, type EmptyLinks } from "./empty-explanation";
import { QueryCancelled, QueryError, QueryFooter, QueryProgress } from "./query-status";
import type { PanelQuery } from "./use-panel-query";

type Props<T extends BaseStreamEvent> = {
  title: string;
  /** Names the panel for tests and for aria; kebab-case. */
  id: string;
  query: PanelQuery<T>;
  /** Switchers shown in the header whatever the state (metric, dimension…). */
  toolbar?: ReactNode;
  /** A second header row, e.g. tabs. */
  subheader?: ReactNode;
  emptyLinks: EmptyLinks;
  /** Keeps the panel's height while it changes state, so the page does not jump. */
  bodyClassName?: string;
  /** The data state; `receivedAt` (epoch ms) is when the result arrived. */
  children: (result: ResultEvent<T>, receivedAt: number) => ReactNode;
};

/**
 * The one frame every query-backed panel uses: loading with progress and Cancel, cancelled, error with
 * Retry, empty with its reason, and data with what the query scanned and cost.
 */
export function QueryPanel<T extends BaseStreamEvent>({
  title,
  id,
  query,
  toolbar,
  subheader,
  emptyLinks,
  bodyClassName = "min-h-40",
  children,
}: Props<T>) {
  const { state, cancel, retry } = query;
  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid={id}
      data-state={state.status}
      className="rounded-lg border border-slate-200 bg-white"
    >
      <header className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-4 py-2">
        <h2 id={`${id}-title`} className="font-semibold text-slate-900">
          {title}
        </h2>
        {toolbar && <div className="ml-auto flex flex-wrap items-center gap-2">{toolbar}</div>}
      </header>
      {subheader && <div className="border-b border-slate-100 px-3">{subheader}</div>}
      <div
        className={`space-y-3 p-4 ${state.status === "loading" || state.status === "result" ? bodyClassName : ""}`}
      >
        {state.status === "loading" && (
          <>
            <QueryProgress startedAt={state.startedAt} progress={state.progress} onCancel={cancel} />
            <div aria-hidden className="h-32 animate-pulse rounded-md bg-slate-100" />
          </>
        )}
        {state.status === "cancelled" && <QueryCancelled onRetry={retry} />}
        {state.status === "error" && <QueryError code={state.code} message={state.message} onRetry={retry} />}
        {state.status === "empty" && <EmptyExplanation empty={state.event.empty} links={emptyLinks} />}
        {state.status === "result" && children(state.event, state.receivedAt)}
      </div>
      {(state.status === "result" || state.status === "empty") && (
        <footer className="border-t border-slate-100 px-4 py-2">
          <QueryFooter
            stats={state.event.stats}
            truncated={state.status === "result" ? state.event.truncated : undefined}
          />
        </footer>
      )}
    </section>
  );
}
