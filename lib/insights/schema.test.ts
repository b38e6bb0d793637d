import { describe, expect, test } from "vitest";
import { compileFlowQuery } from "./compile";
import { FlowQueryError } from "./errors";
import { flowFormat } from "./flow-format";
import { parseFlowQuery, safeParseFlowQuery } from "./schema";
import { aggregate, ENI, flowQuery, T0, VPC } from "./test-fixtures";

const valid = flowQuery();
const withFilters = (filters: Record<string, unknown>) => ({ ...valid, filters });
const withScope = (scope: Record<string, unknown>) => ({ ...valid, scope });
const withShape = (shape: Record<string, unknown>) => ({ ...valid, shape });
const withAggregate = (over: Record<string, unknown>) => withShape({ ...aggregate(), ...over });

const MALFORMED: [string, unknown, string][] = [
  ["not an object", "select *", "query"],
  ["an unknown top-level key", { ...valid, sql: "x" }, "query"],
  ["no time range", { ...valid, timeRange: undefined }, "timeRange"],
  ["end before start", { ...valid, timeRange: { start: T0, end: T0 - 1 } }, "timeRange.end"],
  ["end equal to start", { ...valid, timeRange: { start: T0, end: T0 } }, "timeRange.end"],
  ["a fractional time", { ...valid, timeRange: { start: 1.5, end: T0 } }, "timeRange.start"],
  ["a time as text", { ...valid, timeRange: { start: String(T0), end: T0 + 1 } }, "timeRange.start"],
  ["a negative time", { ...valid, timeRange: { start: -5, end: T0 } }, "timeRange.start"],
  ["an unknown scope key", withScope({ accountId: "123456789012" }), "scope"],
  ["a VPC id with capitals", withScope({ vpcId: "vpc-0123456789ABCDEF0" }), "scope.vpcId"],
  ["a VPC id with 10 digits", withScope({ vpcId: "vpc-0123456789" }), "scope.vpcId"],
  ["a subnet id as the VPC", withScope({ vpcId: "subnet-0123456789abcdef0" }), "scope.vpcId"],
  ["an empty subnet list", withScope({ subnetIds: [] }), "scope.subnetIds"],
  ["a bad subnet in a list", withScope({ subnetIds: ["subnet-01234567", "subnet-x"] }), "scope.subnetIds.1"],
  ["an interface id with a quote", withScope({ interfaceIds: [`${ENI}"`] }), "scope.interfaceIds.0"],
  ["too many interfaces", withScope({ interfaceIds: Array(5001).fill(ENI) }), "scope.interfaceIds"],
  ["an unknown filter", withFilters({ addr: "10.0.0.1" }), "filters"],
  ["action in lower case", withFilters({ action: "reject" }), "filters.action"],
  ["a host name as address", withFilters({ srcAddr: "example.com" }), "filters.srcAddr"],
  ["an address with a space", withFilters({ srcAddr: " 10.0.0.1" }), "filters.srcAddr"],
  ["an IPv4 shorthand", withFilters({ dstAddr: "10.1" }), "filters.dstAddr"],
  ["a prefix too long", withFilters({ dstAddr: "10.0.0.0/33" }), "filters.dstAddr"],
  ["an IPv6 zone id", withFilters({ pktSrcAddr: "fe80::1%eth0" }), "filters.pktSrcAddr"],
  ["an octet over 255", withFilters({ pktDstAddr: "10.0.0.256" }), "filters.pktDstAddr"],
  ["a port over 65535", withFilters({ dstPort: 65536 }), "filters.dstPort"],
  ["a negative port", withFilters({ srcPort: -1 }), "filters.srcPort"],
  ["a fractional port", withFilters({ srcPort: 80.5 }), "filters.srcPort"],
  ["a reversed range", withFilters({ dstPort: "443-80" }), "filters.dstPort"],
  ["a range past 65535", withFilters({ dstPort: "1024-70000" }), "filters.dstPort"],
  ["a range with spaces", withFilters({ dstPort: "80 - 90" }), "filters.dstPort"],
  ["an empty port list", withFilters({ dstPort: [] }), "filters.dstPort"],
  ["a bad port in a list", withFilters({ dstPort: [80, 99999] }), "filters.dstPort.1"],
  ["a port as a boolean", withFilters({ dstPort: true }), "filters.dstPort"],
  ["a protocol over 255", withFilters({ protocol: [6, 256] }), "filters.protocol.1"],
  ["a protocol as a name", withFilters({ protocol: ["tcp"] }), "filters.protocol.0"],
  ["a protocol not in a list", withFilters({ protocol: 6 }), "filters.protocol"],
  ["an unknown log status", withFilters({ logStatus: ["FAILED"] }), "filters.logStatus.0"],
  ["a zero flag mask", withFilters({ tcpFlags: 0 }), "filters.tcpFlags"],
  ["a flag mask over 255", withFilters({ tcpFlags: 256 }), "filters.tcpFlags"],
  ["an unknown direction", withFilters({ flowDirection: "inbound" }), "filters.flowDirection"],
  ["a traffic path of 0", withFilters({ trafficPath: [0] }), "filters.trafficPath.0"],
  ["a service in lower case", withFilters({ pktSrcAwsService: "s3" }), "filters.pktSrcAwsService"],
  ["a service with a space", withFilters({ pktDstAwsService: "AMAZON S3" }), "filters.pktDstAwsService"],
  ["an interface filter that is a VPC", withFilters({ interfaceId: VPC }), "filters.interfaceId"],
  ["an unknown shape", withShape({ kind: "raw", limit: 1 }), "shape.kind"],
  ["a zero limit", withShape({ kind: "records", limit: 0 }), "shape.limit"],
  ["a limit over 10,000", withShape({ kind: "records", limit: 10_001 }), "shape.limit"],
  [
    "an unknown sort field",
    withShape({ kind: "records", limit: 5, sort: { by: "srcaddr", direction: "desc" } }),
    "shape.sort.by",
  ],
  ["an unknown records key", withShape({ kind: "records", limit: 5, groupBy: [] }), "shape"],
  ["an unknown group key", withAggregate({ groupBy: ["srcaddr"] }), "shape.groupBy.0"],
  ["too many group keys", withAggregate({ groupBy: Array(7).fill("srcAddr") }), "shape.groupBy"],
  ["no metrics", withAggregate({ metrics: [] }), "shape.metrics"],
  ["an unknown metric", withAggregate({ metrics: ["bytes", "sum(bytes)"] }), "shape.metrics.1"],
  ["an unknown bin", withAggregate({ bin: "7m" }), "shape.bin"],
  ["orderBy not among the metrics", withAggregate({ orderBy: "packets" }), "shape.orderBy"],
  ["a limit as text", withAggregate({ limit: "100" }), "shape.limit"],
];

