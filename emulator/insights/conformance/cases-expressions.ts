import { type ConformanceCase, rawOrder } from "./case";
import { d, f } from "./discovered";
import type { FlowRecord } from "./flow-generator";
import { fmtTime, groupBy, row, sortBy } from "./oracle";

const _n = (r: FlowRecord, name: string): number | null => {
  const value = f(r, name);
  return typeof value === "number" ? value : null;
};
const _gt = (a: number | null, b: number) => a !== null && a > b;

/** Default-format cases for more functions, display and raw (non-aggregated) results. */
export const EXPRESSION_CASES: ConformanceCase[] = [
  {
    name: "raw NODATA/SKIPDATA records",
    query:
      'filter logStatus != "OK" | fields @timestamp, @logStream, interfaceId, logStatus, startTime, endTime | sort @timestamp asc | limit 100',
    expect: (rs) =>
      sortBy(rawOrder(rs.filter((r) => r.flow && r.logStatus !== "OK")), [{ get: (r) => r.timestamp }])
        .slice(0, 100)
        .map((r) =>
          row(
            ["@timestamp", fmtTime(r.timestamp)],
            ["@logStream", r.stream],
            ["interfaceId", r.interfaceId],
            ["logStatus", r.logStatus],
            ["startTime", r.start],
            ["endTime", r.end],
          ),
        ),
  },
  {
    name: "and binds tighter than or",
    query:
      "filter bytes >= 100000 and bytes <= 500000 or packets = 1 | stats count(*) as n by protocol | sort n desc",
    expect: (rs) =>
      sortBy(
        groupBy(
          rs.filter((r) => (r.bytes !== null && r.bytes >= 100000 && r.bytes <= 500000) || r.packets === 1),
          (r) => [r.protocol],
        ),
        [{ get: (g) => g.items.length, desc: true }, { get: (g) => g.key[0] ?? null }],
      ).map((g) => row(["protocol", g.key[0] ?? null], ["n", g.items.length])),
  },
  {
    name: "numeric functions",
    query:
      "fields @timestamp, bytes % 1000 as r, abs(srcPort - dstPort) as d, greatest(srcPort, dstPort) as g, least(srcPort, dstPort) as l, floor(bytes / 1000) as kb, 2 ^ 3 + -1 as e | filter protocol = 17 | sort @timestamp desc | limit 25",
    expect: (rs) =>
      rawOrder(rs.filter((r) => r.protocol === 17))
        .slice(0, 25)
        .map((r) => {
          const [s, t, b] = [r.srcPort ?? 0, r.dstPort ?? 0, r.bytes ?? 0];
          return row(
            ["@timestamp", fmtTime(r.timestamp)],
            ["r", b % 1000],
            ["d", Math.abs(s - t)],
            ["g", Math.max(s, t)],
            ["l", Math.min(s, t)],
            ["kb", Math.floor(b / 1000)],
            ["e", 7],
          );
        }),
  },
  {
    name: "datefloor by hour and action",
    query: "stats count(*) as n by datefloor(@timestamp, 1h) as hour, action | sort hour, action",
    expect: (rs) =>
      sortBy(
        groupBy(rs, (r) => [Math.floor(r.timestamp / 3_600_000) * 3_600_000, f(r, "action")]),
        [{ get: (g) => g.key[0] ?? null }, { get: (g) => g.key[1] ?? null }],
      ).map((g) =>
        row(["hour", fmtTime(Number(g.key[0]))], ["action", g.key[1] ?? null], ["n", g.items.length]),
      ),
  },
  {
    name: "coalesce, isempty and @log",
    query:
      'filter coalesce(srcAddr, "none") = "none" and isempty(action) | stats count(*) as n by @log, logStatus',
    expect: (rs) =>
      sortBy(
        groupBy(
          rs.filter((r) => r.srcAddr === null && r.action === null),
          (r) => [f(r, "logStatus")],
        ),
        [{ get: (g) => g.key[0] ?? null }],
      ).map((g) =>
        row(
          ["@log", "123456789012:/flowscope/default"],
          ["logStatus", g.key[0] ?? null],
          ["n", g.items.length],
        ),
      ),
  },
  {
    name: "last display wins",
    query: "display srcAddr | filter srcPort = 443 | display @timestamp, dstAddr | limit 5",
    expect: (rs) =>
      rawOrder(rs.filter((r) => r.srcPort === 443))
        .slice(0, 5)
        .map((r) => row(["@timestamp", fmtTime(r.timestamp)], ["dstAddr", r.dstAddr])),
  },
  {
    name: "raw events with every discovered field",
    query: 'filter interfaceId = "eni-0a1b2c3d4e5f60006" and dstPort = 22 | limit 5',
    expect: (rs) =>
      rawOrder(rs.filter((r) => r.interfaceId === "eni-0a1b2c3d4e5f60006" && r.dstPort === 22))
        .slice(0, 5)
        .map((r) =>
          row(
            ["@timestamp", fmtTime(r.timestamp)],
            ["@message", r.message],
            ["@logStream", r.stream],
            ["@log", "123456789012:/flowscope/default"],
            ...Object.entries(d(r)),
          ),
        ),
  },
  {
    name: "toMillis, fromMillis and dateceil",
    query:
      "filter toMillis(@timestamp) = startTime * 1000 and srcAddr = '172.31.9.69' | fields fromMillis(endTime * 1000) as e, dateceil(fromMillis(endTime * 1000), 10m) as c | sort e | limit 10",
    expect: (rs) =>
      sortBy(rawOrder(rs.filter((r) => r.flow && r.srcAddr === "172.31.9.69")), [{ get: (r) => r.end }])
        .slice(0, 10)
        .map((r) =>
          row(["e", fmtTime(r.end * 1000)], ["c", fmtTime(Math.ceil((r.end * 1000) / 600_000) * 600_000)]),
        ),
  },
];
