import { describe, expect, test } from "vitest";
import type { SeriesMetric, SeriesPoint } from "./contract";
import { byteTicks, fillBins, formatMetric, seriesTotals } from "./series";

const M = 60_000;
const p = (minute: number, accepted: number, rejected: number): SeriesPoint => ({
  t: minute * M,
  accepted,
  rejected,
});

describe("chart series", () => {
  test("missing bins are zero up to the newest record and unknown after it", () => {
    const points = [p(1, 10, 1), p(3, 20, 0), p(5, 0, 0)];
    expect(fillBins(points, M, 0, 6 * M, 4 * M)).toEqual([
      { t: 0, accepted: 0, rejected: 0 },
      { t: M, accepted: 10, rejected: 1 },
      { t: 2 * M, accepted: 0, rejected: 0 },
      { t: 3 * M, accepted: 20, rejected: 0 },
      { t: 4 * M, accepted: 0, rejected: 0 },
      { t: 5 * M, accepted: null, rejected: null },
    ]);
  });

  test("a real value after the newest record is kept, and so is a point off the grid", () => {
    const points = [p(2, 5, 5), { t: 90_000, accepted: 1, rejected: 0 }];
    const filled = fillBins(points, M, 0, 3 * M, 0);
    expect(filled.map((x) => [x.t, x.accepted])).toEqual([
      [0, 0],
      [M, null],
      [90_000, 1],
      [2 * M, 5],
    ]);
  });

  test("the rejected total is the sum of the points", () => {
    expect(seriesTotals([p(0, 10, 1), p(1, 5, 2), p(2, 0, 39)])).toEqual({ accepted: 15, rejected: 42 });
    expect(seriesTotals([])).toEqual({ accepted: 0, rejected: 0 });
  });

  test.each<[SeriesMetric, number, string]>([
    ["bytes", 1536, "1.5 KB"],
    ["packets", 1234, "1,234 packets"],
    ["packets", 1, "1 packet"],
    ["flows", 0, "0 flows"],
  ])("%s %d reads %s", (metric, value, text) => {
    expect(formatMetric(metric, value)).toBe(text);
  });

  test.each<[number, number[]]>([
    [0, [0]],
    [7, [0, 2, 4, 6, 8]],
    [900, [0, 250, 500, 750, 1000]],
    [3 * 1024 * 1024, [0, 1, 2, 3].map((n) => n * 1024 * 1024)],
    [1000 * 1024, [0, 0.25, 0.5, 0.75, 1].map((n) => n * 1024 * 1024)],
  ])("byte ticks up to %d", (max, ticks) => {
    expect(byteTicks(max)).toEqual(ticks);
  });
});
