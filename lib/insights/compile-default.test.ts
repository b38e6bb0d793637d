import { describe, expect, test } from "vitest";
import { compileFlowQuery } from "./compile";
import { FlowQueryError } from "./errors";
import { flowFormat } from "./flow-format";
import type { GroupKey, Metric } from "./keys";
import type { FlowFilters } from "./schema";
import { aggregate, ENI, flowQuery, records, VPC } from "./test-fixtures";

const DEFAULT = flowFormat();
const RECORDS_TAIL = "| fields @timestamp, @message, @logStream\n| sort @timestamp desc\n| limit 100";
const compile = (query: unknown) => compileFlowQuery(query, DEFAULT);

describe("default format: each filter on Insights' discovered field names", () => {
  test.each<[string, FlowFilters, string]>([
    ["action", { action: "REJECT" }, 'action = "REJECT"'],
    ["one source address", { srcAddr: "10.1.2.3" }, 'srcAddr = "10.1.2.3"'],
    ["a /32 is one address", { srcAddr: "10.1.2.3/32" }, 'srcAddr = "10.1.2.3"'],
    ["a block, host bits cleared", { dstAddr: "10.0.5.7/16" }, 'isIpInSubnet(dstAddr, "10.0.0.0/16")'],
    ["an IPv6 address", { srcAddr: "2001:db8::1" }, 'isIpInSubnet(srcAddr, "2001:db8::1/128")'],
    ["an IPv6 block", { dstAddr: "2001:DB8:0::/32" }, 'isIpInSubnet(dstAddr, "2001:db8::/32")'],
    ["one port", { srcPort: 22 }, "srcPort = 22"],
    ["a port as text", { dstPort: "443" }, "dstPort = 443"],
    ["a port range", { dstPort: "1024-65535" }, "(dstPort >= 1024 and dstPort <= 65535)"],
    ["a one-port range", { dstPort: "80-80" }, "dstPort = 80"],
    ["a port list, deduplicated", { dstPort: [80, 443, 80] }, "dstPort in [80, 443]"],
    ["a one-port list", { srcPort: [8080] }, "srcPort = 8080"],
    ["one protocol", { protocol: [6] }, "protocol = 6"],
    ["protocols", { protocol: [6, 17] }, "protocol in [6, 17]"],
    ["one log status", { logStatus: ["SKIPDATA"] }, 'logStatus = "SKIPDATA"'],
    ["log statuses", { logStatus: ["NODATA", "SKIPDATA"] }, 'logStatus in ["NODATA", "SKIPDATA"]'],
    ["interface", { interfaceId: ENI }, `interfaceId = "${ENI}"`],
  ])("%s", (_name, filters, clause) => {
    const compiled = compile(flowQuery({ filters }));
    expect(compiled.queryStrings).toEqual([`filter ${clause}\n${RECORDS_TAIL}`]);
    expect(compiled.unsupported).toEqual([]);
  });

  test("filters combine with and, in a fixed order whatever the input order", () => {
    const filters: FlowFilters = { dstPort: 22, protocol: [6], action: "ACCEPT", interfaceId: ENI };
    expect(compile(flowQuery({ filters })).queryStrings[0]).toBe(
      `filter interfaceId = "${ENI}" and action = "ACCEPT" and dstPort = 22 and protocol = 6\n${RECORDS_TAIL}`,
    );
  });

  test.each<[string, FlowFilters, string]>([
    ["tcpFlags", { tcpFlags: 2 }, "tcp-flags"],
    ["flowDirection", { flowDirection: "egress" }, "flow-direction"],
    ["trafficPath", { trafficPath: [8] }, "traffic-path"],
    ["pktSrcAwsService", { pktSrcAwsService: "S3" }, "pkt-src-aws-service"],
    ["pktDstAwsService", { pktDstAwsService: "DYNAMODB" }, "pkt-dst-aws-service"],
    ["pktSrcAddr", { pktSrcAddr: "10.0.1.5" }, "pkt-srcaddr"],
    ["pktDstAddr", { pktDstAddr: "203.0.113.5" }, "pkt-dstaddr"],
  ])("%s cannot be expressed: reported, never dropped silently", (name, filters, field) => {
    const compiled = compile(flowQuery({ filters: { action: "REJECT", ...filters } }));
    expect(compiled.queryStrings).toEqual([`filter action = "REJECT"\n${RECORDS_TAIL}`]);
    expect(compiled.unsupported).toEqual([`filters.${name}: the flow log's format has no ${field} field`]);
    expect(() => compileFlowQuery(flowQuery({ filters }), DEFAULT, { strict: true })).toThrow(
      `filters.${name}: the flow log's format has no ${field} field`,
    );
  });
});

