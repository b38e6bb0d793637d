import { describe, expect, test } from "vitest";
import { DEFAULT_FIELD_NAMES } from "./format";
import { headerLine, parseHeaderLine, s3FlowLogKey } from "./s3-file";

describe("s3FlowLogKey", () => {
  test("names the file as AWS's documented example", () => {
    const key = s3FlowLogKey({
      bucketAndPrefix: "my-bucket",
      accountId: "123456789012",
      region: "us-east-1",
      flowLogId: "fl-1234abcd",
      windowStart: Date.UTC(2018, 5, 20, 16, 20),
      hash: "fe123456",
    });
    expect(key).toBe(
      "my-bucket/AWSLogs/123456789012/vpcflowlogs/us-east-1/2018/06/20/123456789012_vpcflowlogs_us-east-1_fl-1234abcd_20180620T1620Z_fe123456.log.gz",
    );
  });
  test("pads month, day, hour and minute", () => {
    const key = s3FlowLogKey({
      bucketAndPrefix: "b/sub",
      accountId: "1",
      region: "eu-west-1",
      flowLogId: "fl-1",
      windowStart: Date.UTC(2026, 0, 2, 3, 5),
      hash: "00000000",
    });
    expect(key).toBe(
      "b/sub/AWSLogs/1/vpcflowlogs/eu-west-1/2026/01/02/1_vpcflowlogs_eu-west-1_fl-1_20260102T0305Z_00000000.log.gz",
    );
  });
});

describe("parseHeaderLine", () => {
  test.each([
    ["default format", headerLine(DEFAULT_FIELD_NAMES), { ok: true, fields: [...DEFAULT_FIELD_NAMES] }],
    [
      "custom format, extra spaces",
      " flow-direction  traffic-path srcaddr dstaddr srcport dstport encryption-status ",
      {
        ok: true,
        fields: [
          "flow-direction",
          "traffic-path",
          "srcaddr",
          "dstaddr",
          "srcport",
          "dstport",
          "encryption-status",
        ],
      },
    ],
    ["empty", "   ", { ok: false, message: "empty header line" }],
    [
      "a record, not a header",
      "2 123456789010 eni-1235b8ca123456789 172.31.16.139",
      { ok: false, message: "header field 2 is not a flow-log field" },
    ],
    ["duplicate", "srcaddr dstaddr srcaddr", { ok: false, message: "header field srcaddr appears twice" }],
  ])("%s", (_name, line, expected) => {
    expect(parseHeaderLine(line)).toEqual(expected);
  });
});
