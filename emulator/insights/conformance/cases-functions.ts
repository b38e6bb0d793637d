import { type ConformanceCase, rawOrder } from "./case";
import { f } from "./discovered";
import type { FlowRecord } from "./flow-generator";
import { eq, fmtTime, groupBy, row, sortBy } from "./oracle";

const n = (r: FlowRecord, name: string): number | null => {
  const value = f(r, name);
  return typeof value === "number" ? value : null;
};
const gt = (a: number | null, b: number) => a !== null && a > b;

/** Default-format cases for operators and functions. */
export const FUNCTION_CASES: ConformanceCase[] = [
  {
    name: "computed fields sorted by a float",
    query:
      'fields @timestamp, srcAddr, dstAddr, bytes / packets as avgSize | filter action = "ACCEPT" and bytes > 1000000 | sort avgSize desc | limit 50',
    expect: (rs) =>
      sortBy(rawOrder(rs.filter((r) => r.action === "ACCEPT" && gt(n(r, "bytes"), 1_000_000))), [
        { get: (r) => (r.bytes ?? 0) / (r.packets ?? 1), desc: true },
      ])
        .slice(0, 50)
        .map((r) =>
          row(
            ["@timestamp", fmtTime(r.timestamp)],
            ["srcAddr", r.srcAddr],
            ["dstAddr", r.dstAddr],
            ["avgSize", (r.bytes ?? 0) / (r.packets ?? 1)],
          ),
        ),
  },
  {
    name: "in [...] with sort on two keys",
    query:
      "filter dstPort in [22, 3389] and action = 'REJECT' | stats count(*) as attempts by srcAddr, dstPort | sort attempts desc, srcAddr | limit 30",
    expect: (rs) =>
      sortBy(
        groupBy(
          rs.filter((r) => (r.dstPort === 22 || r.dstPort === 3389) && r.action === "REJECT"),
          (r) => [r.srcAddr, r.dstPort],
        ),
        [
          { get: (g) => g.items.length, desc: true },
          { get: (g) => g.key[0] ?? null },
          { get: (g) => g.key[1] ?? null },
        ],
      )
        .slice(0, 30)
        .map((g) =>
          row(["srcAddr", g.key[0] ?? null], ["dstPort", g.key[1] ?? null], ["attempts", g.items.length]),
        ),
  },
  {
    name: "regex like and not",
    query:
      'filter srcAddr like /^203\\.0\\.113\\./ and not (action = "ACCEPT") | stats count(*) as n by srcAddr',
    expect: (rs) =>
      sortBy(
        groupBy(
          rs.filter((r) => (r.srcAddr?.startsWith("203.0.113.") ?? false) && !eq(f(r, "action"), "ACCEPT")),
          (r) => [r.srcAddr],
        ),
        [{ get: (g) => g.key[0] ?? null }],
      ).map((g) => row(["srcAddr", g.key[0] ?? null], ["n", g.items.length])),
  },
  {
    name: "case-insensitive regex on @message",
    query: "filter @message like /(?i)nodata|SkipData/ | stats count(*) as n by logStatus",
    expect: (rs) =>
      sortBy(
        groupBy(
          rs.filter((r) => /nodata|skipdata/i.test(r.message)),
          (r) => [f(r, "logStatus")],
        ),
        [{ get: (g) => g.key[0] ?? null }],
      ).map((g) => row(["logStatus", g.key[0] ?? null], ["n", g.items.length])),
  },
  {
    name: "ispresent and isValidIpV4",
    query: "filter ispresent(srcAddr) and not isValidIpV4(srcAddr) | stats count(*) as v6flows",
    expect: (rs) => [row(["v6flows", rs.filter((r) => r.flow && r.srcAddr?.includes(":")).length])],
  },
  {
    name: "earliest, latest, min and max of @timestamp",
    query:
      "stats earliest(action) as first, latest(action) as last, min(@timestamp) as since, max(@timestamp) as until by interfaceId",
    expect: (rs) =>
      sortBy(
        groupBy(rs, (r) => [f(r, "interfaceId")]),
        [{ get: (g) => g.key[0] ?? null }],
      ).map((g) => {
        const withAction = [...g.items]
          .filter((r) => r.action !== null && r.flow)
          .sort((a, b) => a.timestamp - b.timestamp || a.seq - b.seq);
        const times = g.items.map((r) => r.timestamp);
        return row(
          ["interfaceId", g.key[0] ?? null],
          ["first", withAction[0]?.action ?? null],
          ["last", withAction.at(-1)?.action ?? null],
          ["since", fmtTime(Math.min(...times))],
          ["until", fmtTime(Math.max(...times))],
        );
      }),
  },
  {
    name: "string functions",
    query:
      'fields concat(srcAddr, ":", srcPort) as src, strlen(dstAddr) as n, toupper(tolower(action)) as a, substr(interfaceId, 4, 6) as short | filter protocol = 6 and srcPort < 1024 | sort n desc, src | limit 40',
    expect: (rs) =>
      sortBy(rawOrder(rs.filter((r) => r.protocol === 6 && (r.srcPort ?? 99999) < 1024)), [
        { get: (r) => r.dstAddr?.length ?? null, desc: true },
        { get: (r) => `${r.srcAddr}:${r.srcPort}` },
      ])
        .slice(0, 40)
        .map((r) =>
          row(
            ["src", `${r.srcAddr}:${r.srcPort}`],
            ["n", r.dstAddr?.length ?? null],
            ["a", r.action],
            ["short", r.interfaceId.slice(4, 10)],
          ),
        ),
  },
];