describe("default format: shapes", () => {
  test("records sorted by bytes", () => {
    const shape = records({ limit: 25, sort: { by: "bytes", direction: "asc" } });
    expect(compile(flowQuery({ shape })).queryStrings).toEqual([
      "fields @timestamp, @message, @logStream\n| sort bytes asc\n| limit 25",
    ]);
  });

  test.each<[GroupKey, string]>([
    ["srcAddr", "srcAddr"],
    ["dstAddr", "dstAddr"],
    ["srcPort", "srcPort"],
    ["dstPort", "dstPort"],
    ["protocol", "protocol"],
    ["interfaceId", "interfaceId"],
    ["action", "action"],
    ["pair", "srcAddr, dstAddr"],
  ])("group by %s", (key, by) => {
    expect(compile(flowQuery({ shape: aggregate({ groupBy: [key] }) })).queryStrings).toEqual([
      `filter logStatus = "OK"\n| stats sum(bytes) as totalBytes by ${by}\n| sort totalBytes desc\n| limit 100`,
    ]);
  });

  test("group by logStatus keeps NODATA and SKIPDATA records", () => {
    expect(
      compile(flowQuery({ shape: aggregate({ groupBy: ["logStatus", "interfaceId"] }) })).queryStrings,
    ).toEqual([
      "stats sum(bytes) as totalBytes by logStatus, interfaceId\n| sort totalBytes desc\n| limit 100",
    ]);
  });

  test.each(["subnetId", "vpcId", "instanceId", "flowDirection", "trafficPath", "pktSrcAwsService"] as const)(
    "group by %s is impossible: an error, not a wrong answer",
    (key) => {
      expect(() => compile(flowQuery({ shape: aggregate({ groupBy: [key] }) }))).toThrow(FlowQueryError);
      expect(() => compile(flowQuery({ shape: aggregate({ groupBy: [key] }) }))).toThrow(/^shape\.groupBy: /);
    },
  );

  test.each<[Metric, string]>([
    ["bytes", "sum(bytes) as totalBytes"],
    ["packets", "sum(packets) as totalPackets"],
    ["flows", "count(*) as flows"],
    ["rejectedFlows", 'sum(strcontains(action, "REJECT")) as rejected'],
    ["acceptedFlows", 'sum(strcontains(action, "ACCEPT")) as accepted'],
  ])("metric %s, totals without a group", (metric, stats) => {
    expect(compile(flowQuery({ shape: aggregate({ metrics: [metric] }) })).queryStrings).toEqual([
      `filter logStatus = "OK"\n| stats ${stats}\n| limit 100`,
    ]);
  });

  test("AWS's top-20 rejected sources sample, as a flow query", () => {
    const shape = aggregate({ groupBy: ["srcAddr"], metrics: ["flows"], limit: 20 });
    expect(compile(flowQuery({ filters: { action: "REJECT" }, shape })).queryStrings).toEqual([
      'filter action = "REJECT" and logStatus = "OK"\n| stats count(*) as flows by srcAddr\n| sort flows desc\n| limit 20',
    ]);
  });

  test("orderBy picks the sort metric; an explicit logStatus filter replaces the OK guard", () => {
    const shape = aggregate({
      groupBy: ["dstPort"],
      metrics: ["bytes", "rejectedFlows"],
      orderBy: "rejectedFlows",
    });
    expect(compile(flowQuery({ filters: { logStatus: ["OK", "SKIPDATA"] }, shape })).queryStrings).toEqual([
      'filter logStatus in ["OK", "SKIPDATA"]\n| stats sum(bytes) as totalBytes, sum(strcontains(action, "REJECT")) as rejected by dstPort\n| sort rejected desc\n| limit 100',
    ]);
  });

  test.each([
    ["1m", 24, "1m"],
    ["5m", 24, "5m"],
    ["15m", 24, "15m"],
    ["1h", 24, "1h"],
    ["1d", 24 * 30, "24h"],
    ["auto", 1, "1m"],
    ["auto", 24, "5m"],
    ["auto", 24 * 7, "1h"],
    ["auto", 24 * 30, "3h"],
  ] as const)("bin %s over %i hours is bin(%s)", (bin, hours, period) => {
    const shape = aggregate({ bin, metrics: ["acceptedFlows", "rejectedFlows"], limit: 1000 });
    expect(compile(flowQuery({ hours, shape })).queryStrings).toEqual([
      `filter logStatus = "OK"\n| stats sum(strcontains(action, "ACCEPT")) as accepted, sum(strcontains(action, "REJECT")) as rejected by bin(${period}) as bucket\n| sort bucket asc\n| limit 1000`,
    ]);
  });

  test("a binned, grouped aggregate sorts by time, then by the metric", () => {
    const compiled = compile(
      flowQuery({ shape: aggregate({ bin: "5m", groupBy: ["action"], metrics: ["packets"] }) }),
    );
    expect(compiled.queryStrings).toEqual([
      'filter logStatus = "OK"\n| stats sum(packets) as totalPackets by bin(5m) as bucket, action\n| sort bucket asc, totalPackets desc\n| limit 100',
    ]);
    expect(compiled.binMs).toBe(300_000);
    expect(compiled.columns.map((c) => c.field)).toEqual(["bucket", "action", "totalPackets"]);
  });

  test("scope by VPC needs interface ids on the default format", () => {
    expect(() => compile(flowQuery({ scope: { vpcId: VPC } }))).toThrow(
      "scope.vpcId: the flow log's format has no vpc-id field; pass scope.interfaceIds, the interfaces in scope",
    );
    expect(compile(flowQuery({ scope: { vpcId: VPC, interfaceIds: [ENI] } })).queryStrings).toEqual([
      `filter interfaceId in ["${ENI}"]\n${RECORDS_TAIL}`,
    ]);
  });
});
