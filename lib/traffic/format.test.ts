import { describe, expect, test } from "vitest";
import { formatAge, formatBytes, formatCompact, formatCount, formatDuration, formatUsd } from "./format";

describe("formatting", () => {
  test.each<[number, string]>([
    [0, "0 B"],
    [1, "1 B"],
    [999, "999 B"],
    [1000, "0.98 KB"],
    [1024, "1 KB"],
    [1536, "1.5 KB"],
    [10_240, "10 KB"],
    [123_456, "121 KB"],
    [1_048_576, "1 MB"],
    [3_400_000, "3.24 MB"],
    [1_073_741_824, "1 GB"],
    [5.5 * 1024 ** 4, "5.5 TB"],
    [-1, "—"],
    [Number.NaN, "—"],
  ])("formatBytes(%d) = %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  test.each<[number, string]>([
    [0, "$0"],
    [0.000017, "$0.000017"],
    [0.0012345, "$0.0012"],
    [0.01, "$0.01"],
    [1.234, "$1.23"],
  ])("formatUsd(%d) = %s", (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });

  test.each<[number, string]>([
    [250, "250 ms"],
    [2345, "2.3 s"],
    [60_000, "1 min"],
    [125_000, "2 min 5 s"],
  ])("formatDuration(%d) = %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  test.each<[number, string]>([
    [40_000, "40 s"],
    [7 * 60_000, "7 min"],
    [185 * 60_000, "3 h 5 min"],
    [120 * 60_000, "2 h"],
    [3 * 86_400_000, "3 d"],
  ])("formatAge(%d) = %s", (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });

  test.each<[number, string, string]>([
    [1234567, "1,234,567", "1.2M"],
    [999, "999", "999"],
    [12_345, "12,345", "12.3K"],
  ])("%d counts as %s, compact %s", (n, count, compact) => {
    expect(formatCount(n)).toBe(count);
    expect(formatCompact(n)).toBe(compact);
  });
});
