import { describe, expect, it } from "vitest";
import {
  BYTES_PER_GB,
  cloudWatchIngestionCost,
  cloudWatchStorageCost,
  formatUsd,
  insightsQueryCost,
  tieredCost,
} from "./index";

const GB = BYTES_PER_GB;
const TB = 1024 * GB;

describe("insightsQueryCost", () => {
  it.each([
    [0, 0],
    [-5, 0],
    [Number.NaN, 0],
    [GB, 0.005],
    [200 * GB, 1],
    [GB / 2, 0.0025],
  ])("%d bytes scanned → $%d", (bytes, usd) => {
    expect(insightsQueryCost(bytes)).toBeCloseTo(usd, 10);
  });
});

describe("cloudWatchIngestionCost (tiered)", () => {
  it.each([
    ["nothing", 0, 0],
    ["1 GB", GB, 0.5],
    ["10 TB, all in the first tier", 10 * TB, 10 * 1024 * 0.5],
    ["11 TB, 1 TB at the second tier", 11 * TB, 10 * 1024 * 0.5 + 1024 * 0.25],
    ["60 TB, every tier", 60 * TB, 1024 * (10 * 0.5 + 20 * 0.25 + 20 * 0.1 + 10 * 0.05)],
  ])("%s", (_, bytes, usd) => {
    expect(cloudWatchIngestionCost(bytes)).toBeCloseTo(usd, 6);
  });

  it("charges each GB at its own tier", () => {
    const tiers = [
      { upToGb: 1, usdPerGb: 10 },
      { upToGb: Number.POSITIVE_INFINITY, usdPerGb: 1 },
    ];
    expect(tieredCost(0.5, tiers)).toBe(5);
    expect(tieredCost(3, tiers)).toBe(12);
  });
});

describe("cloudWatchStorageCost", () => {
  it("is per GB-month", () => {
    expect(cloudWatchStorageCost(100 * GB)).toBeCloseTo(3, 10);
  });
});

describe("formatUsd", () => {
  it.each([
    [0, "$0"],
    [0.00001, "<$0.0001"],
    [0.0012345, "$0.0012"],
    [3.5, "$3.50"],
  ])("%d → %s", (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });
});
