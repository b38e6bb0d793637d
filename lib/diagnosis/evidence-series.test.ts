import { describe, expect, test } from "vitest";
import { evidenceSeries, rawRecordLine } from "./evidence-series";

const MIN = 60_000;
const win = { start: 0, end: 60 * MIN };
const at = (minute: number, action: string) => ({ start: (minute * MIN) / 1000, action });

describe("evidenceSeries", () => {
  test("counts accepted and rejected per bin, by record start", () => {
    const s = evidenceSeries([at(1, "ACCEPT"), at(2, "REJECT"), at(59, "REJECT"), at(61, "ACCEPT")], win, 6);
    expect(s).toHaveLength(6);
    expect(s[0]).toEqual({ t: 0, accepted: 1, rejected: 1 });
    expect(s[5]).toEqual({ t: 50 * MIN, accepted: 0, rejected: 1 });
    expect(s.reduce((n, b) => n + b.accepted + b.rejected, 0)).toBe(3);
  });
  test("records without a start are left out", () => {
    expect(evidenceSeries([{ action: "ACCEPT" }], win, 2)).toEqual([
      { t: 0, accepted: 0, rejected: 0 },
      { t: 30 * MIN, accepted: 0, rejected: 0 },
    ]);
  });
});

describe("rawRecordLine", () => {
  test("the record's values in order, - for missing", () => {
    expect(
      rawRecordLine(JSON.stringify({ version: 2, srcaddr: "10.0.0.1", dstport: 22, action: "REJECT" })),
    ).toBe("2 10.0.0.1 22 REJECT");
    expect(rawRecordLine("not json")).toBe("not json");
  });
});
