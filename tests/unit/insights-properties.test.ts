import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Command, Expr } from "@/emulator/insights/ast";
import { parse } from "@/emulator/insights/parser";
import { FLOW_LOG_FIELDS } from "@/lib/flow/fields";
import { DEFAULT_LOG_FORMAT } from "@/lib/flow/format";
import { parseRecord } from "@/lib/flow/record";
import { compileFlowQuery, FlowQueryError, flowFormat, GROUP_KEYS, METRICS } from "@/lib/insights";
import { checkExpertFilter } from "@/lib/insights/expert-filter";
import { NO_VPC_LOG_FORMAT, V3_LOG_FORMAT, V5_LOG_FORMAT } from "@/lib/insights/test-fixtures";
import { parseCidr } from "@/lib/net/ip";

/** Runs per property; FLOWSCOPE_FUZZ_RUNS raises it for a longer campaign. */
const RUNS = Number(process.env.FLOWSCOPE_FUZZ_RUNS) || 300;
const FORMATS = [DEFAULT_LOG_FORMAT, V3_LOG_FORMAT, V5_LOG_FORMAT, NO_VPC_LOG_FORMAT].map(flowFormat);
const COMMANDS_WE_EMIT = new Set(["parse", "filter", "stats", "sort", "limit", "fields", "display"]);

// ── generators ─────────────────────────────────────────────────────────────────────────────────
const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
const awsId = (prefix: string) => fc.oneof(hex(8), hex(17)).map((h) => `${prefix}-${h}`);
const ipv4Cidr = fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([ip, p]) => `${ip}/${p}`);
const address = fc.oneof(fc.ipV4(), ipv4Cidr, fc.constantFrom("2001:db8::1", "2001:db8::/32", "fe80::/10"));
const port = fc.integer({ min: 0, max: 65535 });
const portSpec = fc.oneof(
  port,
  fc.array(port, { minLength: 1, maxLength: 5 }),
  fc.tuple(port, port).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
);
const service = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,12}$/);

const filters = fc.record(
  {
    action: fc.constantFrom("ACCEPT", "REJECT"),
    srcAddr: address,
    dstAddr: address,
    srcPort: portSpec,
    dstPort: portSpec,
    protocol: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 }),
    logStatus: fc.subarray(["OK", "NODATA", "SKIPDATA"], { minLength: 1 }),
    tcpFlags: fc.integer({ min: 1, max: 255 }),
    flowDirection: fc.constantFrom("ingress", "egress"),
    trafficPath: fc.array(fc.integer({ min: 1, max: 255 }), { minLength: 1, maxLength: 3 }),
    pktSrcAwsService: service,
    pktDstAwsService: service,
    interfaceId: awsId("eni"),
    pktSrcAddr: address,
    pktDstAddr: address,
  },
  { requiredKeys: [] },
);

const scope = fc.oneof(
  fc.constant({}),
  awsId("vpc").map((vpcId) => ({ vpcId })),
  fc.array(awsId("subnet"), { minLength: 1, maxLength: 3 }).map((subnetIds) => ({ subnetIds })),
  fc.array(awsId("eni"), { maxLength: 30 }).map((interfaceIds) => ({ interfaceIds })),
);

const shape = fc.oneof(
  fc.record({
    kind: fc.constant("records" as const),
    limit: fc.integer({ min: 1, max: 10_000 }),
    sort: fc.option(
      fc.record({
        by: fc.constantFrom("timestamp", "bytes", "packets"),
        direction: fc.constantFrom("asc", "desc"),
      }),
      { nil: undefined },
    ),
  }),
  fc
    .record({
      kind: fc.constant("aggregate" as const),
      groupBy: fc.subarray([...GROUP_KEYS], { maxLength: 3 }),
      metrics: fc.subarray([...METRICS], { minLength: 1 }),
      bin: fc.option(fc.constantFrom("1m", "5m", "15m", "1h", "1d", "auto"), { nil: undefined }),
      limit: fc.integer({ min: 1, max: 10_000 }),
    })
    .chain((s) =>
      fc.option(fc.constantFrom(...s.metrics), { nil: undefined }).map((orderBy) => ({ ...s, orderBy })),
    ),
);

const HOUR = 3_600_000;
const flowQuery = fc.record({
  timeRange: fc
    .tuple(fc.integer({ min: 0, max: 2_000_000_000_000 }), fc.integer({ min: 1, max: 31 * 24 * HOUR }))
    .map(([start, span]) => ({ start, end: start + span })),
  scope,
  filters,
  shape,
});

// ── oracles ────────────────────────────────────────────────────────────────────────────────────
function exprNodes(expr: Expr): Expr[] {
  const children: Expr[] =
    expr.kind === "binary"
      ? [expr.left, expr.right]
      : expr.kind === "not" || expr.kind === "neg"
        ? [expr.arg]
        : expr.kind === "like"
          ? [expr.arg, expr.pattern]
          : expr.kind === "in"
            ? [expr.arg, ...expr.items]
            : expr.kind === "call"
              ? expr.args
              : [];
  return [expr, ...children.flatMap(exprNodes)];
}

