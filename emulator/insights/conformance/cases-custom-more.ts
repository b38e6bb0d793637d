import { type ConformanceCase, rawOrder, topBy } from "./case";
import { fmtTime, groupBy, percentile, row, sortBy, stddev, sum } from "./oracle";
import { key, PARSE, v } from "./parsed";

/** More queries on the custom format: text compared with numbers, regex parse, dedup, raw rows. */
export const CUSTOM_MORE_CASES: ConformanceCase[] = [
  {
    name: "custom: egress through an internet gateway (reference §8)",
    query: `${PARSE}\n| filter flow_direction = "egress" and traffic_path = "8"\n| stats count(*) as n, sum(bytes) as b by interface_id`,
    expect: (rs) =>
      sortBy(
        groupBy(
          rs.filter((r) => r.flowDirection === "egress" && r.trafficPath === 8),
          (r) => [r.interfaceId],
        ),
        [key(0)],
      ).map((g) =>
        row(
          ["interface_id", g.key[0] ?? null],
          ["n", g.items.length],
          ["b", sum(g.items.map((r) => r.bytes))],
        ),
      ),
  },
  {
    name: "custom: rejected well-known ports",
    query: `${PARSE} | filter dstport < 1024 and action = "REJECT" | stats count(*) as n by dstport | sort n desc`,
    expect: (rs) =>
      sortBy(
        groupBy(
          rs.filter((r) => r.dstPort !== null && r.dstPort < 1024 && r.action === "REJECT"),
          (r) => [String(r.dstPort)],
        ),
        [{ get: (g) => g.items.length, desc: true }, key(0)],
      ).map((g) => row(["dstport", g.key[0] ?? null], ["n", g.items.length])),
  },
  {
    name: "custom: translated sources (pkt-srcaddr differs)",
    query: `${PARSE} | filter pkt_srcaddr != srcaddr | stats count(*) as n by srcaddr, pkt_srcaddr`,
    expect: (rs) =>
      sortBy(
        groupBy(
          rs.filter((r) => v(r, "pkt_srcaddr") !== v(r, "srcaddr")),
          (r) => [v(r, "srcaddr"), v(r, "pkt_srcaddr")],
        ),
        [key(0), key(1)],
      ).map((g) =>
        row(["srcaddr", g.key[0] ?? null], ["pkt_srcaddr", g.key[1] ?? null], ["n", g.items.length]),
      ),
  },
  {
    name: "custom: regex parse with named groups",
    query:
      'parse @message /^(?<version>\\d+) (?<vpc>\\S+) \\S+ \\S+ (?<eni>\\S+) \\S+ (?<type>\\S+) (?<src>\\S+)/ | filter type = "IPv6" | stats count(*) as n by vpc, eni, src | sort n desc, eni | limit 10',
    expect: (rs) =>
      sortBy(
        groupBy(
          rs.filter((r) => r.type === "IPv6"),
          (r) => [r.vpcId, r.interfaceId, r.srcAddr],
        ),
        [{ get: (g) => g.items.length, desc: true }, key(1), key(0), key(1), key(2)],
      )
        .slice(0, 10)
        .map((g) =>
          row(
            ["vpc", g.key[0] ?? null],
            ["eni", g.key[1] ?? null],
            ["src", g.key[2] ?? null],
            ["n", g.items.length],
          ),
        ),
  },
  {
    name: "custom: tcp flags in a list",
    query: `${PARSE} | filter tcp_flags in [2, 18] | stats count(*) as n by tcp_flags, flow_direction`,
    expect: (rs) =>
      sortBy(
        groupBy(
          rs.filter((r) => r.tcpFlags === 2 || r.tcpFlags === 18),
          (r) => [String(r.tcpFlags), r.flowDirection],
        ),
        [key(0), key(1)],
      ).map((g) =>
        row(["tcp_flags", g.key[0] ?? null], ["flow_direction", g.key[1] ?? null], ["n", g.items.length]),
      ),
  },
  {
    name: "custom: raw rows sorted by parsed bytes",
    query: `${PARSE} | fields @timestamp, srcaddr, dstaddr, bytes | filter bytes > 2000000 | sort bytes desc | limit 20`,
    expect: (rs) =>
      sortBy(rawOrder(rs.filter((r) => (r.bytes ?? 0) > 2_000_000)), [{ get: (r) => r.bytes, desc: true }])
        .slice(0, 20)
        .map((r) =>
          row(
            ["@timestamp", fmtTime(r.timestamp)],
            ["srcaddr", r.srcAddr],
            ["dstaddr", r.dstAddr],
            ["bytes", String(r.bytes)],
          ),
        ),
  },
  {
    name: "custom: pct, stddev and count_distinct per VPC",
    query: `${PARSE} | stats pct(bytes, 95) as p95, stddev(bytes) as sd, count_distinct(dstaddr) as peers by vpc_id`,
    expect: (rs) =>
      sortBy(
        groupBy(rs, (r) => [r.vpcId]),
        [key(0)],
      ).map((g) => {
        const bytes = g.items.map((r) => v(r, "bytes"));
        return row(
          ["vpc_id", g.key[0] ?? null],
          ["p95", percentile(bytes, 95)],
          ["sd", stddev(bytes)],
          ["peers", new Set(g.items.map((r) => v(r, "dstaddr"))).size],
        );
      }),
  },
  {
    name: "custom: latest record per ENI and action (dedup)",
    query: `${PARSE} | fields @timestamp, interface_id, action | sort @timestamp desc | dedup interface_id, action | limit 30`,
    expect: (rs) => {
      const seen = new Set<string>();
      return rawOrder(rs)
        .filter((r) => {
          const id = `${v(r, "interface_id")}|${v(r, "action")}`;
          if (seen.has(id)) return false;
          seen.add(id);
          return true;
        })
        .slice(0, 30)
        .map((r) =>
          row(
            ["@timestamp", fmtTime(r.timestamp)],
            ["interface_id", v(r, "interface_id")],
            ["action", v(r, "action")],
          ),
        );
    },
  },
  {
    name: "custom: the reference's 21-field v3 glob on 23-field records",
    query:
      'parse @message "* * * * * * * * * * * * * * * * * * * * *" as version, vpc_id, subnet_id, instance_id, interface_id, account_id, type, srcaddr, dstaddr, srcport, dstport, pkt_srcaddr, pkt_dstaddr, protocol, bytes, packets, start, end, action, tcp_flags, log_status\n| filter action = "REJECT"\n| stats count(*) as rejects by srcaddr, dstaddr, dstport\n| sort rejects desc\n| limit 20',
    expect: (rs) =>
      topBy(
        groupBy(
          rs.filter((r) => r.action === "REJECT"),
          (r) => [v(r, "srcaddr"), v(r, "dstaddr"), v(r, "dstport")],
        ),
        (g) => g.items.length,
        20,
        true,
      ).map(({ group, value }) =>
        row(
          ["srcaddr", group.key[0] ?? null],
          ["dstaddr", group.key[1] ?? null],
          ["dstport", group.key[2] ?? null],
          ["rejects", value],
        ),
      ),
  },
];
