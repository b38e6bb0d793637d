import "server-only";

/** What fetch and the DOM raise on abort, so callers can test `error.name === "AbortError"`. */
export function abortError(): DOMException {
  return new DOMException("The operation was aborted.", "AbortError");
}

export const isAbortError = (error: unknown): boolean =>
  error instanceof Error && error.name === "AbortError";

/** Resolves after `ms`, or rejects with an AbortError as soon as `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** "Full jitter": a uniform draw in [0, min(cap, base·2^attempt)), so retrying callers spread out. */
export function fullJitter(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

// LimitExceeded is how Insights says "too many concurrent queries": worth waiting for a slot.
const RETRYABLE = new Set(["ThrottlingException", "LimitExceededException", "ServiceUnavailableException"]);

/** Errors that go away by waiting: throttling, the concurrent-query quota, a service hiccup. */
export function isRetryable(error: unknown): boolean {
  return error instanceof Error && RETRYABLE.has(error.name);
}
