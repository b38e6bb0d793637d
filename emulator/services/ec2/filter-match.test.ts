import { describe, expect, test } from "vitest";
import { AwsError } from "../aws-error";
import { checkFilterNames, matchesFilters, pluck, wildcardToRegExp } from "./filter-match";

describe("wildcardToRegExp", () => {
  test.each([
    ["web-*", "web-1", true],
    ["web-*", "web-", true],
    ["web-*", "app-1", false],
    ["web-?", "web-12", false],
    ["web-??", "web-12", true],
    ["*", "", true],
    ["10.0.1.0/24", "10.0.1.0/24", true],
    ["10.0.1.0/24", "10a0b1c0/24", false],
    ["a\\*b", "a*b", true],
    ["a\\*b", "axb", false],
    ["a\\?", "a?", true],
    ["a\\\\b", "a\\b", true],
    ["(x)+[y]", "(x)+[y]", true],
    ["Web", "web", false],
  ])("%s against %s -> %s", (pattern, value, expected) => {
    expect(wildcardToRegExp(pattern).test(value)).toBe(expected);
  });
});

describe("pluck", () => {
  const item = { A: [{ B: [{ C: 1 }, { C: 2 }] }, { B: { C: 3 } }, { D: 4 }], E: null };
  test.each([
    ["A.B.C", [1, 2, 3]],
    ["A.D", [4]],
    ["E", []],
    ["Z.Y", []],
  ])("%s", (path, expected) => {
    expect(pluck(item, path.split("."))).toEqual(expected);
  });
});

describe("matchesFilters", () => {
  const table = { "vpc-id": "VpcId", flag: "Flag", count: "Count", fn: () => ["x", "y"] };
  const item = {
    VpcId: "vpc-1",
    Flag: false,
    Count: 0,
    Tags: [{ Key: "Name", Value: "web" }, { Key: "empty" }],
  };
  test.each([
    [[{ Name: "vpc-id", Values: ["vpc-2", "vpc-1"] }], true],
    [[{ Name: "vpc-id", Values: ["vpc-2"] }], false],
    [
      [
        { Name: "vpc-id", Values: ["vpc-1"] },
        { Name: "flag", Values: ["true"] },
      ],
      false,
    ],
    [
      [
        { Name: "flag", Values: ["false"] },
        { Name: "count", Values: ["0"] },
      ],
      true,
    ],
    [[{ Name: "fn", Values: ["y"] }], true],
    [[{ Name: "tag:Name", Values: ["w*"] }], true],
    [[{ Name: "tag:empty", Values: [""] }], true],
    [[{ Name: "tag-key", Values: ["Name"] }], true],
    [[{ Name: "vpc-id", Values: [] }], false],
    [[], true],
  ])("%j -> %s", (filters, expected) => {
    expect(matchesFilters(table, filters, item)).toBe(expected);
  });

  test("an unknown name is AWS's InvalidParameterValue", () => {
    expect(() => checkFilterNames(table, [{ Name: "vpc-id" }, { Name: "tag:x" }])).not.toThrow();
    const error = (() => {
      try {
        checkFilterNames(table, [{ Name: "tag:" }]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AwsError);
    expect(error).toMatchObject({ code: "InvalidParameterValue", message: "The filter 'tag:' is invalid" });
  });
});
