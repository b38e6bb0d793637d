import { describe, expect, test } from "vitest";
import { toLogFormat } from "../flow/format";
import { compileFlowQuery } from "./compile";
import { compileFilters } from "./compile-filters";
import { compileScope, interfaceClause } from "./compile-scope";
import { FlowQueryError } from "./errors";
import { integerLiteral, stringLiteral } from "./escape";
import { flowFormat } from "./flow-format";
import type { FlowFilters, FlowScope } from "./schema";
import {
  aggregate,
  commandNames,
  ENI,
  flowQuery,
  records,
  skeleton,
  V5_LOG_FORMAT,
  VPC,
} from "./test-fixtures";

const PAYLOADS = [
  '"',
  '" | stats count(*) by @message #',
  "\\",
  '\\" | fields @message',
  '\\\\" or 1=1 or "',
  "` | display @message",
  "# comment",
  "x\n| display @message",
  "x\r\nlimit 1",
  "/.*/",
  "// | filter 1",
  ".*+?()[]{}^$",
  "'] or action like /./ #",
  '", "eni-00000000"] or "',
  "|",
  "\u2028| limit 1",
  "\u0000",
];

const V5 = flowFormat(V5_LOG_FORMAT);
const printable = (text: string): boolean => [...text].every((ch) => ch >= " " && ch !== "\u2028");
const base = flowQuery({ shape: aggregate({ groupBy: ["srcAddr"] }) });

/** Every place a string from the caller can go, with a valid value for it. */
const POSITIONS: [string, string, (value: string) => unknown][] = [
  ["scope.vpcId", VPC, (v) => ({ ...base, scope: { vpcId: v } })],
  ["scope.subnetIds.0", "subnet-01234567", (v) => ({ ...base, scope: { subnetIds: [v] } })],
  ["scope.interfaceIds.0", ENI, (v) => ({ ...base, scope: { interfaceIds: [v] } })],
  ...(
    [
      ["action", "REJECT"],
      ["srcAddr", "10.0.0.0/8"],
      ["dstAddr", "10.0.0.1"],
      ["pktSrcAddr", "2001:db8::/32"],
      ["pktDstAddr", "10.0.0.1"],
      ["srcPort", "1024-65535"],
      ["dstPort", "443"],
      ["flowDirection", "egress"],
      ["pktSrcAwsService", "S3"],
      ["pktDstAwsService", "S3"],
      ["interfaceId", ENI],
    ] as const
  ).map(([name, ok]): [string, string, (v: string) => unknown] => [
    `filters.${name}`,
    ok,
    (v) => ({ ...base, filters: { [name]: v } }),
  ]),
  ["filters.logStatus.0", "OK", (v) => ({ ...base, filters: { logStatus: [v] } })],
  ["shape.groupBy.0", "srcAddr", (v) => ({ ...base, shape: aggregate({ groupBy: [v] as never }) })],
  ["shape.metrics.0", "bytes", (v) => ({ ...base, shape: aggregate({ metrics: [v] as never }) })],
  ["shape.bin", "5m", (v) => ({ ...base, shape: aggregate({ bin: v as never }) })],
  [
    "shape.sort.by",
    "bytes",
    (v) => ({ ...base, shape: records({ sort: { by: v as never, direction: "asc" } }) }),
  ],
  [
    "shape.sort.direction",
    "asc",
    (v) => ({ ...base, shape: records({ sort: { by: "bytes", direction: v as never } }) }),
  ],
];

