import { type ConformanceCase, rawOrder } from "./case";
import { f, pairTotals } from "./discovered";
import { BASE_SECONDS, type FlowRecord } from "./flow-generator";
import {
  count,
  fmtTime,
  groupBy,
  inV4Cidr,
  inV6Cidr,
  percentile,
  row,
  sortBy,
  sum,
  type Value,
} from "./oracle";

/** The reference's §9 patterns and other aggregations on the default format. */
export const PATTERN_CASES: ConformanceCase[] = [
  {
    name: "9 rejects per minute per port",
    query: 'filter action = "REJECT"\n| stats count(*) as rejects by bin(1m), dstPort\n| sort rejects desc',
    expect: (rs) =>
      sortBy(
        groupBy(
          rs.filter((r) => r.action === "REJECT"),
          (r) => [Math.floor(r.timestamp / 60_000) * 60_000, f(r, "dstPort")],
        ),
        [
          { get: (g) => g.items.length, desc: true },
          { get: (g) => g.key[0] ?? null },
          { get: (g) => g.key[1] ?? null },
        ],
      ).map((g) =>
        row(
          ["bin(1m)", fmtTime(Number(g.key[0]))],
          ["dstPort", g.key[1] ?? null],
          ["rejects", g.items.length],
        ),
      ),
  },
  {
    name: "9 RFC 1918 pairs",
    query:
      'filter isIpv4InSubnet(srcAddr, "10.0.0.0/8") or isIpv4InSubnet(dstAddr, "10.0.0.0/8")\n| stats sum(bytes) as b by srcAddr, dstAddr | sort b desc | limit 25',
    expect: (rs) =>
      pairTotals(
        rs.filter((r) => inV4Cidr(r.srcAddr, "10.0.0.0/8") || inV4Cidr(r.dstAddr, "10.0.0.0/8")),
        "b",
        "bytes",
        25,
      ),
  },
  {
    name: "9 latest record per ENI (dedup)",
    query: "fields @timestamp, interfaceId, action, logStatus | sort @timestamp desc | dedup interfaceId",
    expect: (rs) => {
      const seen = new Set<Value>();
      return rawOrder(rs)
        .filter((r) => {
          const eni = f(r, "interfaceId");
          if (eni === null) return true;
          if (seen.has(eni)) return false;
          seen.add(eni);
          return true;
        })
        .map((r) =>
          row(
            ["@timestamp", fmtTime(r.timestamp)],
            ["interfaceId", f(r, "interfaceId")],
            ["action", f(r, "action")],
            ["logStatus", f(r, "logStatus")],
          ),
        );
    },
  },
  {
    name: "9 percentiles per ENI",
    query:
      "stats pct(bytes, 50) as p50, pct(bytes, 95) as p95, count_distinct(dstAddr) as peers by interfaceId",
    expect: (rs) =>
      sortBy(
        groupBy(rs, (r) => [f(r, "interfaceId")]),
        [{ get: (g) => g.key[0] ?? null }],
      ).map((g) => {
        const bytes = g.items.map((r) => r.bytes);
        const peers = new Set(g.items.map((r) => r.dstAddr).filter((a) => a !== null)).size;
        return row(
          ["interfaceId", g.key[0] ?? null],
          ["p50", percentile(bytes, 50)],
          ["p95", percentile(bytes, 95)],
          ["peers", peers],
        );
      }),
  },
  {
    name: "IPv6 flows and subnets",
    query:
      'filter isValidIpV6(srcAddr) or isIpv6InSubnet(dstAddr, "2001:db8:1234::/48") | stats count(*) as n, sum(bytes) as b by srcAddr, dstAddr',
    expect: (rs) =>
      sortBy(
        groupBy(
          rs.filter((r) => (r.srcAddr?.includes(":") ?? false) || inV6Cidr(r.dstAddr, "2001:db8:1234::/48")),
          (r) => [r.srcAddr, r.dstAddr],
        ),
        [{ get: (g) => g.key[0] ?? null }, { get: (g) => g.key[1] ?? null }],
      ).map((g) =>
        row(
          ["srcAddr", g.key[0] ?? null],
          ["dstAddr", g.key[1] ?? null],
          ["n", g.items.length],
          ["b", sum(g.items.map((r) => r.bytes))],
        ),
      ),
  },
  {
    name: "counts without by",
    query: "stats count(*) as events, count(srcAddr) as withSrc, count_distinct(interfaceId) as enis",
    expect: (rs) => [
      row(
        ["events", rs.length],
        ["withSrc", count(rs.map((r) => f(r, "srcAddr")))],
        ["enis", new Set(rs.filter((r) => r.flow).map((r) => r.interfaceId)).size],
      ),
    ],
  },
  {
    name: "narrow time window (inclusive seconds)",
    query: "stats count(*) as n, sum(packets) as p by action",
    window: { start: BASE_SECONDS + 3600, end: BASE_SECONDS + 7200 },
    expect: (rs) =>
      sortBy(
        groupBy(rs, (r) => [f(r, "action")]),
        [{ get: (g) => g.key[0] ?? null }],
      ).map((g) =>
        row(["action", g.key[0] ?? null], ["n", g.items.length], ["p", sum(g.items.map((r) => r.packets))]),
      ),
  },
  ...[
    ['!= "10.0.1.10"', (r: FlowRecord) => r.srcAddr !== null && r.srcAddr !== "10.0.1.10"],
    ['not like "10.0.1."', (r: FlowRecord) => r.srcAddr !== null && !r.srcAddr.includes("10.0.1.")],
    ["not like /^10\\./", (r: FlowRecord) => r.srcAddr !== null && !r.srcAddr.startsWith("10.")],
    ['not in ["10.0.1.10", 5]', (r: FlowRecord) => r.srcAddr !== null && r.srcAddr !== "10.0.1.10"],
  ].map(([test, keep]) => ({
    name: `a missing field never matches: srcAddr ${test}`,
    query: `filter srcAddr ${test} | stats count(*) as n`,
    expect: (rs: FlowRecord[]) => [row(["n", rs.filter(keep as (r: FlowRecord) => boolean).length])],
  })),
  {
    name: "not of a comparison with a missing field is true",
    query: 'filter not (srcAddr = "10.0.1.10") | stats count(*) as n',
    expect: (rs) => [row(["n", rs.filter((r) => r.srcAddr !== "10.0.1.10").length])],
  },
];
