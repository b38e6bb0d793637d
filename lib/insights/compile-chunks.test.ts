import { describe, expect, test } from "vitest";
import { toLogFormat } from "../flow/format";
import { compileFlowQuery, MAX_QUERY_LENGTH } from "./compile";
import { flowFormat } from "./flow-format";
import { aggregate, flowQuery, NAT_LOG_FORMAT, NO_VPC_LOG_FORMAT, VPC } from "./test-fixtures";

const NO_VPC = flowFormat(NO_VPC_LOG_FORMAT);
const PARSE =
  'parse @message "* * * * * * * * * * * *" as version, interface_id, srcaddr, dstaddr, srcport, dstport, protocol, packets, bytes, action, tcp_flags, log_status';
const enis = (count: number, from = 0): string[] =>
  Array.from({ length: count }, (_, i) => `eni-${(from + i).toString(16).padStart(17, "0")}`);
const shape = aggregate({ groupBy: ["dstPort"], metrics: ["bytes", "flows"], bin: "auto" });

describe("scope by interfaces, for formats without vpc-id", () => {
  test("a short list is one query", () => {
    const [a, b] = enis(2);
    const compiled = compileFlowQuery(
      flowQuery({ scope: { vpcId: VPC, interfaceIds: [a ?? "", b ?? ""] }, shape }),
      NO_VPC,
    );
    expect(compiled.queryStrings).toEqual([
      `${PARSE}\n| filter interface_id in ["${a}", "${b}"] and log_status = "OK"\n| stats sum(bytes) as totalBytes, count(*) as flows by bin(5m) as bucket, dstport\n| sort bucket asc, totalBytes desc\n| limit 100`,
    ]);
  });

  test("exact chunks at a small length limit: the same query with its own interfaces each", () => {
    const ids = enis(3);
    const query = flowQuery({
      scope: { interfaceIds: ids },
      filters: { action: "REJECT" },
      shape: aggregate(),
    });
    const single = compileFlowQuery(query, flowFormat()).queryStrings;
    expect(single).toHaveLength(1);
    const max = (single[0]?.length ?? 0) - 1;
    const chunked = compileFlowQuery(query, flowFormat(), { maxQueryLength: max });
    const tail = ' and action = "REJECT" and logStatus = "OK"\n| stats sum(bytes) as totalBytes\n| limit 100';
    expect(chunked.queryStrings).toEqual([
      `filter interfaceId in ["${ids[0]}", "${ids[1]}"]${tail}`,
      `filter interfaceId in ["${ids[2]}"]${tail}`,
    ]);
  });

  test("a large VPC is split under StartQuery's 10,000 characters, every interface exactly once", () => {
    const ids = enis(1500);
    const compiled = compileFlowQuery(flowQuery({ scope: { vpcId: VPC, interfaceIds: ids }, shape }), NO_VPC);
    const perChunk = Math.floor(
      (MAX_QUERY_LENGTH - (compiled.queryStrings[0] ?? "").indexOf("[") - 200) / 25,
    );
    expect(compiled.queryStrings.length).toBeGreaterThan(1);
    expect(compiled.queryStrings.length).toBeLessThanOrEqual(Math.ceil(ids.length / perChunk));
    const seen: string[] = [];
    for (const text of compiled.queryStrings) {
      expect(text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
      const list = /interface_id in \[([^\]]*)\]/.exec(text)?.[1] ?? "";
      seen.push(...list.split(", ").map((literal) => JSON.parse(literal) as string));
      expect(text.replace(/interface_id in \[[^\]]*\]/, "…")).toBe(
        compiled.queryStrings[0]?.replace(/interface_id in \[[^\]]*\]/, "…"),
      );
    }
    expect(seen).toEqual(ids);
  });

  test("each chunk is as full as it can be", () => {
    const compiled = compileFlowQuery(flowQuery({ scope: { interfaceIds: enis(1000) }, shape }), NO_VPC);
    for (const text of compiled.queryStrings.slice(0, -1))
      expect(text.length + 25).toBeGreaterThan(MAX_QUERY_LENGTH);
  });

  test("repeated interfaces are queried once, so merged sums do not double count", () => {
    const [a = "", b = ""] = enis(2);
    const compiled = compileFlowQuery(flowQuery({ scope: { interfaceIds: [a, b, a] } }), NO_VPC);
    expect(compiled.queryStrings[0]).toContain(`interface_id in ["${a}", "${b}"]`);
  });

  test("subnets on a format without subnet-id go through the interfaces too", () => {
    const scope = { subnetIds: ["subnet-0123456789abcdef0"], interfaceIds: enis(1) };
    expect(compileFlowQuery(flowQuery({ scope }), NO_VPC).queryStrings[0]).toContain(
      `| filter interface_id in ["${enis(1)[0]}"]\n`,
    );
  });

  test("an empty interface list means no query: nothing can match", () => {
    const compiled = compileFlowQuery(flowQuery({ scope: { vpcId: VPC, interfaceIds: [] }, shape }), NO_VPC);
    expect(compiled.queryStrings).toEqual([]);
  });

  test("a scope the format cannot express at all is an error", () => {
    const noInterface = flowFormat(toLogFormat(["srcaddr", "dstaddr", "bytes"]));
    expect(() =>
      compileFlowQuery(flowQuery({ scope: { vpcId: VPC, interfaceIds: enis(2) } }), noInterface),
    ).toThrow(
      "scope.vpcId: the flow log's format has no vpc-id field; scope.interfaceIds: the flow log's format has no interface-id field either, so the scope cannot be applied",
    );
    expect(() =>
      compileFlowQuery(flowQuery({ scope: { subnetIds: ["subnet-01234567"] } }), flowFormat(NAT_LOG_FORMAT)),
    ).toThrow(/^scope\.subnetIds: /);
  });

  test("a query too long for even one interface is an error", () => {
    expect(() =>
      compileFlowQuery(flowQuery({ scope: { interfaceIds: enis(1) }, shape }), NO_VPC, {
        maxQueryLength: 200,
      }),
    ).toThrow(/^query: \d+ characters, more than the 200 Insights accepts$/);
  });
});
