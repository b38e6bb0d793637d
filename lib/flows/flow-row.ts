import type { FlowRecord } from "@/lib/flow/record";
import type { RecordRow } from "@/lib/insights";
import type { FlowRow } from "./contract";

const num = (record: FlowRecord, field: string): number | undefined => {
  const value = record[field];
  return typeof value === "number" ? value : undefined;
};
const str = (record: FlowRecord, field: string): string | undefined => {
  const value = record[field];
  return value === undefined ? undefined : String(value);
};

/** A decoded Insights row → a table row; undefined when the message does not fit the log's format. */
export function flowRow(
  row: RecordRow,
  source: { logGroup: string; flowLogIds: string[] },
  index: number,
): FlowRow | undefined {
  const { logGroup, flowLogIds } = source;
  const r = row.record;
  if (!r) return undefined;
  const start = num(r, "start");
  const end = num(r, "end");
  return {
    id: `${logGroup}/${row.logStream ?? ""}/${row.ptr ?? index}`,
    start: start === undefined ? row.timestamp : start * 1000,
    end: end === undefined ? undefined : end * 1000,
    srcAddr: str(r, "srcaddr"),
    dstAddr: str(r, "dstaddr"),
    srcPort: num(r, "srcport"),
    dstPort: num(r, "dstport"),
    protocol: num(r, "protocol"),
    packets: num(r, "packets"),
    bytes: num(r, "bytes"),
    action: str(r, "action"),
    logStatus: str(r, "log-status"),
    interfaceId: str(r, "interface-id"),
    tcpFlags: num(r, "tcp-flags"),
    flowDirection: str(r, "flow-direction"),
    trafficPath: num(r, "traffic-path"),
    message: row.message,
    logGroup,
    logStream: row.logStream,
    flowLogIds,
    enrichment: {},
  };
}

const FLAG_BITS: readonly [number, string][] = [
  [1, "FIN"],
  [2, "SYN"],
  [4, "RST"],
  [8, "PSH"],
  [16, "ACK"],
  [32, "URG"],
];

/** 18 → "SYN ACK"; flow logs OR the flags of every packet in the window. */
export function tcpFlagNames(flags: number | undefined): string {
  if (flags === undefined) return "";
  if (flags === 0) return "none";
  return FLAG_BITS.filter(([bit]) => (flags & bit) !== 0)
    .map(([, name]) => name)
    .join(" ");
}

/** "SYN", "syn ack", "SYN,ACK" or "18" → the bit mask; undefined when a name is unknown or the mask is out of 1–255. */
export function tcpFlagMask(text: string): number | undefined {
  const t = text.trim();
  if (/^\d{1,3}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 255 ? n : undefined;
  }
  const names = t
    .toUpperCase()
    .split(/[\s,+|]+/)
    .filter(Boolean);
  if (names.length === 0) return undefined;
  let mask = 0;
  for (const name of names) {
    const bit = FLAG_BITS.find(([, n]) => n === name)?.[0];
    if (bit === undefined) return undefined;
    mask |= bit;
  }
  return mask;
}

/** The loaded rows of the other direction of `row`'s flow: addresses and ports swapped, same protocol. */
export function replyRows(rows: readonly FlowRow[], row: FlowRow): FlowRow[] {
  return rows.filter(
    (other) =>
      other.id !== row.id &&
      other.srcAddr === row.dstAddr &&
      other.dstAddr === row.srcAddr &&
      other.srcPort === row.dstPort &&
      other.dstPort === row.srcPort &&
      other.protocol === row.protocol,
  );
}

/** How far around a record's window the reply search looks (a reply may land in the next aggregation window). */
export const REPLY_MARGIN_MS = 10 * 60_000;

/**
 * The records API asked for the reply direction of `row` anywhere in the VPC, any action, from one margin
 * before its window to one after: addresses and ports swapped, same protocol. Undefined when the record has
 * no addresses (NODATA/SKIPDATA) or no window.
 */
export function replySearchParams(
  row: FlowRow,
  where: { region: string; vpc: string },
): URLSearchParams | undefined {
  if (!row.srcAddr || !row.dstAddr || row.start === undefined) return undefined;
  const end = row.end ?? row.start;
  const params = new URLSearchParams({
    region: where.region,
    vpc: where.vpc,
    range: "custom",
    start: String(row.start - REPLY_MARGIN_MS),
    end: String(end + REPLY_MARGIN_MS),
    src: row.dstAddr,
    dst: row.srcAddr,
  });
  if (row.dstPort !== undefined) params.set("srcPort", String(row.dstPort));
  if (row.srcPort !== undefined) params.set("dstPort", String(row.srcPort));
  if (row.protocol !== undefined) params.set("protocol", String(row.protocol));
  return params;
}

const DIAGNOSE_PROTOCOLS: Readonly<Record<number, string>> = { 6: "tcp", 17: "udp", 1: "icmp" };

/** The Diagnose page prefilled with this flow, or undefined when it cannot be diagnosed (no addresses). */
export function diagnoseHref(row: FlowRow, region: string): string | undefined {
  if (!row.srcAddr || !row.dstAddr) return undefined;
  const params = new URLSearchParams({ from: row.srcAddr, to: row.dstAddr });
  const protocol = row.protocol === undefined ? undefined : DIAGNOSE_PROTOCOLS[row.protocol];
  if (protocol) params.set("protocol", protocol);
  if (row.dstPort !== undefined && (protocol === "tcp" || protocol === "udp"))
    params.set("port", String(row.dstPort));
  if (row.start !== undefined) params.set("start", String(row.start));
  if (row.end !== undefined) params.set("end", String(row.end));
  params.set("region", region);
  return `/diagnose?${params.toString()}`;
}

const CSV_COLUMNS = [
  "start",
  "end",
  "srcAddr",
  "srcPort",
  "dstAddr",
  "dstPort",
  "protocol",
  "packets",
  "bytes",
  "action",
  "logStatus",
  "interfaceId",
  "tcpFlags",
  "flowDirection",
  "logGroup",
  "logStream",
] as const satisfies readonly (keyof FlowRow)[];

const csvCell = (value: string | number | undefined): string => {
  if (value === undefined) return "";
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const csvHeader = (): string => `${CSV_COLUMNS.join(",")}\n`;

/** One CSV line; times as ISO 8601 UTC. */
export function csvLine(row: FlowRow): string {
  return `${CSV_COLUMNS.map((column) => {
    const value = row[column];
    if ((column === "start" || column === "end") && typeof value === "number")
      return new Date(value).toISOString();
    return csvCell(typeof value === "object" ? undefined : value);
  }).join(",")}\n`;
}

/** A row's identity as both the table and an export show it (start, endpoints, protocol). */
export function flowKey(
  row: Pick<FlowRow, "start" | "srcAddr" | "srcPort" | "dstAddr" | "dstPort" | "protocol">,
): string {
  const start = row.start === undefined ? "" : new Date(row.start).toISOString();
  return [start, row.srcAddr, row.srcPort, row.dstAddr, row.dstPort, row.protocol]
    .map((v) => v ?? "")
    .join("|");
}
