import { z } from "zod";
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

const stats = z
  .object({
    queries: z.number(),
    recordsScanned: z.number(),
    recordsMatched: z.number(),
    bytesScanned: z.number(),
    estimatedCostUsd: z.number(),
    elapsedMs: z.number(),
    cached: z.boolean(),
  })
  .loose();

const envelope = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("progress"),
    status: z.string(),
    recordsScanned: z.number(),
    bytesScanned: z.number(),
    elapsedMs: z.number(),
  }),
  z.object({
    type: z.literal("error"),
    code: z.string(),
    message: z.string(),
    retryable: z.boolean(),
    field: z.string().optional(),
  }),
  z
    .object({
      type: z.literal("empty"),
      empty: z.object({ reason: z.string(), message: z.string() }).loose(),
      stats,
    })
    .loose(),
  z.object({ type: z.literal("result"), stats }).loose(),
]);

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
  const parsed = envelope.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Unexpected line in the response (${issue?.path.join(".") || "type"}: ${issue?.message}).`,
    );
  }
  const event = parsed.data;
  if (event.type === "progress") return { kind: "progress", event };
  if (event.type === "error") return { kind: "error", event };
  if (event.type === "empty") return { kind: "empty", event: trustBody<EmptyEvent<T>>(event) };
  return { kind: "result", event: trustBody<ResultEvent<T>>(event) };
}

function trustBody<E>(checkedEnvelope: object): E {
  return checkedEnvelope as E;
}
