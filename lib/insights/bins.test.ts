import { describe, expect, test } from "vitest";
import { chooseBin, MAX_POINTS } from "./bins";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("chooseBin", () => {
  test.each([
    [10 * MINUTE, "1m"],
    [HOUR, "1m"],
    [5 * HOUR, "1m"],
    [5 * HOUR + MINUTE, "2m"],
    [DAY, "5m"],
    [3 * DAY, "15m"],
    [7 * DAY, "1h"],
    [30 * DAY, "3h"],
    [90 * DAY, "12h"],
    [365 * DAY, "24h"],
  ])("auto over %i ms is %s", (span, period) => {
    expect(chooseBin("auto", { start: 0, end: span }).period).toBe(period);
  });

  test("auto keeps 60–300 points from 1 hour to 300 days, in whole minutes", () => {
    for (let span = HOUR; span <= 300 * DAY; span = Math.ceil(span * 1.07)) {
      const bin = chooseBin("auto", { start: 0, end: span });
      const points = Math.ceil(span / bin.ms);
      expect(points).toBeGreaterThanOrEqual(60);
      expect(points).toBeLessThanOrEqual(MAX_POINTS);
      expect(bin.ms % MINUTE).toBe(0);
    }
  });

  test.each([
    ["1m", "1m", MINUTE],
    ["5m", "5m", 5 * MINUTE],
    ["15m", "15m", 15 * MINUTE],
    ["1h", "1h", HOUR],
    ["1d", "24h", DAY],
  ] as const)("%s is bin(%s)", (size, period, ms) => {
    expect(chooseBin(size, { start: 0, end: 7 * DAY })).toEqual({ period, ms });
  });
});
