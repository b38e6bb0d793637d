import { describe, expect, test } from "vitest";
import { compileFlowQuery } from "./compile";
import { decodeAggregateRows, decodeRecordRows, decodeRows, parseInsightsTime } from "./decode";
import { FlowQueryError } from "./errors";
import { flowFormat } from "./flow-format";
import { aggregate, flowQuery, V3_LOG_FORMAT } from "./test-fixtures";

const row = (fields: Record<string, string>) =>
  Object.entries(fields).map(([field, value]) => ({ field, value }));

describe("parseInsightsTime", () => {
  test.each([
    ["2014-12-14 04:06:50.000", Date.UTC(2014, 11, 14, 4, 6, 50)],
    ["2025-01-01 00:05:00.123", Date.UTC(2025, 0, 1, 0, 5, 0, 123)],
    ["2025-01-01 00:05:00", Date.UTC(2025, 0, 1, 0, 5)],
    ["2025-01-01T00:05:00.5Z", Date.UTC(2025, 0, 1, 0, 5, 0, 500)],
    ["1418530010000", 1418530010000],
  ])("%s", (text, ms) => {
    expect(parseInsightsTime(text)).toBe(ms);
  });

  test.each(["", "yesterday", "2025-01-01", "2025-1-1 0:0:0"])("%j is not a time", (text) => {
    expect(parseInsightsTime(text)).toBeUndefined();
  });
});

describe("decodeRows", () => {
  test("aggregate rows: bins to epoch ms, numeric keys and metrics to numbers, `-` and missing keys undefined", () => {
    const compiled = compileFlowQuery(
      flowQuery({
        shape: aggregate({
          bin: "5m",
          groupBy: ["srcAddr", "dstPort"],
          metrics: ["bytes", "flows", "rejectedFlows"],
        }),
      }),
      flowFormat(V3_LOG_FORMAT),
    );
    const decoded = decodeRows(
      [
        row({
          bucket: "2025-01-01 00:05:00.000",
          srcaddr: "10.0.0.62",
          dstport: "5001",
          totalBytes: "101269",
          flows: "2",
          rejected: "0",
        }),
        row({ bucket: "2025-01-01 00:10:00.000", srcaddr: "-", totalBytes: "1.5e3", flows: "1" }),
      ],
      compiled,
    );
    expect(decoded).toEqual({
      kind: "aggregate",
      rows: [
        {
          bucket: Date.UTC(2025, 0, 1, 0, 5),
          keys: { srcAddr: "10.0.0.62", dstPort: 5001 },
          metrics: { bytes: 101269, flows: 2, rejectedFlows: 0 },
        },
        {
          bucket: Date.UTC(2025, 0, 1, 0, 10),
          keys: {},
          metrics: { bytes: 1500, flows: 1, rejectedFlows: 0 },
        },
      ],
    });
  });

  test("a malformed number or bin is an error, not a silent zero", () => {
    const compiled = compileFlowQuery(
      flowQuery({ shape: aggregate({ bin: "1h", groupBy: ["dstPort"] }) }),
      flowFormat(),
    );
    expect(() =>
      decodeRows([row({ bucket: "2025-01-01 00:00:00.000", dstPort: "http", totalBytes: "1" })], compiled),
    ).toThrow('row 0 dstPort: "http" is not a number');
    expect(() => decodeRows([row({ bucket: "soon", totalBytes: "1" })], compiled)).toThrow(FlowQueryError);
    expect(() => decodeRows([row({ totalBytes: "NaN" })], compiled)).toThrow(
      'row 0 totalBytes: "NaN" is not a number',
    );
  });

  test("records: the message read with the format's fields, plus time, stream and pointer", () => {
    const compiled = compileFlowQuery(flowQuery(), flowFormat());
    const message =
      "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK";
    const decoded = decodeRows(
      [
        row({
          "@timestamp": "2014-12-14 04:06:50.000",
          "@message": message,
          "@logStream": "eni-1235b8ca123456789-all",
          "@ptr": "CmAKJw",
        }),
        row({ "@message": "not a flow record" }),
      ],
      compiled,
    );
    expect(decoded.kind).toBe("records");
    if (decoded.kind !== "records") return;
    expect(decoded.rows[0]).toEqual({
      timestamp: 1418530010000,
      message,
      logStream: "eni-1235b8ca123456789-all",
      ptr: "CmAKJw",
      record: expect.objectContaining({
        srcaddr: "172.31.16.139",
        dstport: 22,
        bytes: 4249,
        action: "ACCEPT",
      }),
    });
    expect(decoded.rows[1]).toMatchObject({ timestamp: undefined, record: undefined });
  });

  test("NODATA records decode with their `-` fields undefined", () => {
    const compiled = compileFlowQuery(flowQuery(), flowFormat());
    const message = "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA";
    const decoded = decodeRows([row({ "@message": message })], compiled);
    expect(decoded.kind === "records" && decoded.rows[0]?.record).toMatchObject({
      srcaddr: undefined,
      bytes: undefined,
      "log-status": "NODATA",
    });
  });

  test("the typed variants refuse the other kind of query", () => {
    const recordsQuery = compileFlowQuery(flowQuery(), flowFormat());
    const aggregateQuery = compileFlowQuery(flowQuery({ shape: aggregate() }), flowFormat());
    expect(decodeAggregateRows([row({ totalBytes: "5" })], aggregateQuery)).toEqual([
      { keys: {}, metrics: { bytes: 5 } },
    ]);
    expect(decodeRecordRows([], recordsQuery)).toEqual([]);
    expect(() => decodeAggregateRows([], recordsQuery)).toThrow(
      "shape: the query returns records, not aggregates",
    );
    expect(() => decodeRecordRows([], aggregateQuery)).toThrow(FlowQueryError);
  });
});
