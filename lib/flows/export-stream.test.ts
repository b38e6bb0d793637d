import { describe, expect, test } from "vitest";
import type { FlowRow } from "./contract";
import { exportChunks } from "./export-stream";

const rows = (n: number): FlowRow[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `r${i}`,
    srcAddr: "10.0.0.1",
    dstPort: i,
    message: "m",
    logGroup: "g",
    flowLogIds: ["fl-1"],
    enrichment: { "10.0.0.1": { label: "x", kind: "unknown" } },
  }));

describe("exportChunks", () => {
  test.each([0, 1, 499, 500, 501, 1200])("JSON of %i rows parses back, without labels", (n) => {
    const parsed = JSON.parse([...exportChunks("json", rows(n), n > 1000, 1000)].join(""));
    expect(parsed.rows).toHaveLength(n);
    expect(parsed.capped).toBe(n > 1000);
    expect(parsed.rows[0]?.enrichment).toBeUndefined();
  });
  test.each([0, 1, 501])("CSV of %i rows has a header and one line per row", (n) => {
    const lines = [...exportChunks("csv", rows(n), false, 1000)].join("").trim().split("\n");
    expect(lines).toHaveLength(n + 1);
    expect(lines[0]).toMatch(/^start,end,srcAddr/);
  });
});
