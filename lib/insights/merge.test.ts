import { describe, expect, test } from "vitest";
import { compileFlowQuery } from "./compile";
import type { AggregateRow, RecordRow } from "./decode";
import { flowFormat } from "./flow-format";
import { mergeAggregates, mergeRecords } from "./merge";
import type { FlowQuery } from "./schema";
import { aggregate, flowQuery, records } from "./test-fixtures";

const ids = ["eni-00000001", "eni-00000002"];
const compiledFor = (shape: FlowQuery["shape"]) =>
  compileFlowQuery(flowQuery({ scope: { interfaceIds: ids }, shape }), flowFormat());

const agg = (keys: AggregateRow["keys"], bytes: number, flows: number, bucket?: number): AggregateRow => ({
  ...(bucket === undefined ? {} : { bucket }),
  keys,
  metrics: { bytes, flows },
});

describe("mergeAggregates", () => {
  test("sums and counts add up across chunks, then order and limit apply again", () => {
    const compiled = compiledFor(aggregate({ groupBy: ["dstPort"], metrics: ["bytes", "flows"], limit: 2 }));
    const merged = mergeAggregates(
      [
        [agg({ dstPort: 443 }, 100, 2), agg({ dstPort: 22 }, 10, 1)],
        [agg({ dstPort: 22 }, 500, 4), agg({ dstPort: 80 }, 50, 1)],
      ],
      compiled,
    );
    expect(merged).toEqual({
      rows: [agg({ dstPort: 22 }, 510, 5), agg({ dstPort: 443 }, 100, 2)],
      truncated: true,
    });
  });

  test("time series merge per bucket and key, in time order", () => {
    const compiled = compiledFor(aggregate({ bin: "5m", groupBy: ["action"], metrics: ["bytes", "flows"] }));
    const merged = mergeAggregates(
      [
        [agg({ action: "ACCEPT" }, 1, 1, 300_000), agg({ action: "ACCEPT" }, 2, 1, 0)],
        [agg({ action: "ACCEPT" }, 3, 1, 0), agg({ action: "REJECT" }, 4, 1, 0)],
      ],
      compiled,
    );
    expect(merged).toEqual({
      rows: [
        agg({ action: "ACCEPT" }, 5, 2, 0),
        agg({ action: "REJECT" }, 4, 1, 0),
        agg({ action: "ACCEPT" }, 1, 1, 300_000),
      ],
      truncated: false,
    });
  });

  test("a missing key is its own group; a single chunk passes through", () => {
    const compiled = compiledFor(aggregate({ groupBy: ["srcAddr"], metrics: ["bytes", "flows"] }));
    const rows = [agg({}, 7, 1), agg({ srcAddr: "10.0.0.1" }, 3, 1)];
    expect(mergeAggregates([rows], compiled)).toEqual({ rows, truncated: false });
    expect(mergeAggregates([[agg({}, 1, 1)], [agg({}, 2, 1)]], compiled).rows).toEqual([agg({}, 3, 2)]);
  });

  test("no chunks, no rows", () => {
    expect(mergeAggregates([], compiledFor(aggregate()))).toEqual({ rows: [], truncated: false });
  });
});

describe("mergeRecords", () => {
  const rec = (timestamp: number, bytes: number): RecordRow => ({
    timestamp,
    message: "",
    logStream: undefined,
    ptr: undefined,
    record: { bytes },
  });

  test("newest first across chunks, cut to the limit", () => {
    const compiled = compiledFor(records({ limit: 3 }));
    expect(
      mergeRecords(
        [
          [rec(5, 1), rec(1, 1)],
          [rec(4, 1), rec(3, 1)],
        ],
        compiled,
      ),
    ).toEqual([rec(5, 1), rec(4, 1), rec(3, 1)]);
  });

  test("in the query's own order when it sorts by bytes", () => {
    const compiled = compiledFor(records({ limit: 2, sort: { by: "bytes", direction: "asc" } }));
    expect(mergeRecords([[rec(1, 10), rec(2, 30)], [rec(3, 20)]], compiled)).toEqual([
      rec(1, 10),
      rec(3, 20),
    ]);
  });
});
