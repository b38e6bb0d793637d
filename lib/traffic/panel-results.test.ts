import { describe, expect, it } from "vitest";
import type { AggregateRow } from "@/lib/insights";
import { buildEnrichmentIndex } from "./enrich";
import { seriesPoints } from "./series-points";
import { topRows } from "./top-rows";

const MIN = 60_000;
const T = Date.UTC(2026, 0, 1);
const index = buildEnrichmentIndex({ vpcs: [], subnets: [], interfaces: [], instances: [] });
const agg = (
  keys: AggregateRow["keys"],
  metrics: AggregateRow["metrics"],
  bucket?: number,
): AggregateRow => ({
  keys,
  metrics,
  ...(bucket !== undefined && { bucket }),
});

describe("seriesPoints", () => {
  it("fills every bin and adds rows of several queries", () => {
    const rows = [
      agg({ action: "ACCEPT" }, { flows: 3 }, T),
      agg({ action: "REJECT" }, { flows: 1 }, T),
      agg({ action: "ACCEPT" }, { flows: 2 }, T), // the same bin from a second log group
      agg({ action: "REJECT" }, { flows: 4 }, T + 2 * MIN),
      agg({ action: "REJECT" }, { flows: 9 }, T + 5 * MIN), // outside the window
    ];
    expect(seriesPoints(rows, "flows", { start: T, end: T + 3 * MIN }, MIN)).toEqual([
      { t: T, accepted: 5, rejected: 1 },
      { t: T + MIN, accepted: 0, rejected: 0 },
      { t: T + 2 * MIN, accepted: 0, rejected: 4 },
    ]);
  });
});

describe("topRows", () => {
  const rows = [
    agg({ srcAddr: "10.0.0.1", dstAddr: "10.0.0.2" }, { bytes: 100, packets: 1, flows: 1, rejectedFlows: 0 }),
    agg({ srcAddr: "10.0.0.3", dstAddr: "10.0.0.2" }, { bytes: 300, packets: 3, flows: 2, rejectedFlows: 2 }),
    agg({ srcAddr: "10.0.0.1", dstAddr: "10.0.0.4" }, { bytes: 250, packets: 2, flows: 1, rejectedFlows: 1 }),
    agg(
      { srcAddr: "52.216.1.1", pktSrcAwsService: "S3" },
      { bytes: 1, packets: 1, flows: 1, rejectedFlows: 0 },
    ),
    agg({}, { bytes: 999 }), // a NODATA-like row without the key
  ];

  it.each([
    ["sources", "bytes", ["10.0.0.1", "10.0.0.3", "52.216.1.1"]],
    ["sources", "rejectedFlows", ["10.0.0.3", "10.0.0.1", "52.216.1.1"]],
    ["pairs", "bytes", ["10.0.0.3 → 10.0.0.2", "10.0.0.1 → 10.0.0.4", "10.0.0.1 → 10.0.0.2"]],
  ] as const)("merges %s ordered by %s", (dimension, metric, keys) => {
    expect(topRows(rows, dimension, metric, 10, index).map((r) => r.key)).toEqual(keys);
  });

  it("adds metrics of equal keys, labels addresses and cuts to the limit", () => {
    const [first, ...rest] = topRows(rows, "sources", "bytes", 2, index);
    expect(first).toMatchObject({ key: "10.0.0.1", bytes: 350, packets: 3, flows: 2, rejectedFlows: 1 });
    expect(rest).toHaveLength(1);
    const s3 = topRows(rows, "sources", "bytes", 10, index).at(-1);
    expect(s3?.enrichment["52.216.1.1"]).toMatchObject({ kind: "aws-service", label: "Amazon S3" });
  });

  it("names well-known destination ports", () => {
    const ports = [agg({ dstPort: 443 }, { bytes: 5 }), agg({ dstPort: 40000 }, { bytes: 1 })];
    expect(topRows(ports, "dstPorts", "bytes", 10, index)).toMatchObject([
      { key: "443", dstPort: 443, portName: "https" },
      { key: "40000", dstPort: 40000 },
    ]);
  });
});
