import { describe, expect, it } from "vitest";
import { parseWorldDemoArgs, UsageError } from "./demo-args";

const CLOCK = new Date("2026-06-01T12:34:56.789Z");

describe("parseWorldDemoArgs", () => {
  it.each([
    [[], 1, "2026-06-01T12:34:00.000Z"],
    [["--seed", "42"], 42, "2026-06-01T12:34:00.000Z"],
    [["--seed=0", "--now", "2026-01-02T03:04:05Z"], 0, "2026-01-02T03:04:05.000Z"],
    [
      ["--now", "2026-01-02T03:04:05.250+02:00", "--seed", "4294967295"],
      4294967295,
      "2026-01-02T01:04:05.250Z",
    ],
  ])("%j → seed %i, now %s", (argv, seed, now) => {
    const args = parseWorldDemoArgs(argv, CLOCK);
    expect([args.seed, args.now.toISOString(), args.help]).toEqual([seed, now, false]);
  });

  it.each([
    [["--seed"]],
    [["--seed", "-1"]],
    [["--seed", "1.5"]],
    [["--seed", "abc"]],
    [["--seed", "4294967296"]],
    [["--now", "yesterday"]],
    [["--now", "2026-01-02"]],
    [["--now", "2026-13-02T00:00:00Z"]],
    [["--scale", "0"]],
    [["--scale", "251"]],
    [["--scale", "2.5"]],
    [["--verbose"]],
    [["extra"]],
  ])("rejects %j", (argv) => {
    expect(() => parseWorldDemoArgs(argv, CLOCK)).toThrow(UsageError);
  });

  it("reads --scale, 1 by default", () => {
    expect(parseWorldDemoArgs([], CLOCK).scale).toBe(1);
    expect(parseWorldDemoArgs(["--scale", "100"], CLOCK).scale).toBe(100);
  });

  it("knows --help", () => {
    expect(parseWorldDemoArgs(["--help"], CLOCK).help).toBe(true);
  });
});
