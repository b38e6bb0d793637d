import "server-only";
import type { PanelEvent } from "./contract";
import { panelError } from "./panel-error";
import type { BaseStreamEvent } from "./stream-event";

export type PanelTask<E extends BaseStreamEvent = PanelEvent> = (
  emit: (event: E) => void,
  signal: AbortSignal,
) => Promise<E>;

/**
 * An NDJSON response: progress lines as the task reports them, then its final line (result, empty,
 * or error). The request's abort (the browser closed the fetch) and the stream's cancel both abort
 * the task, which stops its Insights queries.
 */
export function panelStream<E extends BaseStreamEvent = PanelEvent>(
  task: PanelTask<E>,
  requestSignal: AbortSignal,
): Response {
  const abort = new AbortController();
  const onAbort = () => abort.abort();
  requestSignal.addEventListener("abort", onAbort, { once: true });
  const encoder = new TextEncoder();
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (event: E | BaseStreamEvent) => {
        if (!closed) controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      };
      // Not awaited: lines must flow while the task runs.
      void task(write, abort.signal)
        .then(write, (error: unknown) => {
          if (abort.signal.aborted) return;
          const event = panelError(error);
          if (event.code === "Error" || event.retryable)
            console.error(`[flowscope] traffic panel: ${event.code}: ${event.message}`);
          write(event);
        })
        .finally(() => {
          requestSignal.removeEventListener("abort", onAbort);
          if (closed) return;
          closed = true;
          controller.close();
        });
    },
    cancel() {
      closed = true;
      abort.abort();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    },
  });
}