describe("FlowQuerySchema refuses malformed queries, naming the field", () => {
  test("the valid base query parses", () => {
    expect(parseFlowQuery(valid)).toEqual(valid);
  });

  test.each(MALFORMED)("%s → %s", (_name, input, path) => {
    const result = safeParseFlowQuery(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.some((issue) => issue.startsWith(`${path}: `))).toBe(true);
    expect(() => compileFlowQuery(input, flowFormat())).toThrow(FlowQueryError);
  });

  test("every problem is listed, not just the first", () => {
    const result = safeParseFlowQuery(withFilters({ srcPort: 70000, action: "DROP" }));
    expect(result).toEqual({
      ok: false,
      issues: ["filters.action: expected ACCEPT or REJECT", "filters.srcPort: ports are 0–65535"],
    });
  });

  test("the messages say what is expected", () => {
    const issues = (input: unknown) => (safeParseFlowQuery(input) as { issues: string[] }).issues;
    expect(issues(withScope({ vpcId: "vpc-1" }))).toEqual([
      "scope.vpcId: expected an id like vpc-0123456789abcdef0",
    ]);
    expect(issues(withFilters({ dstPort: "9-1" }))).toEqual([
      'filters.dstPort: expected a port or a range "from-to" with 0 ≤ from ≤ to ≤ 65535',
    ]);
    expect(issues(withFilters({ dstAddr: "10.0.0.0/40" }))).toEqual([
      "filters.dstAddr: expected an IP address or CIDR block",
    ]);
    expect(issues({ ...valid, timeRange: { start: T0, end: T0 } })).toEqual([
      "timeRange.end: must be after start",
    ]);
    expect(issues({ ...valid, extra: 1 })).toEqual(['query: Unrecognized key: "extra"']);
  });
});
