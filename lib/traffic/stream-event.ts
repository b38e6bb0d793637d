import type { EmptyReason, QueryStats } from "./contract";

export type ProgressEvent = {
  type: "progress";
  status: string;
  recordsScanned: number;
  bytesScanned: number;
  elapsedMs: number;
};
export type ErrorEvent = {
  type: "error";
  code: string;
  message: string;
  retryable: boolean;
  /** The request field at fault, when one is (the page shows the message beside it). */
  field?: string;
};

/** The envelope every panel stream follows (PanelEvent is one); result and empty carry more per panel. */
export type BaseStreamEvent =
  | ProgressEvent
  | ErrorEvent
  | { type: "empty"; empty: EmptyReason; stats: QueryStats }
  | { type: "result"; stats: QueryStats; truncated?: boolean };

/** The lines that end a stream with something to show. */
export type ResultEvent<T extends BaseStreamEvent> = Extract<T, { type: "result" }>;
export type EmptyEvent<T extends BaseStreamEvent> = Extract<T, { type: "empty" }>;

// A hand check, not zod: this runs in the browser on every panel line, and zod would add ~50 KB gzip to
// every dashboard page's first-load JS. The server builds these lines from the same types.
type Check = [field: string, kind: "string" | "number" | "boolean" | "object", optional?: boolean];

const STATS: Check[] = [
  ["queries", "number"],
  ["recordsScanned", "number"],
  ["recordsMatched", "number"],
  ["bytesScanned", "number"],
  ["estimatedCostUsd", "number"],
  ["elapsedMs", "number"],
  ["cached", "boolean"],
];
const ENVELOPES: Record<BaseStreamEvent["type"], Check[]> = {
  progress: [
    ["status", "string"],
    ["recordsScanned", "number"],
    ["bytesScanned", "number"],
    ["elapsedMs", "number"],
  ],
  error: [
    ["code", "string"],
    ["message", "string"],
    ["retryable", "boolean"],
    ["field", "string", true],
  ],
  empty: [
    ["empty", "object"],
    ["stats", "object"],
  ],
  result: [["stats", "object"]],
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The path and message of the first field that does not match, or undefined when all do. */
function firstMismatch(value: Record<string, unknown>, checks: Check[], prefix = ""): string | undefined {
  for (const [field, kind, optional] of checks) {
    const v = value[field];
    if (v === undefined && optional) continue;
    const ok = kind === "object" ? isObject(v) : typeof v === kind;
    if (!ok) return `${prefix}${field}: expected ${kind}, received ${v === null ? "null" : typeof v}`;
  }
  return undefined;
}

function envelopeMismatch(value: unknown): string | undefined {
  if (!isObject(value)) return `type: expected object, received ${value === null ? "null" : typeof value}`;
  const type = value.type;
  if (typeof type !== "string" || !Object.hasOwn(ENVELOPES, type)) return "type: Invalid input";
  const checks = ENVELOPES[type as BaseStreamEvent["type"]];
  const mismatch = firstMismatch(value, checks);
  if (mismatch) return mismatch;
  if (type === "empty") {
    const empty = firstMismatch(value.empty as Record<string, unknown>, [
      ["reason", "string"],
      ["message", "string"],
    ]);
    if (empty) return `empty.${empty}`;
  }
  if (type === "empty" || type === "result")
    return firstMismatch(value.stats as Record<string, unknown>, STATS, "stats.");
  return undefined;
}

export type StreamLine<T extends BaseStreamEvent> =
  | { kind: "progress"; event: ProgressEvent }
  | { kind: "error"; event: ErrorEvent }
  | { kind: "result"; event: ResultEvent<T> }
  | { kind: "empty"; event: EmptyEvent<T> };

/**
 * Checks the envelope of one line; the panel-specific body of a result or empty line is trusted to follow
 * `T` (the server types it from the same contract). Throws when the line is not a panel event at all.
 */
export function parseStreamLine<T extends BaseStreamEvent>(value: unknown): StreamLine<T> {
  const mismatch = envelopeMismatch(value);
  if (mismatch) throw new Error(`Unexpected line in the response (${mismatch}).`);
  const event = value as BaseStreamEvent;
  if (event.type === "progress") return { kind: "progress", event };
  if (event.type === "error") return { kind: "error", event };
  if (event.type === "empty") return { kind: "empty", event: trustBody<EmptyEvent<T>>(event) };
  return { kind: "result", event: trustBody<ResultEvent<T>>(event) };
}

function trustBody<E>(checkedEnvelope: object): E {
  return checkedEnvelope as E;
}
