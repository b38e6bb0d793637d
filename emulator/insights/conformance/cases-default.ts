import { type ConformanceCase, topBy } from "./case";
import { countBySrc, f, like, NAT_DST, NAT_SRC, notLike, pairTotals } from "./discovered";
import { type FlowRecord, NAT_IP } from "./flow-generator";
import { fmtTime, groupBy, inV4Cidr, type Row, row, sortBy, sum } from "./oracle";

/** The documented VPC flow-log sample queries (logs-insights.md §8), verbatim, on the default format. */
export const DEFAULT_CASES: ConformanceCase[] = [
  {
    name: "8.1 top 15 packet transfers",
    query:
      "stats sum(packets) as packetsTransferred by srcAddr, dstAddr\n    | sort packetsTransferred  desc\n    | limit 15",
    expect: (rs) => pairTotals(rs, "packetsTransferred", "packets", 15),
  },
  {
    name: "8.1 top 15 byte transfers on a subnet",
    query:
      'filter isIpv4InSubnet(srcAddr, "192.0.2.0/24")\n    | stats sum(bytes) as bytesTransferred by dstAddr\n    | sort bytesTransferred desc\n    | limit 15',
    expect: (rs) =>
      topBy(
        groupBy(
          rs.filter((r) => inV4Cidr(r.srcAddr, "192.0.2.0/24")),
          (r) => [f(r, "dstAddr")],
        ),
        (g) => sum(g.items.map((r) => r.bytes)),
        15,
      ).map(({ group, value }) => row(["dstAddr", group.key[0] ?? null], ["bytesTransferred", value])),
  },
  { name: "8.1 UDP senders", query: "filter protocol=17 | stats count(*) by srcAddr", expect: countBySrc },
  {
    name: "8.1 SKIPDATA by hour",
    query: 'filter logStatus="SKIPDATA"\n    | stats count(*) by bin(1h) as t\n    | sort t',
    expect: (rs) =>
      sortBy(
        groupBy(
          rs.filter((r) => f(r, "logStatus") === "SKIPDATA"),
          (r) => [Math.floor(r.timestamp / 3_600_000) * 3_600_000],
        ),
        [{ get: (g) => g.key[0] ?? null }],
      ).map((g) => row(["t", fmtTime(Number(g.key[0]))], ["count(*)", g.items.length])),
  },
  ...[
    ["8.2 NAT top senders", "filter (dstAddr like 'x.x.x.x' and srcAddr like 'y.y.') \n", NAT_SRC],
    [
      "8.2 NAT both ways",
      "filter (dstAddr like 'x.x.x.x' and srcAddr like 'y.y.') or (srcAddr like 'xxx.xx.xx.xx' and dstAddr like 'y.y.')\n",
      (r: FlowRecord) => NAT_SRC(r) || NAT_DST(r),
    ],
    [
      "8.2 NAT uploads",
      "filter (srcAddr like 'x.x.x.x' and dstAddr not like 'y.y.') \n",
      (r: FlowRecord) => like(f(r, "srcAddr"), NAT_IP) && notLike(f(r, "dstAddr"), "10.0."),
    ],
    [
      "8.2 NAT downloads",
      "filter (dstAddr like 'x.x.x.x' and srcAddr not like 'y.y.') \n",
      (r: FlowRecord) => like(f(r, "dstAddr"), NAT_IP) && notLike(f(r, "srcAddr"), "10.0."),
    ],
  ].flatMap(([name, filter, keep]) => {
    const query = `${filter}| stats sum(bytes) as bytesTransferred by srcAddr, dstAddr\n| sort bytesTransferred desc\n| limit 10`;
    const adapted = query
      .replaceAll("xxx.xx.xx.xx", NAT_IP)
      .replaceAll("x.x.x.x", NAT_IP)
      .replaceAll("y.y.", "10.0.");
    const test = keep as (r: FlowRecord) => boolean;
    return [
      { name: `${name as string} (verbatim placeholders)`, query, expect: () => [] as Row[] },
      {
        name: `${name as string} (NAT ${NAT_IP}, VPC 10.0.)`,
        query: adapted,
        expect: (rs: FlowRecord[]) => pairTotals(rs.filter(test), "bytesTransferred", "bytes", 10),
      },
    ];
  }),
  {
    name: "8.3 avg/min/max bytes by pair",
    query: "stats avg(bytes), min(bytes), max(bytes) by srcAddr, dstAddr",
    expect: (rs) =>
      sortBy(
        groupBy(rs, (r) => [f(r, "srcAddr"), f(r, "dstAddr")]),
        [{ get: (g) => g.key[0] ?? null }, { get: (g) => g.key[1] ?? null }],
      ).map((g) => {
        const bytes = g.items.map((r) => r.bytes).filter((b): b is number => b !== null);
        const avg = bytes.length ? bytes.reduce((a, b) => a + b, 0) / bytes.length : null;
        const [min, max] = bytes.length ? [Math.min(...bytes), Math.max(...bytes)] : [null, null];
        return row(
          ["srcAddr", g.key[0] ?? null],
          ["dstAddr", g.key[1] ?? null],
          ["avg(bytes)", avg],
          ["min(bytes)", min],
          ["max(bytes)", max],
        );
      }),
  },
  {
    name: "8.3 IP addresses using UDP",
    query: "filter protocol=17 | stats count(*) by srcAddr",
    expect: countBySrc,
  },
  {
    name: "8.3 top 10 byte transfers",
    query:
      "stats sum(bytes) as bytesTransferred by srcAddr, dstAddr |\nsort bytesTransferred desc |\nlimit 10",
    expect: (rs) => pairTotals(rs, "bytesTransferred", "bytes", 10),
  },
  {
    name: "8.3 top 20 rejected sources",
    query:
      'filter action="REJECT" |\nstats count(*) as numRejections by srcAddr |\nsort numRejections desc |\nlimit 20',
    expect: (rs) =>
      topBy(
        groupBy(
          rs.filter((r) => r.action === "REJECT"),
          (r) => [f(r, "srcAddr")],
        ),
        (g) => g.items.length,
        20,
      ).map(({ group, value }) => row(["srcAddr", group.key[0] ?? null], ["numRejections", value])),
  },
  ...["eni-123", "eni-0a1b2c3d4e5f60003"].map((eni) => ({
    name: `8.4 SKIPDATA check for ${eni}`,
    query: `fields @timestamp, @message, @logStream, @log\n| filter interfaceId = '${eni}'\n| stats count(*) by interfaceId, logStatus\n| sort by interfaceId, logStatus`,
    expect: (rs: FlowRecord[]) =>
      sortBy(
        groupBy(
          rs.filter((r) => f(r, "interfaceId") === eni),
          (r) => [f(r, "interfaceId"), f(r, "logStatus")],
        ),
        [{ get: (g) => g.key[0] ?? null }, { get: (g) => g.key[1] ?? null }],
      ).map((g) =>
        row(["interfaceId", g.key[0] ?? null], ["logStatus", g.key[1] ?? null], ["count(*)", g.items.length]),
      ),
  })),
];
