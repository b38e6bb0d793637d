import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_RECORDS, parseSince, parseWorldExportArgs, UsageError } from "./world-export-args";

const NOW = Date.parse("2026-06-01T12:00:00Z");

describe("parseWorldExportArgs", () => {
  it("defaults to the whole region and no records", () => {
    expect(parseWorldExportArgs([], NOW)).toEqual({
      help: false,
      region: undefined,
      vpcIds: [],
      recordsSince: undefined,
      maxRecords: DEFAULT_MAX_RECORDS,
    });
  });

  it("takes a region, several VPCs (sorted, once each), a window and a cap", () => {
    const argv = [
      "--region",
      "eu-west-1",
      "--vpc",
      "vpc-0fca4a15",
      "--vpc=vpc-0a80cabe",
      "--vpc",
      "vpc-0fca4a15",
    ];
    expect(parseWorldExportArgs([...argv, "--records-since", "2h", "--max-records", "50"], NOW)).toEqual({
      help: false,
      region: "eu-west-1",
      vpcIds: ["vpc-0a80cabe", "vpc-0fca4a15"],
      recordsSince: NOW - 2 * 3_600_000,
      maxRecords: 50,
    });
  });

  it.each([
    [["--region", "Europe"], /--region/],
    [["--vpc", "vpc-XYZ"], /--vpc/],
    [["--vpc", "subnet-0a1b2c3d"], /--vpc/],
    [["--records-since", "2 hours"], /--records-since/],
    [["--records-since", "2h", "--max-records", "0"], /--max-records/],
    [["--records-since", "2h", "--max-records", "1e3"], /--max-records/],
    [["--max-records", "10"], /needs --records-since/],
    [["--bogus"], /bogus/],
    [["stray"], /stray/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseWorldExportArgs(argv, NOW)).toThrow(UsageError);
    expect(() => parseWorldExportArgs(argv, NOW)).toThrow(message);
  });
});

describe("parseSince", () => {
  it.each([
    ["90s", NOW - 90_000],
    ["30m", NOW - 30 * 60_000],
    ["1d", NOW - 86_400_000],
    ["2026-06-01T10:00:00Z", Date.parse("2026-06-01T10:00:00Z")],
    ["2026-06-01T10:00:00+02:00", Date.parse("2026-06-01T08:00:00Z")],
    ["2026-05-31", Date.parse("2026-05-31T00:00:00Z")],
  ])("%s", (text, expected) => {
    expect(parseSince(text, NOW)).toBe(expected);
  });

  it("refuses a time in the future", () => {
    expect(() => parseSince("2026-06-02T00:00:00Z", NOW)).toThrow(/future/);
  });
});
