import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type AggregateShape,
  type CompileOptions,
  compileFlowQuery,
  type DecodedRows,
  type FlowFormat,
  type FlowQuery,
  flowFormat,
  mergeAggregates,
} from "../../lib/insights";
import { decodeRows } from "../../lib/insights/decode";
import { stringLiteral } from "../../lib/insights/escape";
import { type FILTER_FIELDS, GROUP_KEYS, KEY_FIELDS, METRICS } from "../../lib/insights/keys";
import {
  commandNames,
  NAT_LOG_FORMAT,
  NO_VPC_LOG_FORMAT,
  V3_LOG_FORMAT,
} from "../../lib/insights/test-fixtures";
import type { EventStore } from "../store/event-store";
import { A, B, C, openFlowStore, T, V5, VPC } from "./flow-query-compat.fixture";
import { parse } from "./parser";
import { runQuery } from "./run-query";

const DEFAULT = flowFormat();

let store: EventStore;
beforeAll(async () => {
  store = await openFlowStore();
});
afterAll(() => store.close());

const query = (parts: Partial<FlowQuery>): FlowQuery => ({
  timeRange: { start: T * 1000, end: (T + 3600) * 1000 },
  scope: {},
  filters: {},
  shape: { kind: "records", limit: 100 },
  ...parts,
});
const agg = (
  groupBy: AggregateShape["groupBy"],
  metrics: AggregateShape["metrics"],
  more = {},
): AggregateShape => ({
  kind: "aggregate",
  groupBy,
  metrics,
  limit: 10,
  ...more,
});

async function run(group: string, q: FlowQuery, format: FlowFormat, opts?: CompileOptions) {
  const compiled = compileFlowQuery(q, format, opts);
  const chunks: DecodedRows[] = [];
  for (const queryString of compiled.queryStrings) {
    const result = await runQuery(store, {
      logGroupNames: [group],
      startTime: T,
      endTime: T + 3600,
      queryString,
    });
    chunks.push(decodeRows(result.rows, compiled));
  }
  return { compiled, chunks };
}
const rowsOf = (chunk: DecodedRows | undefined) => (chunk?.kind === "aggregate" ? chunk.rows : []);
const aggregate = async (group: string, q: FlowQuery, format: FlowFormat) =>
  rowsOf((await run(group, q, format)).chunks[0]);

describe("compiled flow queries on the emulator's Insights engine", () => {
  test("default format: top sources by bytes on two interfaces; NODATA/SKIPDATA left out", async () => {
    const shape = agg(["srcAddr"], ["bytes", "flows", "rejectedFlows", "acceptedFlows"]);
    expect(
      await aggregate("/flows/default", query({ scope: { interfaceIds: [A, B] }, shape }), DEFAULT),
    ).toEqual([
      {
        keys: { srcAddr: "10.0.0.5" },
        metrics: { bytes: 1500, flows: 2, rejectedFlows: 0, acceptedFlows: 2 },
      },
      {
        keys: { srcAddr: "2001:db8::5" },
        metrics: { bytes: 300, flows: 1, rejectedFlows: 0, acceptedFlows: 1 },
      },
      {
        keys: { srcAddr: "203.0.113.7" },
        metrics: { bytes: 180, flows: 2, rejectedFlows: 2, acceptedFlows: 0 },
      },
      { keys: { srcAddr: "10.0.0.6" }, metrics: { bytes: 80, flows: 1, rejectedFlows: 0, acceptedFlows: 1 } },
    ]);
  });

  test("default format: CIDR, port range, protocol and IPv6 filters", async () => {
    const filters = { srcAddr: "203.0.113.0/24", dstPort: "1-1024", protocol: [6] };
    const { chunks } = await run("/flows/default", query({ filters }), DEFAULT);
    const rows = chunks[0]?.kind === "records" ? chunks[0].rows : [];
    expect(rows.map((r) => [r.timestamp, r.record?.dstport, r.ptr !== undefined])).toEqual([
      [(T + 120) * 1000, 22, true],
    ]);
    const v6 = query({ filters: { dstAddr: "2001:db8:1::/48" }, shape: agg([], ["flows"]) });
    expect(await aggregate("/flows/default", v6, DEFAULT)).toEqual([{ keys: {}, metrics: { flows: 1 } }]);
  });

  test("default format: 5-minute bins decode to epoch ms", async () => {
    const q = query({
      scope: { interfaceIds: [A, B] },
      shape: agg([], ["flows", "rejectedFlows"], { bin: "5m" }),
    });
    expect(await aggregate("/flows/default", q, DEFAULT)).toEqual([
      { bucket: T * 1000, keys: {}, metrics: { flows: 4, rejectedFlows: 1 } },
      { bucket: (T + 300) * 1000, keys: {}, metrics: { flows: 2, rejectedFlows: 1 } },
    ]);
  });

  test("a logStatus filter brings NODATA and SKIPDATA records back", async () => {
    const q = query({
      filters: { logStatus: ["NODATA", "SKIPDATA"] },
      shape: agg(["interfaceId", "logStatus"], ["flows"]),
    });
    expect(await aggregate("/flows/default", q, DEFAULT)).toEqual([
      { keys: { interfaceId: A, logStatus: "SKIPDATA" }, metrics: { flows: 1 } },
      { keys: { interfaceId: B, logStatus: "NODATA" }, metrics: { flows: 1 } },
    ]);
  });

  test("chunked interface scope: merged chunks equal the single query", async () => {
    const q = query({ scope: { interfaceIds: [A, B, C] }, shape: agg(["dstPort"], ["bytes", "flows"]) });
    const single = await run("/flows/default", q, DEFAULT);
    const length = single.compiled.queryStrings[0]?.length ?? 0;
    const split = await run("/flows/default", q, DEFAULT, { maxQueryLength: length - 30 });
    expect(split.compiled.queryStrings.length).toBeGreaterThan(1);
    const merged = mergeAggregates(split.chunks.map(rowsOf), split.compiled);
    expect(merged.rows).toEqual(rowsOf(single.chunks[0]));
    expect(merged.rows[0]).toEqual({ keys: { dstPort: 443 }, metrics: { bytes: 101_799, flows: 4 } });
  });

  test("v5 custom format: parse, VPC scope, direction and path", async () => {
    const q = query({
      scope: { vpcId: VPC },
      filters: { flowDirection: "egress" },
      shape: agg(["trafficPath"], ["bytes", "flows"]),
    });
    expect(await aggregate("/flows/v5", q, V5)).toEqual([
      { keys: { trafficPath: 1 }, metrics: { bytes: 1000, flows: 1 } },
      { keys: { trafficPath: 8 }, metrics: { bytes: 471, flows: 1 } },
      { keys: { trafficPath: 2 }, metrics: { bytes: 40, flows: 1 } },
    ]);
  });

  test("v5 custom format: TCP flag bits any-of, AWS service names", async () => {
    const finOrRst = query({ scope: { vpcId: VPC }, filters: { tcpFlags: 5 }, shape: agg([], ["flows"]) });
    expect(await aggregate("/flows/v5", finOrRst, V5)).toEqual([{ keys: {}, metrics: { flows: 3 } }]);
    const s3 = query({
      filters: { pktSrcAwsService: "S3" },
      shape: agg(["pktSrcAwsService", "flowDirection"], ["bytes"]),
    });
    expect(await aggregate("/flows/v5", s3, V5)).toEqual([
      { keys: { pktSrcAwsService: "S3", flowDirection: "ingress" }, metrics: { bytes: 15044 } },
    ]);
  });
});