const filterNodes = (commands: Command[]): Expr[] =>
  commands.flatMap((c) => (c.type === "filter" ? exprNodes(c.expr) : []));

/** Every string leaf of a value, as text. */
const leaves = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(leaves)
    : value && typeof value === "object"
      ? Object.values(value).flatMap(leaves)
      : value === undefined
        ? []
        : [String(value)];

function allowedFields(format: (typeof FORMATS)[number]): Set<string> {
  const names = FLOW_LOG_FIELDS.map((f) => format.queryName(f.name)).filter((n): n is string => Boolean(n));
  return new Set(names);
}

describe("compileFlowQuery, for any valid flow query and format", () => {
  test("compiles to text the Insights parser reads, with only our commands, fields and values", () => {
    fc.assert(
      fc.property(flowQuery, fc.constantFrom(...FORMATS), (query, format) => {
        let compiled: ReturnType<typeof compileFlowQuery>;
        try {
          compiled = compileFlowQuery(query, format);
        } catch (error) {
          // A format that cannot express a filter in strict mode, or a too-long query: a domain error only.
          expect(error).toBeInstanceOf(FlowQueryError);
          return;
        }
        const fields = allowedFields(format);
        // The compiler's own constants (a records query keeps log-status OK rows, …) besides the inputs.
        const inputs = new Set([...leaves(query), "OK", "NODATA", "SKIPDATA", "ACCEPT", "REJECT", "-"]);
        for (const text of compiled.queryStrings) {
          const { commands } = parse(text);
          for (const command of commands) expect(COMMANDS_WE_EMIT).toContain(command.type);
          expect(commands.filter((c) => c.type === "filter").length).toBeLessThanOrEqual(1);
          for (const node of filterNodes(commands)) {
            if (node.kind === "field") expect(fields.has(node.name) || node.name.startsWith("@")).toBe(true);
            if (node.kind === "string")
              expect(inputs.has(node.value) || parseCidr(node.value) !== undefined, node.value).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// Strings as a user types them: any unicode (control characters included) and the query language's own
// punctuation, much more often than chance would give it.
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      "'",
      '"',
      "`",
      "|",
      "\\",
      "#",
      ";",
      "/",
      "(",
      ")",
      "[",
      "]",
      "\n",
      "\u0000",
      "\u202e",
      " ",
    ),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
  ),
  maxLength: 80,
});

describe("the expert filter", () => {
  test("never throws: any text is accepted or refused with a position and a message", () => {
    fc.assert(
      fc.property(hostile, fc.option(fc.constantFrom(...FORMATS), { nil: undefined }), (text, format) => {
        const check = checkExpertFilter(text, format);
        if (check.ok) return;
        expect(check.position).toBeGreaterThanOrEqual(1);
        expect(check.position).toBeLessThanOrEqual(text.length + 1);
        expect(check.message.length).toBeGreaterThan(3);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  test("a string literal holding anything stays one string: it reaches Insights intact", () => {
    const value = hostile.filter((s) => ![...s].some((c) => c < " " || (c >= "\u007f" && c <= "\u009f")));
    fc.assert(
      fc.property(value, fc.constantFrom(...FORMATS), (raw, format) => {
        const literal = `'${raw.replace(/[\\']/g, "\\$&")}'`;
        const expert = `srcAddr = ${literal} or dstPort = 22`;
        const check = checkExpertFilter(expert, format);
        if (!check.ok) {
          // Only characters Insights itself cannot carry (line separators) may be refused.
          expect(check.message).toMatch(/control|newline/);
          return;
        }
        const query = {
          timeRange: { start: 0, end: HOUR },
          scope: {},
          filters: {},
          expert,
          shape: { kind: "records", limit: 10 },
        };
        const [text] = compileFlowQuery(query, format).queryStrings;
        const nodes = filterNodes(parse(text ?? "").commands);
        expect(nodes.filter((n) => n.kind === "string").map((n) => (n as { value: string }).value)).toContain(
          raw,
        );
        expect(nodes.filter((n) => n.kind === "field").length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the flow-record parser", () => {
  const fields = FORMATS.map((f) => [...f.fields]);

  test("any line is a record of the format's fields or undefined, never an exception", () => {
    const line = fc.oneof(
      hostile,
      fc
        .array(fc.oneof(fc.constant("-"), fc.integer().map(String), hostile, fc.ipV4()), { maxLength: 35 })
        .map((t) => t.join(" ")),
    );
    fc.assert(
      fc.property(line, fc.constantFrom(...fields), (text, format) => {
        const record = parseRecord(format, text);
        if (record === undefined) return;
        expect(Object.keys(record).sort()).toEqual([...format].sort());
        for (const value of Object.values(record)) {
          if (typeof value === "number")
            expect(Number.isSafeInteger(value) || Number.isFinite(value)).toBe(true);
        }
      }),
      { numRuns: RUNS * 3 },
    );
  });

  test("__proto__ and friends in a line do not reach Object.prototype", () => {
    parseRecord(["version", "__proto__", "constructor"], '2 {"polluted":1} x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
