// biome-ignore-all lint/suspicious/noTemplateCurlyInString: LogFormat strings are written ${field}
import { describe, expect, test } from "vitest";
import {
  DEFAULT_FIELD_NAMES,
  DEFAULT_LOG_FORMAT,
  LogFormatError,
  logFormatFields,
  toLogFormat,
} from "./format";

describe("logFormatFields", () => {
  test.each([
    [DEFAULT_LOG_FORMAT, [...DEFAULT_FIELD_NAMES]],
    // flow-log-records.md §10.10
    [
      "${encryption-status} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${traffic-path} ${flow-direction} ${reject-reason}",
      [
        "encryption-status",
        "srcaddr",
        "dstaddr",
        "srcport",
        "dstport",
        "protocol",
        "traffic-path",
        "flow-direction",
        "reject-reason",
      ],
    ],
    ["  ${vpc-id}\t${next-hop-az-id}  ", ["vpc-id", "next-hop-az-id"]],
  ])("%s", (format, fields) => {
    expect(logFormatFields(format)).toEqual(fields);
  });

  test.each([
    ["", undefined, /no fields/],
    ["${srcaddr} dstaddr", "dstaddr", /token dstaddr/],
    ["${srcaddr} $dstaddr", "$dstaddr", /token \$dstaddr/],
    ["${srcaddr} ${bogus}", "${bogus}", /\$\{bogus\} is not a flow-log field/],
  ])("%j is refused, naming %j", (format, token, message) => {
    const error = (() => {
      try {
        logFormatFields(format);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(LogFormatError);
    expect((error as LogFormatError).token).toBe(token);
    expect((error as LogFormatError).message).toMatch(message);
  });

  test("unknown but well-formed fields can be kept as opaque names", () => {
    expect(logFormatFields("${srcaddr} ${bogus}", { allowUnknown: true })).toEqual(["srcaddr", "bogus"]);
  });

  test("toLogFormat is the inverse", () => {
    expect(toLogFormat(DEFAULT_FIELD_NAMES)).toBe(DEFAULT_LOG_FORMAT);
    expect(DEFAULT_FIELD_NAMES).toHaveLength(14);
  });
});