describe("the emulator's parser accepts every compiled query and reads literals back unchanged", () => {
  // biome-ignore format: a table of values
  const FILTER_VALUES: Record<keyof typeof FILTER_FIELDS, unknown> = {
    action: "REJECT", srcAddr: "10.0.0.0/8", dstAddr: "2001:db8::1", srcPort: [22, 80], dstPort: "1024-65535",
    protocol: [6, 17], logStatus: ["OK"], tcpFlags: 19, flowDirection: "ingress", trafficPath: [1, 8],
    pktSrcAwsService: "S3", pktDstAwsService: "DYNAMODB", interfaceId: A, pktSrcAddr: "10.0.0.1", pktDstAddr: "10.1.0.0/16",
  };
  const formats = [
    DEFAULT,
    flowFormat(V3_LOG_FORMAT),
    V5,
    flowFormat(NO_VPC_LOG_FORMAT),
    flowFormat(NAT_LOG_FORMAT),
  ];
  const texts = formats.flatMap((format) => [
    ...Object.entries(FILTER_VALUES).flatMap(
      ([name, value]) =>
        compileFlowQuery(query({ filters: { [name]: value }, scope: { interfaceIds: [A, B] } }), format)
          .queryStrings,
    ),
    ...GROUP_KEYS.filter((key) => key === "pair" || format.hasField(KEY_FIELDS[key])).flatMap(
      (key) =>
        compileFlowQuery(query({ shape: agg([key], [...METRICS], { bin: "auto" }) }), format).queryStrings,
    ),
  ]);

  test(`${texts.length} compiled queries parse, with the commands they were built with`, () => {
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) expect(parse(text).commands.map((c) => c.type)).toEqual(commandNames(text));
  });

  test.each([
    '"',
    '" | stats count(*) #',
    "\\",
    '\\" | fields @message',
    "` | display x",
    "# x",
    "/.*/",
    "a|b",
  ])("a literal holding %j is one string to the lexer", (value) => {
    const commands = parse(`filter action = ${stringLiteral(value)} | limit 1`).commands;
    expect(commands.map((c) => c.type)).toEqual(["filter", "limit"]);
    const [filter] = commands;
    expect(filter?.type === "filter" && filter.expr.kind === "binary" && filter.expr.right).toMatchObject({
      kind: "string",
      value,
    });
  });
});
