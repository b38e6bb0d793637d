import { describe, expect, test } from "vitest";
import { DEFAULT_LOG_FORMAT, FLOW_LOG_FIELDS, flowLogField, formatVersion, parseLogFormat } from "./fields";

/** `${a} ${b}` without writing placeholders in plain strings. */
const fmt = (...names: string[]) => names.map((name) => `\${${name}}`).join(" ");

describe("FLOW_LOG_FIELDS", () => {
  test("names are unique and versions 2–11 without 6 (transit gateway only)", () => {
    const names = FLOW_LOG_FIELDS.map((field) => field.name);
    expect(new Set(names).size).toBe(names.length);
    const versions = [...new Set(FLOW_LOG_FIELDS.map((field) => field.version))];
    expect(versions).toEqual([2, 3, 4, 5, 7, 8, 9, 10, 11]);
  });

  test("the default format is the 14 version-2 fields in AWS's order", () => {
    expect(DEFAULT_LOG_FORMAT).toBe(
      fmt(...["version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport"]) +
        ` ${fmt("protocol", "packets", "bytes", "start", "end", "action", "log-status")}`,
    );
  });

  test("lookup by name", () => {
    expect(flowLogField("tcp-flags")).toMatchObject({ version: 3, type: "int32" });
    expect(flowLogField("nope")).toBeUndefined();
  });
});

describe("parseLogFormat", () => {
  test.each([
    [fmt("srcaddr", "dstaddr"), ["srcaddr", "dstaddr"]],
    [`  ${fmt("vpc-id")}\t${fmt("flow-direction")} `, ["vpc-id", "flow-direction"]],
  ])("%s", (format, names) => {
    const parsed = parseLogFormat(format);
    expect(parsed.ok && parsed.fields.map((field) => field.name)).toEqual(names);
  });

  test.each([
    ["", "empty", []],
    ["   ", "empty", []],
    [`srcaddr ${fmt("dstaddr")}`, "malformed", ["srcaddr"]],
    [`${fmt("srcaddr")},${fmt("dstaddr")}`, "malformed", [`${fmt("srcaddr")},${fmt("dstaddr")}`]],
    [fmt("srcaddr", "bogus", "other"), "unknown", [fmt("bogus"), fmt("other")]],
  ])("%j is refused as %s", (format, problem, tokens) => {
    expect(parseLogFormat(format)).toEqual({ ok: false, problem, tokens });
  });

  test("version is the highest field version", () => {
    const parsed = parseLogFormat(fmt("srcaddr", "vpc-id", "region"));
    expect(parsed.ok && formatVersion(parsed.fields)).toBe(4);
    const v2 = parseLogFormat(DEFAULT_LOG_FORMAT);
    expect(v2.ok && formatVersion(v2.fields)).toBe(2);
  });
});
