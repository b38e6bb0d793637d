import { badToken } from "./errors";
import type { Page } from "./types";

const encode = (value: string): string => Buffer.from(value, "utf8").toString("base64url");

function decode(token: string): string {
  const text = Buffer.from(token, "base64url").toString("utf8");
  if (encode(text) !== token) throw badToken();
  return text;
}

/** Offset paging over an already ordered, filtered list; the token is the opaque offset. */
export function pageOf<T>(
  items: readonly T[],
  limit: number | undefined,
  nextToken: string | undefined,
): Page<T> {
  const size = Math.min(Math.max(limit ?? 50, 1), 50);
  let offset = 0;
  if (nextToken !== undefined) {
    const match = /^o:(\d+)$/.exec(decode(nextToken));
    if (!match?.[1]) throw badToken();
    offset = Number(match[1]);
  }
  const slice = items.slice(offset, offset + size);
  const end = offset + slice.length;
  return end < items.length ? { items: slice, nextToken: encode(`o:${end}`) } : { items: slice };
}

/** An event position (timestamp, eventId) as an opaque token with a one-letter kind. */
export function positionToken(kind: "f" | "b" | "n", ts: number, eventId: number): string {
  return `${kind}/${encode(`${ts}/${eventId}`)}`;
}

export function parsePositionToken(token: string, kind: "f" | "b" | "n"): { ts: number; eventId: number } {
  if (!token.startsWith(`${kind}/`)) throw badToken();
  const match = /^(-?\d+)\/(-?\d+)$/.exec(decode(token.slice(2)));
  if (!match?.[1] || !match[2]) throw badToken();
  return { ts: Number(match[1]), eventId: Number(match[2]) };
}
