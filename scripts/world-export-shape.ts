import type { Role } from "@aws-sdk/client-iam";
import type { CliShape, WorldRole } from "@/emulator/world/types";

type Json = string | number | boolean | Json[] | { [key: string]: Json };

/**
 * A timestamp as the AWS CLI prints it (Python's isoformat in UTC): `2026-05-02T09:14:03+00:00`, with
 * microseconds only when there is a fraction (`…03.512000+00:00`).
 */
export function cliTimestamp(date: Date): string {
  const iso = date.toISOString();
  const millis = iso.slice(20, 23);
  return `${iso.slice(0, 19)}${millis === "000" ? "" : `.${millis}000`}+00:00`;
}

function toJson(value: unknown): Json | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return cliTimestamp(value);
  if (Array.isArray(value)) return value.map(toJson).filter((item) => item !== undefined);
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : undefined;
    case "object": {
      const out: Record<string, Json> = {};
      for (const [key, member] of Object.entries(value)) {
        const json = key === "$metadata" ? undefined : toJson(member);
        if (json !== undefined) out[key] = json;
      }
      return out;
    }
    default:
      throw new Error(`cannot write a ${typeof value} to a world file`);
  }
}

/**
 * An SDK output object as the AWS CLI prints it: the same member names, Dates as CLI timestamps, and
 * members that are undefined or null left out rather than printed.
 */
export function toCliShape<T extends object>(value: T): CliShape<T> {
  // toJson keeps every member name and turns exactly the Dates into strings, which is what CliShape says.
  return toJson(value) as CliShape<T>;
}

/** Sorted copies by a string key, so that two exports of the same account diff line by line. */
export function sortedBy<T>(items: readonly T[], key: (item: T) => string | undefined): T[] {
  return [...items].sort((a, b) => compare(key(a) ?? "", key(b) ?? ""));
}

export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** IAM returns the trust policy URL-encoded; the CLI (and a world file) shows it as JSON. */
export function worldRole(role: Role): WorldRole {
  const { AssumeRolePolicyDocument: encoded, ...rest } = toCliShape(role);
  const document = encoded === undefined ? undefined : decodePolicy(encoded);
  return { ...rest, ...(document === undefined ? {} : { AssumeRolePolicyDocument: document }) };
}

function decodePolicy(encoded: string): string | Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(encoded));
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : encoded;
  } catch {
    return encoded;
  }
}
