import { topBy } from "./case";
import { type FlowRecord, NAT_IP } from "./flow-generator";
import { eq, groupBy, type Row, row, sortBy, sum, type Value } from "./oracle";

/** The discovered fields of a default-format record (all null for a line that is not one). */
export function d(r: FlowRecord): Record<string, Value> {
  if (!r.flow) return {};
  return {
    version: r.version,
    accountId: r.accountId,
    interfaceId: r.interfaceId,
    srcAddr: r.srcAddr,
    dstAddr: r.dstAddr,
    srcPort: r.srcPort,
    dstPort: r.dstPort,
    protocol: r.protocol,
    packets: r.packets,
    bytes: r.bytes,
    startTime: r.start,
    endTime: r.end,
    action: r.action,
    logStatus: r.logStatus,
  };
}
export const f = (r: FlowRecord, name: string): Value => d(r)[name] ?? null;
export const like = (value: Value, text: string) => value !== null && String(value).includes(text);
export const notLike = (value: Value, text: string) => value !== null && !String(value).includes(text);

/** stats <agg> as <name> by srcAddr, dstAddr | sort <name> desc | limit n */
export const pairTotals = (records: FlowRecord[], name: string, field: string, limit: number): Row[] =>
  topBy(
    groupBy(records, (r) => [f(r, "srcAddr"), f(r, "dstAddr")]),
    (g) => sum(g.items.map((r) => f(r, field))),
    limit,
  ).map(({ group, value }) =>
    row(["srcAddr", group.key[0] ?? null], ["dstAddr", group.key[1] ?? null], [name, value]),
  );

export const countBySrc = (records: FlowRecord[]): Row[] =>
  sortBy(
    groupBy(
      records.filter((r) => eq(f(r, "protocol"), 17)),
      (r) => [f(r, "srcAddr")],
    ),
    [{ get: (g) => g.key[0] ?? null }],
  ).map((g) => row(["srcAddr", g.key[0] ?? null], ["count(*)", g.items.length]));

export const NAT_SRC = (r: FlowRecord) => like(f(r, "dstAddr"), NAT_IP) && like(f(r, "srcAddr"), "10.0.");
export const NAT_DST = (r: FlowRecord) => like(f(r, "srcAddr"), NAT_IP) && like(f(r, "dstAddr"), "10.0.");
