"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { fetchPanelStream, type StreamOutcome } from "@/lib/traffic/fetch-stream";
import type { BaseStreamEvent, ProgressEvent } from "@/lib/traffic/stream-event";

export type PanelQueryState<T extends BaseStreamEvent> =
  | { status: "loading"; startedAt: number; progress?: ProgressEvent }
  | { status: "cancelled" }
  | (StreamOutcome<T> & { receivedAt: number });

export type PanelQuery<T extends BaseStreamEvent> = {
  state: PanelQueryState<T>;
  /** Aborts the fetch; the server stops its Insights queries when the request closes. */
  cancel: () => void;
  retry: () => void;
};

/**
 * Streams one panel's NDJSON from `url`. A new url aborts the previous request; so does unmounting.
 * `url` null means "nothing to ask yet".
 */
export function usePanelQuery<T extends BaseStreamEvent>(url: string | null): PanelQuery<T> {
  const [state, setState] = useState<PanelQueryState<T>>({ status: "loading", startedAt: 0 });
  const [attempt, setAttempt] = useState(0);
  const request = useMemo(() => ({ url, attempt }), [url, attempt]);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!request.url) return;
    const abort = new AbortController();
    controller.current = abort;
    setState({ status: "loading", startedAt: Date.now() });
    fetchPanelStream<T>(request.url, {
      signal: abort.signal,
      onProgress: (progress) => {
        if (!abort.signal.aborted) setState((s) => (s.status === "loading" ? { ...s, progress } : s));
      },
    }).then(
      (outcome) => {
        if (!abort.signal.aborted) setState({ ...outcome, receivedAt: Date.now() });
      },
      () => {
        // Aborted: by Cancel (which set the state already) or by newer params replacing this request.
      },
    );
    return () => abort.abort();
  }, [request]);

  const cancel = useCallback(() => {
    controller.current?.abort();
    setState((s) => (s.status === "loading" ? { status: "cancelled" } : s));
  }, []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return { state, cancel, retry };
}
