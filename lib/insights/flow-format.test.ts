import { describe, expect, test } from "vitest";
import { DEFAULT_LOG_FORMAT, toLogFormat } from "../flow/format";
import { FlowQueryError } from "./errors";
import { flowFormat } from "./flow-format";
import { NAT_LOG_FORMAT, V3_LOG_FORMAT, V5_LOG_FORMAT } from "./test-fixtures";

describe("flowFormat", () => {
  test.each([
    ["absent", undefined],
    ["null", null],
    ["empty", ""],
    ["blank", "  \n"],
    ["spelled out", DEFAULT_LOG_FORMAT],
    ["spelled out with extra spaces", ` ${DEFAULT_LOG_FORMAT.replaceAll(" ", "  ")} `],
  ])("the default format: %s", (_name, logFormat) => {
    const format = flowFormat(logFormat);
    expect(format.kind).toBe("default");
    expect(format.fields).toHaveLength(14);
    expect(format.queryName("srcaddr")).toBe("srcAddr");
    expect(format.queryName("log-status")).toBe("logStatus");
    expect(format.queryName("start")).toBe("startTime");
    expect(format.hasField("vpc-id")).toBe(false);
    expect(format.queryName("vpc-id")).toBeUndefined();
  });

  test("the default fields in another order are a custom format", () => {
    const fields = DEFAULT_LOG_FORMAT.split(" ");
    const format = flowFormat([...fields.slice(1), fields[0]].join(" "));
    expect(format.kind).toBe("custom");
    expect(format.queryName("srcaddr")).toBe("srcaddr");
  });

  test.each([
    [V3_LOG_FORMAT, 21, "tcp-flags", "tcp_flags"],
    [V5_LOG_FORMAT, 29, "pkt-src-aws-service", "pkt_src_aws_service"],
    [NAT_LOG_FORMAT, 6, "pkt-dstaddr", "pkt_dstaddr"],
  ])("custom format %#: fields in order, `-` turned into `_`", (logFormat, count, field, name) => {
    const format = flowFormat(logFormat);
    expect(format.kind).toBe("custom");
    expect(format.fields).toHaveLength(count);
    expect(format.hasField(field)).toBe(true);
    expect(format.queryName(field)).toBe(name);
  });

  test("a field lib/flow does not know is kept, prefixed so it can never be a keyword", () => {
    const format = flowFormat(toLogFormat(["srcaddr", "next-gen-field", "in"]));
    expect(format.fields).toEqual(["srcaddr", "next-gen-field", "in"]);
    expect(format.queryName("next-gen-field")).toBe("x_next_gen_field");
    expect(format.queryName("in")).toBe("x_in");
  });

  test.each([
    ["srcaddr dstaddr", /not \$\{field\}/],
    [toLogFormat(["srcaddr", "a|b"]), /"a\|b" is not a field name/],
    [toLogFormat(["srcaddr", 'a"b']), /is not a field name/],
    [toLogFormat(["srcaddr", "A-B"]), /"A-B" is not a field name/],
    [toLogFormat(["srcaddr", "a--b"]), /is not a field name/],
    [toLogFormat(["srcaddr", "srcaddr"]), /srcaddr appears twice/],
  ])("refuses %j", (logFormat, message) => {
    expect(() => flowFormat(logFormat)).toThrow(FlowQueryError);
    expect(() => flowFormat(logFormat)).toThrow(message);
  });
});
