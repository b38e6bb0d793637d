import { portName } from "@/lib/flow/ports";
import { protocolName } from "@/lib/flow/protocols";
import { formatDuration } from "@/lib/traffic/format";

/** "10.0.1.5:22 (ssh)", "[2001:db8::1]:443 (https)", "10.0.1.5" when the record has no port. */
export function endpointText(addr: string | undefined, port: number | undefined): string {
  if (!addr) return "—";
  const host = addr.includes(":") ? `[${addr}]` : addr;
  if (port === undefined) return host;
  const name = portName(port);
  return `${host}:${port}${name ? ` (${name})` : ""}`;
}

export const protocolText = (protocol: number | undefined): string =>
  protocol === undefined ? "—" : protocolName(protocol);

/** "2026-11-24 22:05:00 UTC" */
export function utcText(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** The aggregation window's length: "60.0 s"; "—" without an end. */
export function durationText(start: number | undefined, end: number | undefined): string {
  return start === undefined || end === undefined ? "—" : formatDuration(end - start);
}
