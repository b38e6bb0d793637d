import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConformanceCase } from "./conformance/case";
import { CUSTOM_CASES } from "./conformance/cases-custom";
import { CUSTOM_MORE_CASES } from "./conformance/cases-custom-more";
import { DEFAULT_CASES } from "./conformance/cases-default";
import { EXPRESSION_CASES } from "./conformance/cases-expressions";
import { FUNCTION_CASES } from "./conformance/cases-functions";
import { PATTERN_CASES } from "./conformance/cases-patterns";
import { BASE_SECONDS, type FlowRecord, generateFlows, SPAN_SECONDS } from "./conformance/flow-generator";
import { junkRecords } from "./conformance/flow-messages";
import type { Row } from "./conformance/oracle";
import { type ConformanceTarget, engineTarget } from "./conformance/runner";
import { sdkTarget } from "./conformance/sdk-target";

const DEFAULT_GROUP = "/flowscope/default";
const CUSTOM_GROUP = "/flowscope/custom";
const defaultRecords = [...generateFlows(3000, 42, false), ...junkRecords(3000)];
const customRecords = generateFlows(2000, 7, true);

/** Floats may differ in the last bits between DuckDB's and the test's summation order. */
const normalize = (row: Row): string[] =>
  row.map(
    ([field, value]) =>
      `${field}=${/^-?\d+\.\d+(e[+-]\d+)?$/.test(value) ? Number(value).toPrecision(10) : value}`,
  );

const TARGETS: [string, () => Promise<ConformanceTarget>][] = [
  ["engine", engineTarget],
  ["SDK → emulator Logs service", sdkTarget],
];

describe.each(TARGETS)("Insights conformance (%s)", (_name, create) => {
  let target: ConformanceTarget;
  beforeAll(async () => {
    target = await create();
    await target.load([
      { name: DEFAULT_GROUP, records: defaultRecords },
      { name: CUSTOM_GROUP, records: customRecords },
    ]);
  }, 60_000);
  afterAll(async () => {
    await target.close();
  });

  const check = async (group: string, records: FlowRecord[], c: ConformanceCase) => {
    const { start, end } = c.window ?? { start: BASE_SECONDS, end: BASE_SECONDS + SPAN_SECONDS + 60 };
    const inWindow = records.filter((r) => r.timestamp >= start * 1000 && r.timestamp <= end * 1000 + 999);
    const result = await target.run({
      logGroupNames: [group],
      startTime: start,
      endTime: end,
      queryString: c.query,
    });
    const aggregated = /\|\s*stats\s|^stats\s/m.test(c.query);
    for (const row of result.rows) {
      expect(row.at(-1)?.field === "@ptr").toBe(!aggregated);
    }
    const actual = result.rows.map((row) =>
      normalize(row.filter((f) => f.field !== "@ptr").map((f) => [f.field, f.value])),
    );
    expect(actual).toEqual(c.expect(inWindow).map(normalize));
    expect(result.statistics.recordsScanned).toBe(inWindow.length);
    expect(result.statistics.bytesScanned).toBe(
      inWindow.reduce((total, r) => total + Buffer.byteLength(r.message), 0),
    );
    const ptr = result.rows[0]?.at(-1);
    if (!aggregated && ptr) {
      const record = await target.getLogRecord(ptr.value);
      expect(record?.["@message"]).toBeDefined();
    }
  };

  it.each([...DEFAULT_CASES, ...PATTERN_CASES, ...FUNCTION_CASES, ...EXPRESSION_CASES])(
    "default format: $name",
    (c) => check(DEFAULT_GROUP, defaultRecords, c),
  );
  it.each([...CUSTOM_CASES, ...CUSTOM_MORE_CASES])("$name", (c) => check(CUSTOM_GROUP, customRecords, c));

  it("counts matched records before limit, and across groups", async () => {
    const window = { startTime: BASE_SECONDS, endTime: BASE_SECONDS + SPAN_SECONDS + 60 };
    const rejects = defaultRecords.filter((r) => r.action === "REJECT").length;
    const raw = await target.run({
      ...window,
      logGroupNames: [DEFAULT_GROUP],
      queryString: 'filter action = "REJECT" | limit 3',
    });
    expect(raw.rows).toHaveLength(3);
    expect(raw.statistics.recordsMatched).toBe(rejects);
    const both = await target.run({
      ...window,
      logGroupNames: [DEFAULT_GROUP, CUSTOM_GROUP],
      queryString: "stats count(*) as n by @log",
    });
    expect(both.rows.map((row) => row.map((f) => f.value))).toEqual([
      [`123456789012:${CUSTOM_GROUP}`, String(customRecords.length)],
      [`123456789012:${DEFAULT_GROUP}`, String(defaultRecords.length)],
    ]);
    expect(both.statistics.recordsMatched).toBe(defaultRecords.length + customRecords.length);
    const capped = await target.run({
      ...window,
      logGroupNames: [DEFAULT_GROUP],
      queryString: "fields @timestamp",
      limit: 7,
    });
    expect(capped.rows).toHaveLength(7);
  });
});
