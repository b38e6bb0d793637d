import type { TimeRangeKey } from "./contract";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const MAX_CUSTOM_RANGE_MS = 31 * DAY;

/** The preset ranges as the buttons show them, with their length. */
export const RANGE_PRESETS: { key: Exclude<TimeRangeKey, "custom">; label: string; ms: number }[] = [
  { key: "15m", label: "15 min", ms: 15 * MINUTE },
  { key: "1h", label: "1 h", ms: HOUR },
  { key: "6h", label: "6 h", ms: 6 * HOUR },
  { key: "24h", label: "24 h", ms: DAY },
  { key: "7d", label: "7 d", ms: 7 * DAY },
];

export type RangeCheck = { ok: true } | { ok: false; field: "start" | "end"; message: string };

/**
 * The rules a custom range must follow, for the form and for a URL typed by hand; the panel API
 * (lib/traffic/request.ts) applies the same ones, so a range that passes here is never a 400 there.
 */
export function checkCustomRange(
  start: number | undefined,
  end: number | undefined,
  now?: number,
): RangeCheck {
  if (start === undefined || Number.isNaN(start))
    return { ok: false, field: "start", message: "Pick a start." };
  if (end === undefined || Number.isNaN(end)) return { ok: false, field: "end", message: "Pick an end." };
  if (start >= end) return { ok: false, field: "end", message: "The end must be after the start." };
  if (end - start > MAX_CUSTOM_RANGE_MS)
    return { ok: false, field: "end", message: "A custom range can span 31 days at most." };
  if (now !== undefined && end > now + MINUTE)
    return { ok: false, field: "end", message: "The end cannot be in the future." };
  return { ok: true };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Epoch ms → the value of an `<input type="datetime-local">`, in the browser's time zone. */
export function toLocalInput(ms: number | undefined): string {
  if (ms === undefined) return "";
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of an `<input type="datetime-local">` (local time) → epoch ms, or undefined when empty or bad. */
export function fromLocalInput(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}
