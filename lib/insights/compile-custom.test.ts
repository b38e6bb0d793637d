import { describe, expect, test } from "vitest";
import { compileFlowQuery } from "./compile";
import { flowFormat } from "./flow-format";
import type { GroupKey } from "./keys";
import type { FlowFilters } from "./schema";
import {
  aggregate,
  ENI,
  flowQuery,
  NAT_LOG_FORMAT,
  records,
  V3_LOG_FORMAT,
  V5_LOG_FORMAT,
  VPC,
} from "./test-fixtures";

const V3 = flowFormat(V3_LOG_FORMAT);
const V5 = flowFormat(V5_LOG_FORMAT);
const SUBNET = "subnet-aaaaaaaa012345678";

const PARSE_V3 = `parse @message "${Array(21).fill("*").join(" ")}" as version, vpc_id, subnet_id, instance_id, interface_id, account_id, type, srcaddr, dstaddr, srcport, dstport, pkt_srcaddr, pkt_dstaddr, protocol, bytes, packets, start, end, action, tcp_flags, log_status`;
const PARSE_V5 = `parse @message "${Array(29).fill("*").join(" ")}" as version, srcaddr, dstaddr, srcport, dstport, protocol, start, end, type, packets, bytes, account_id, vpc_id, subnet_id, instance_id, interface_id, region, az_id, sublocation_type, sublocation_id, action, tcp_flags, pkt_srcaddr, pkt_dstaddr, pkt_src_aws_service, pkt_dst_aws_service, traffic_path, flow_direction, log_status`;
const RECORDS_TAIL = "| fields @timestamp, @message, @logStream\n| sort @timestamp desc\n| limit 100";

const FILTER_CASES: [string, FlowFilters, string][] = [
  ["action", { action: "ACCEPT" }, 'action = "ACCEPT"'],
  ["srcAddr", { srcAddr: "52.213.180.42" }, 'srcaddr = "52.213.180.42"'],
  ["dstAddr", { dstAddr: "10.0.0.0/24" }, 'isIpInSubnet(dstaddr, "10.0.0.0/24")'],
  ["srcPort", { srcPort: "1024-65535" }, "(srcport >= 1024 and srcport <= 65535)"],
  ["dstPort", { dstPort: [80, 5001] }, "dstport in [80, 5001]"],
  ["protocol", { protocol: [6] }, "protocol = 6"],
  ["logStatus", { logStatus: ["NODATA"] }, 'log_status = "NODATA"'],
  ["tcpFlags SYN", { tcpFlags: 2 }, "floor(tcp_flags / 2) % 2 = 1"],
  ["tcpFlags FIN|RST", { tcpFlags: 5 }, "(tcp_flags % 2 = 1 or floor(tcp_flags / 4) % 2 = 1)"],
  ["interfaceId", { interfaceId: ENI }, `interface_id = "${ENI}"`],
  ["pktSrcAddr", { pktSrcAddr: "10.20.33.164" }, 'pkt_srcaddr = "10.20.33.164"'],
  ["pktDstAddr", { pktDstAddr: "2001:db8::/48" }, 'isIpInSubnet(pkt_dstaddr, "2001:db8::/48")'],
];

describe("v3 custom format (§10.5): parse, then the same filters on the parsed names", () => {
  test.each(FILTER_CASES)("%s", (_name, filters, clause) => {
    const compiled = compileFlowQuery(flowQuery({ filters }), V3);
    expect(compiled.queryStrings).toEqual([`${PARSE_V3}\n| filter ${clause}\n${RECORDS_TAIL}`]);
    expect(compiled.unsupported).toEqual([]);
  });

  test.each<[string, FlowFilters]>([
    ["flowDirection", { flowDirection: "ingress" }],
    ["trafficPath", { trafficPath: [1] }],
    ["pktSrcAwsService", { pktSrcAwsService: "S3" }],
  ])("v5 filter %s is reported as unsupported", (name, filters) => {
    const compiled = compileFlowQuery(flowQuery({ filters }), V3);
    expect(compiled.queryStrings).toEqual([`${PARSE_V3}\n${RECORDS_TAIL}`]);
    expect(compiled.unsupported).toEqual([expect.stringMatching(new RegExp(`^filters\\.${name}: `))]);
  });

  test("scope by VPC and subnets uses the record's own vpc-id and subnet-id", () => {
    const scope = { vpcId: VPC, subnetIds: [SUBNET, "subnet-0123456789abcdef0"], interfaceIds: [ENI] };
    const shape = aggregate({ groupBy: ["instanceId", "subnetId"], metrics: ["flows"] });
    expect(compileFlowQuery(flowQuery({ scope, shape }), V3).queryStrings).toEqual([
      `${PARSE_V3}\n| filter vpc_id = "${VPC}" and subnet_id in ["${SUBNET}", "subnet-0123456789abcdef0"] and log_status = "OK"\n| stats count(*) as flows by instance_id, subnet_id\n| sort flows desc\n| limit 100`,
    ]);
  });

  test("records sorted by packets", () => {
    const shape = records({ sort: { by: "packets", direction: "desc" }, limit: 5 });
    expect(compileFlowQuery(flowQuery({ scope: { subnetIds: [SUBNET] }, shape }), V3).queryStrings).toEqual([
      `${PARSE_V3}\n| filter subnet_id = "${SUBNET}"\n| fields @timestamp, @message, @logStream\n| sort packets desc\n| limit 5`,
    ]);
  });
});