describe("hostile values are refused at the schema, naming the position", () => {
  test.each(POSITIONS)("%s: the valid value compiles", (_path, ok, make) => {
    expect(compileFlowQuery(make(ok), V5).queryStrings).toHaveLength(1);
  });

  const cases = POSITIONS.flatMap(([path, ok, make]) =>
    PAYLOADS.flatMap((payload) => [
      [path, JSON.stringify(payload), make(payload)] as const,
      [path, JSON.stringify(`${ok}${payload}`), make(`${ok}${payload}`)] as const,
    ]),
  );
  test.each(cases)("%s = %s", (path, _shown, input) => {
    expect(() => compileFlowQuery(input, V5)).toThrow(FlowQueryError);
    expect(() => compileFlowQuery(input, V5)).toThrow(new RegExp(`(^|; )${path.replaceAll(".", "\\.")}: `));
  });

  test.each([Number.NaN, Number.POSITIVE_INFINITY, 1e21, 1.5, -1])(
    "numbers: %s is refused everywhere",
    (n) => {
      for (const input of [
        { ...base, filters: { dstPort: n } },
        { ...base, filters: { protocol: [n] } },
        { ...base, filters: { tcpFlags: n } },
        { ...base, filters: { trafficPath: [n] } },
        { ...base, shape: aggregate({ limit: n }) },
        { ...base, timeRange: { start: n, end: 1 } },
      ])
        expect(() => compileFlowQuery(input, V5)).toThrow(FlowQueryError);
    },
  );
});

describe("the escaping layer holds on its own, for values that skip the schema", () => {
  const filterSkeleton = (filters: FlowFilters) =>
    skeleton(compileFilters(filters, V5).clauses.join(" and "));
  const scopeSkeleton = (scope: FlowScope) => {
    const plan = compileScope(scope, V5);
    return skeleton(plan.clauses.join(" and "));
  };

  test.each(PAYLOADS.filter(printable))("string literal positions keep their shape: %j", (payload) => {
    const benign = "x";
    for (const name of [
      "action",
      "flowDirection",
      "pktSrcAwsService",
      "pktDstAwsService",
      "interfaceId",
    ] as const) {
      expect(filterSkeleton({ [name]: payload })).toBe(filterSkeleton({ [name]: benign }));
    }
    expect(filterSkeleton({ logStatus: [payload as "OK", "NODATA"] })).toBe(
      filterSkeleton({ logStatus: ["OK", "NODATA"] }),
    );
    expect(scopeSkeleton({ vpcId: payload })).toBe(scopeSkeleton({ vpcId: benign }));
    expect(scopeSkeleton({ subnetIds: [payload, benign] })).toBe(scopeSkeleton({ subnetIds: ["y", benign] }));
    expect(skeleton(interfaceClause("interface_id", [payload]))).toBe(
      skeleton(interfaceClause("interface_id", [benign])),
    );
  });

  test.each(PAYLOADS)("addresses and port ranges are parsed, never printed: %j", (payload) => {
    for (const name of ["srcAddr", "dstAddr", "pktSrcAddr", "pktDstAddr"] as const) {
      expect(() => compileFilters({ [name]: `10.0.0.1${payload}` }, V5)).toThrow(FlowQueryError);
    }
    expect(() => compileFilters({ dstPort: `80${payload}` }, V5)).toThrow(FlowQueryError);
  });

  test("control characters are refused, not written", () => {
    for (const value of ["a\nb", "a\rb", "a\u0000b", "a\u2028b", "a\u007fb"]) {
      expect(() => stringLiteral(value)).toThrow(FlowQueryError);
    }
    expect(stringLiteral('a"b\\c|d#e`f/g')).toBe('"a\\"b\\\\c|d#e`f/g"');
  });

  test.each([Number.NaN, 1.5, 1e21, Number.POSITIVE_INFINITY])("integerLiteral refuses %s", (n) => {
    expect(() => integerLiteral(n)).toThrow(FlowQueryError);
  });

  test("a whole query built from hostile values keeps its commands", () => {
    const filters = { action: '" | display @message #', interfaceId: "x\\" } as unknown as FlowFilters;
    const clauses = compileFilters(filters, V5).clauses.join(" and ");
    expect(commandNames(`filter ${clauses} | stats count(*) | limit 1`)).toEqual([
      "filter",
      "stats",
      "limit",
    ]);
  });

  test("a LogFormat cannot smuggle text into the parse command", () => {
    for (const logFormat of ['a"b', "a|b", "a`b", "a#b"].map((bad) => toLogFormat(["srcaddr", bad]))) {
      expect(() => flowFormat(logFormat)).toThrow(FlowQueryError);
    }
  });
});
