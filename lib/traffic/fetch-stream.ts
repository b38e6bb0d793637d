import { readNdjson } from "./ndjson";
import {
  type BaseStreamEvent,
  type EmptyEvent,
  type ProgressEvent,
  parseStreamLine,
  type ResultEvent,
} from "./stream-event";

export type StreamOutcome<T extends BaseStreamEvent> =
  | { status: "result"; event: ResultEvent<T> }
  | { status: "empty"; event: EmptyEvent<T> }
  | { status: "error"; code: string; message: string; retryable: boolean };

type Options = {
  signal: AbortSignal;
  onProgress: (progress: ProgressEvent) => void;
  fetchImpl?: typeof fetch;
};

/**
 * Fetches one panel stream and resolves with how it ended. Rejects only when `signal` aborts (the caller
 * decided to stop), so every other failure reaches the user as an error they can retry.
 */
export async function fetchPanelStream<T extends BaseStreamEvent>(
  url: string,
  { signal, onProgress, fetchImpl = fetch }: Options,
): Promise<StreamOutcome<T>> {
  try {
    const res = await fetchImpl(url, { signal, headers: { accept: "application/x-ndjson" } });
    if (!res.ok) return await httpError(res);
    if (!res.body) return failure("no-body", "The server sent an empty response.", true);
    let end: StreamOutcome<T> | undefined;
    await readNdjson(res.body, (line) => {
      const parsed = parseStreamLine<T>(line);
      if (parsed.kind === "progress") onProgress(parsed.event);
      else if (parsed.kind === "error")
        end = failure(parsed.event.code, parsed.event.message, parsed.event.retryable);
      else if (parsed.kind === "empty") end = { status: "empty", event: parsed.event };
      else end = { status: "result", event: parsed.event };
    });
    return end ?? failure("truncated", "The server ended the response before the result.", true);
  } catch (error) {
    if (signal.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return failure("network", `Could not read the response: ${message}`, true);
  }
}

function failure(code: string, message: string, retryable: boolean) {
  return { status: "error", code, message, retryable } as const;
}

async function httpError(res: Response) {
  let message = `The server answered ${res.status} ${res.statusText}`.trim();
  try {
    const body: unknown = await res.json();
    if (body && typeof body === "object") {
      const { field, message: text, error } = body as Record<string, unknown>;
      const detail = typeof text === "string" ? text : typeof error === "string" ? error : undefined;
      if (detail)
        message = typeof field === "string" && !detail.includes(field) ? `${field}: ${detail}` : detail;
    }
  } catch {
    // Not JSON: the status line is all there is.
  }
  return failure(`http-${res.status}`, message, res.status >= 500 || res.status === 429);
}
