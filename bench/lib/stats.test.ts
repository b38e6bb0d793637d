import { describe, expect, test } from "vitest";
import { fmt, median, percentile, ratio, timeRuns } from "./stats";

describe("percentile (nearest rank)", () => {
  test.each([
    [[], 0.5, Number.NaN],
    [[7], 0.95, 7],
    [[3, 1, 2], 0.5, 2],
    [[1, 2, 3, 4], 0.5, 2],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9],
    [[5, 1], 0, 1],
    [[5, 1], 1, 5],
  ])("%j at %d → %d", (values, q, expected) => {
    expect(percentile(values, q)).toBe(expected);
  });
  test("median does not reorder its input", () => {
    const values = [3, 1, 2];
    expect(median(values)).toBe(2);
    expect(values).toEqual([3, 1, 2]);
  });
});

test.each([
  [3, 2, 1.5],
  [1, 0, Number.NaN],
])("ratio(%d, %d) = %d", (a, b, expected) => {
  expect(ratio(a, b)).toBe(expected);
});

test("fmt", () => {
  expect(fmt(1234567.891)).toBe("1,234,567.9");
  expect(fmt(Number.NaN)).toBe("n/a");
  expect(fmt(0.123, 2)).toBe("0.12");
});

test("timeRuns runs warmups untimed and returns the median of the timed runs", async () => {
  let calls = 0;
  const result = await timeRuns(async () => void calls++, { repeats: 3, warmups: 2 });
  expect(calls).toBe(5);
  expect(result.runs).toHaveLength(3);
  expect(result.median).toBe(median(result.runs));
});