describe("v5 custom format (§10.8)", () => {
  test.each<[string, FlowFilters, string]>([
    ...FILTER_CASES,
    ["flowDirection", { flowDirection: "egress" }, 'flow_direction = "egress"'],
    ["trafficPath", { trafficPath: [2, 8] }, "traffic_path in [2, 8]"],
    ["pktSrcAwsService", { pktSrcAwsService: "S3" }, 'pkt_src_aws_service = "S3"'],
    [
      "pktDstAwsService",
      { pktDstAwsService: "EC2_INSTANCE_CONNECT" },
      'pkt_dst_aws_service = "EC2_INSTANCE_CONNECT"',
    ],
  ])("%s", (_name, filters, clause) => {
    const compiled = compileFlowQuery(flowQuery({ filters }), V5);
    expect(compiled.queryStrings).toEqual([`${PARSE_V5}\n| filter ${clause}\n${RECORDS_TAIL}`]);
  });

  test.each<[GroupKey, string]>([
    ["srcAddr", "srcaddr"],
    ["dstAddr", "dstaddr"],
    ["srcPort", "srcport"],
    ["dstPort", "dstport"],
    ["protocol", "protocol"],
    ["interfaceId", "interface_id"],
    ["action", "action"],
    ["pair", "srcaddr, dstaddr"],
    ["subnetId", "subnet_id"],
    ["vpcId", "vpc_id"],
    ["instanceId", "instance_id"],
    ["flowDirection", "flow_direction"],
    ["trafficPath", "traffic_path"],
    ["pktSrcAddr", "pkt_srcaddr"],
    ["pktDstAddr", "pkt_dstaddr"],
    ["pktSrcAwsService", "pkt_src_aws_service"],
    ["pktDstAwsService", "pkt_dst_aws_service"],
  ])("group by %s", (key, by) => {
    const shape = aggregate({ groupBy: [key], metrics: ["bytes", "packets"], bin: "15m" });
    expect(compileFlowQuery(flowQuery({ scope: { vpcId: VPC }, shape }), V5).queryStrings).toEqual([
      `${PARSE_V5}\n| filter vpc_id = "${VPC}" and log_status = "OK"\n| stats sum(bytes) as totalBytes, sum(packets) as totalPackets by bin(15m) as bucket, ${by}\n| sort bucket asc, totalBytes desc\n| limit 100`,
    ]);
  });

  test("pair together with srcAddr groups by each address once", () => {
    const shape = aggregate({ groupBy: ["srcAddr", "pair", "dstPort"] });
    expect(compileFlowQuery(flowQuery({ shape }), V5).queryStrings[0]).toContain(
      "by srcaddr, dstaddr, dstport\n",
    );
  });
});

describe("formats without log-status", () => {
  const NAT = flowFormat(NAT_LOG_FORMAT);

  test("aggregates leave out `-` values of the grouped 5-tuple fields instead", () => {
    const shape = aggregate({ groupBy: ["pair", "pktDstAddr", "instanceId"], metrics: ["flows"] });
    expect(compileFlowQuery(flowQuery({ shape }), NAT).queryStrings).toEqual([
      'parse @message "* * * * * *" as instance_id, interface_id, srcaddr, dstaddr, pkt_srcaddr, pkt_dstaddr\n| filter srcaddr != "-" and dstaddr != "-"\n| stats count(*) as flows by srcaddr, dstaddr, pkt_dstaddr, instance_id\n| sort flows desc\n| limit 100',
    ]);
  });

  test("metrics the format cannot compute are reported; with none left it is an error", () => {
    const shape = aggregate({ metrics: ["bytes", "flows"], orderBy: "bytes", groupBy: ["srcAddr"] });
    const compiled = compileFlowQuery(flowQuery({ shape }), NAT);
    expect(compiled.unsupported).toEqual([
      "shape.metrics: the flow log's format has no bytes field for bytes",
    ]);
    expect(compiled.orderBy).toBe("flows");
    expect(compiled.queryStrings[0]).toContain("| stats count(*) as flows by srcaddr\n| sort flows desc\n");
    expect(() =>
      compileFlowQuery(flowQuery({ shape: aggregate({ metrics: ["rejectedFlows"] }) }), NAT),
    ).toThrow("shape.metrics: the flow log's format has no action field for rejectedFlows");
  });

  test("records sorted by a missing field fall back to time, and say so", () => {
    const compiled = compileFlowQuery(
      flowQuery({ shape: records({ sort: { by: "bytes", direction: "desc" } }) }),
      NAT,
    );
    expect(compiled.unsupported).toEqual([
      "shape.sort: the flow log's format has no bytes field; sorted by time instead",
    ]);
    expect(compiled.recordSort).toEqual({ by: "timestamp", direction: "desc" });
  });
});
