import { type ConformanceCase, topBy } from "./case";
import { eq, fmtTime, groupBy, inV4Cidr, num, row, sortBy } from "./oracle";
import { extreme, key, PARSE, p, sumBy, v } from "./parsed";

/** The documented flow-log queries adapted to a custom version-5 format with `parse`. */
export const CUSTOM_CASES: ConformanceCase[] = [
  {
    name: "custom: 8.1 top 15 packet transfers",
    query: `${PARSE}\n| stats sum(packets) as packetsTransferred by srcaddr, dstaddr\n| sort packetsTransferred desc\n| limit 15`,
    expect: (rs) => sumBy(rs, ["srcaddr", "dstaddr"], "packetsTransferred", "packets", 15),
  },
  {
    name: "custom: 8.1 top 15 byte transfers on a subnet",
    query: `${PARSE}\n| filter isIpv4InSubnet(srcaddr, "192.0.2.0/24")\n| stats sum(bytes) as bytesTransferred by dstaddr\n| sort bytesTransferred desc\n| limit 15`,
    expect: (rs) =>
      sumBy(
        rs.filter((r) => inV4Cidr(p(r).srcaddr ?? null, "192.0.2.0/24")),
        ["dstaddr"],
        "bytesTransferred",
        "bytes",
        15,
      ),
  },
  {
    name: "custom: 8.1 UDP senders (text compared with a number)",
    query: `${PARSE} | filter protocol=17 | stats count(*) by srcaddr`,
    expect: (rs) =>
      sortBy(
        groupBy(
          rs.filter((r) => eq(v(r, "protocol"), 17)),
          (r) => [v(r, "srcaddr")],
        ),
        [key(0)],
      ).map((g) => row(["srcaddr", g.key[0] ?? null], ["count(*)", g.items.length])),
  },
  {
    name: "custom: 8.1 SKIPDATA by hour",
    query: `${PARSE} | filter log_status="SKIPDATA" | stats count(*) by bin(1h) as t | sort t`,
    expect: (rs) =>
      sortBy(
        groupBy(
          rs.filter((r) => v(r, "log_status") === "SKIPDATA"),
          (r) => [Math.floor(r.timestamp / 3_600_000) * 3_600_000],
        ),
        [{ get: (g) => g.key[0] ?? null }],
      ).map((g) => row(["t", fmtTime(Number(g.key[0]))], ["count(*)", g.items.length])),
  },
  {
    name: "custom: 8.3 top 20 rejected sources",
    query: `${PARSE} | filter action="REJECT" | stats count(*) as numRejections by srcaddr | sort numRejections desc | limit 20`,
    expect: (rs) =>
      topBy(
        groupBy(
          rs.filter((r) => v(r, "action") === "REJECT"),
          (r) => [v(r, "srcaddr")],
        ),
        (g) => g.items.length,
        20,
        true,
      ).map(({ group, value }) => row(["srcaddr", group.key[0] ?? null], ["numRejections", value])),
  },
  {
    name: "custom: 8.3 avg/min/max bytes by pair",
    query: `${PARSE} | stats avg(bytes), min(bytes), max(bytes) by srcaddr, dstaddr`,
    expect: (rs) =>
      sortBy(
        groupBy(rs, (r) => [v(r, "srcaddr"), v(r, "dstaddr")]),
        [key(0), key(1)],
      ).map((g) => {
        const bytes = g.items.map((r) => v(r, "bytes"));
        const numbers = bytes.map(num).filter((x): x is number => x !== null);
        const avg = numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : null;
        return row(
          ["srcaddr", g.key[0] ?? null],
          ["dstaddr", g.key[1] ?? null],
          ["avg(bytes)", avg],
          ["min(bytes)", extreme(bytes, false)],
          ["max(bytes)", extreme(bytes, true)],
        );
      }),
  },
];
