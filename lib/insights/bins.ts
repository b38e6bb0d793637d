import type { BinSize } from "./schema";

export interface Bin {
  /** The period as bin() takes it: only m and h units, within Insights' caps (m ≤ 60, h ≤ 24). */
  period: string;
  ms: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const bin = (period: string, ms: number): Bin => ({ period, ms });

/** Whole-minute sizes for "auto", each at most 2.5× the one before, so the pick lands in range. */
const AUTO_SIZES: readonly Bin[] = [
  bin("1m", MINUTE),
  bin("2m", 2 * MINUTE),
  bin("5m", 5 * MINUTE),
  bin("10m", 10 * MINUTE),
  bin("15m", 15 * MINUTE),
  bin("30m", 30 * MINUTE),
  bin("1h", HOUR),
  bin("2h", 2 * HOUR),
  bin("3h", 3 * HOUR),
  bin("6h", 6 * HOUR),
  bin("12h", 12 * HOUR),
  bin("24h", 24 * HOUR),
];

/** The most points a chart should get; "auto" picks the smallest size that stays at or under it. */
export const MAX_POINTS = 300;

// "1d" is written 24h: the 2022 guide documents only the m and h units for bin().
const FIXED: Readonly<Record<Exclude<BinSize, "auto">, Bin>> = {
  "1m": bin("1m", MINUTE),
  "5m": bin("5m", 5 * MINUTE),
  "15m": bin("15m", 15 * MINUTE),
  "1h": bin("1h", HOUR),
  "1d": bin("24h", 24 * HOUR),
};

/**
 * The bin for a time range. "auto" gives 60–300 points for ranges from 1 hour to 300 days (120–300
 * from 2 hours); a shorter range gets 1-minute bins and fewer points, a longer one 1-day bins and more.
 */
export function chooseBin(size: BinSize, range: { start: number; end: number }): Bin {
  if (size !== "auto") return FIXED[size];
  const span = range.end - range.start;
  return (
    AUTO_SIZES.find((candidate) => Math.ceil(span / candidate.ms) <= MAX_POINTS) ?? bin("24h", 24 * HOUR)
  );
}
