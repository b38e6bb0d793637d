import { describe, expect, test } from "vitest";
import { checkCustomRange, fromLocalInput, MAX_CUSTOM_RANGE_MS, toLocalInput } from "./time-range";

const T = Date.UTC(2026, 5, 1, 12, 0);

describe("custom time range", () => {
  test.each<[string, number | undefined, number | undefined, "start" | "end" | undefined]>([
    ["one hour", T, T + 3_600_000, undefined],
    ["exactly 31 days", T, T + MAX_CUSTOM_RANGE_MS, undefined],
    ["no start", undefined, T, "start"],
    ["no end", T, undefined, "end"],
    ["end before start", T, T - 60_000, "end"],
    ["empty range", T, T, "end"],
    ["31 days and a minute", T, T + MAX_CUSTOM_RANGE_MS + 60_000, "end"],
  ])("%s", (_name, start, end, field) => {
    const check = checkCustomRange(start, end);
    expect(check.ok ? undefined : check.field).toBe(field);
  });

  test.each<[string, number, boolean]>([
    ["ending now", T, true],
    ["ending within the minute the clock may be off", T + 60_000, true],
    ["ending in the future", T + 120_000, false],
  ])("%s", (_name, end, ok) => {
    expect(checkCustomRange(end - 3_600_000, end, T).ok).toBe(ok);
  });

  test.each(["2026-06-01T12:00", "2026-12-31T23:59", "2026-03-29T01:30"])(
    "%s survives the datetime-local round trip",
    (value) => {
      const ms = fromLocalInput(value);
      expect(ms).toBeTypeOf("number");
      expect(toLocalInput(ms)).toBe(value);
    },
  );

  test.each(["", "2026-06-01", "yesterday", "2026-13-01T12:00"])("%j is not a time", (value) => {
    expect(fromLocalInput(value)).toBeUndefined();
  });
});
