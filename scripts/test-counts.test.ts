import { describe, expect, it } from "vitest";
import { addCounts, playwrightCounts, vitestCounts } from "./test-counts";

describe("report counts", () => {
  it("reads Vitest's JSON report", () => {
    expect(vitestCounts({ numPassedTests: 40, numFailedTests: 2, numTotalTests: 43 })).toEqual({
      passed: 40,
      failed: 2,
    });
  });

  it("counts Playwright's flaky tests as passed", () => {
    expect(playwrightCounts({ stats: { expected: 9, unexpected: 1, flaky: 2, skipped: 3 } })).toEqual({
      passed: 11,
      failed: 1,
    });
  });

  it.each([undefined, null, "x", {}, { stats: {} }, { numPassedTests: "1" }])("ignores %j", (report) => {
    expect(vitestCounts(report)).toBeUndefined();
    expect(playwrightCounts(report)).toBeUndefined();
  });

  it("adds what ran", () => {
    expect(addCounts([{ passed: 3, failed: 1 }, undefined, { passed: 2, failed: 0 }])).toEqual({
      passed: 5,
      failed: 1,
    });
  });
});
