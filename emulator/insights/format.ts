import type { Json } from "@duckdb/node-api";
import type { Kind } from "./sql";

/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC, as Insights prints @timestamp and bin() buckets. */
export function formatTimestamp(ms: number): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return String(ms);
  return date.toISOString().replace("T", " ").replace("Z", "");
}

/** A result value as the string GetQueryResults carries, or undefined for a missing one. */
export function formatValue(value: Json | undefined, kind: Kind): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "boolean") return value ? "1" : "0";
  if (kind === "time") return formatTimestamp(Number(value));
  if (typeof value === "number") return Object.is(value, -0) ? "0" : String(value);
  return typeof value === "string" ? value : JSON.stringify(value);
}
