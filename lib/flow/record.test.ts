import { describe, expect, test } from "vitest";
import { DEFAULT_FIELD_NAMES } from "./format";
import { type FlowRecord, formatRecord, parseRecord } from "./record";

const names = (text: string) => text.split(" ");
const V3_FLAGS = names(
  "version vpc-id subnet-id instance-id interface-id account-id type srcaddr dstaddr srcport dstport pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags log-status",
);
const NAT = names("instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr");
const TGW = names(
  "version interface-id account-id vpc-id subnet-id instance-id srcaddr dstaddr srcport dstport protocol tcp-flags type pkt-srcaddr pkt-dstaddr action log-status",
);
const V5 = names(
  "version srcaddr dstaddr srcport dstport protocol start end type packets bytes account-id vpc-id subnet-id instance-id interface-id region az-id sublocation-type sublocation-id action tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service pkt-dst-aws-service traffic-path flow-direction log-status",
);
const ENCRYPTION = names("flow-direction traffic-path srcaddr dstaddr srcport dstport encryption-status");
const DEFAULT = [...DEFAULT_FIELD_NAMES];

// Every documented example record (flow-log-records.md §10), AWS's inline `#` annotations removed.
// biome-ignore format: one example per line
const EXAMPLES: [string, string[], string, FlowRecord][] = [
  ["10.1 SSH accepted", DEFAULT, "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK", { version: 2, dstport: 22, protocol: 6, packets: 20, bytes: 4249, action: "ACCEPT" }],
  ["10.1 RDP rejected", DEFAULT, "2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK", { dstport: 3389, action: "REJECT", "log-status": "OK" }],
  ["10.2 NODATA", DEFAULT, "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA", { srcaddr: undefined, packets: undefined, action: undefined, start: 1431280876, "log-status": "NODATA" }],
  ["10.2 SKIPDATA", DEFAULT, "2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA", { "interface-id": "eni-11111111aaaaaaaaa", "log-status": "SKIPDATA" }],
  ["10.3 ping in", DEFAULT, "2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 1432917142 ACCEPT OK", { srcport: 0, protocol: 1, bytes: 336, action: "ACCEPT" }],
  ["10.3 reply out", DEFAULT, "2 123456789010 eni-1235b8ca123456789 172.31.16.139 203.0.113.12 0 0 1 4 336 1432917094 1432917142 REJECT OK", { srcaddr: "172.31.16.139", action: "REJECT" }],
  ["10.4 IPv6", DEFAULT, "2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105 2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708 1477913820 ACCEPT OK", { srcaddr: "2001:db8:1234:a100:8d6e:3477:df66:f105", packets: 54 }],
  ["10.5 SYN", V3_FLAGS, "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 52.213.180.42 10.0.0.62 43416 5001 52.213.180.42 10.0.0.62 6 568 8 1566848875 1566848933 ACCEPT 2 OK", { version: 3, bytes: 568, packets: 8, "tcp-flags": 2, type: "IPv4" }],
  ["10.5 SYN-ACK", V3_FLAGS, "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43416 10.0.0.62 52.213.180.42 6 376 7 1566848875 1566848933 ACCEPT 18 OK", { "tcp-flags": 18 }],
  ["10.5 SYN 2", V3_FLAGS, "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 52.213.180.42 10.0.0.62 43418 5001 52.213.180.42 10.0.0.62 6 100701 70 1566848875 1566848933 ACCEPT 2 OK", { bytes: 100701 }],
  ["10.5 SYN-ACK 2", V3_FLAGS, "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43418 10.0.0.62 52.213.180.42 6 632 12 1566848875 1566848933 ACCEPT 18 OK", { packets: 12 }],
  ["10.5 FIN server", V3_FLAGS, "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43418 10.0.0.62 52.213.180.42 6 63388 1219 1566848933 1566849113 ACCEPT 1 OK", { "tcp-flags": 1 }],
  ["10.5 FIN client", V3_FLAGS, "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 52.213.180.42 10.0.0.62 43418 5001 52.213.180.42 10.0.0.62 6 23294588 15774 1566848933 1566849113 ACCEPT 1 OK", { bytes: 23294588 }],
  ["10.5 short client", V3_FLAGS, "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 52.213.180.42 10.0.0.62 43638 5001 52.213.180.42 10.0.0.62 6 1260 17 1566933133 1566933193 ACCEPT 3 OK", { "tcp-flags": 3 }],
  ["10.5 short server, doubled space", V3_FLAGS, "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43638  10.0.0.62 52.213.180.42 6 967 14 1566933133 1566933193 ACCEPT 19 OK", { dstport: 43638, "pkt-srcaddr": "10.0.0.62", "tcp-flags": 19 }],
  ["10.6 instance → NAT", NAT, "- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5", { "instance-id": undefined, dstaddr: "10.0.0.220", "pkt-dstaddr": "203.0.113.5" }],
  ["10.6 NAT → host", NAT, "- eni-1235b8ca123456789 10.0.0.220 203.0.113.5 10.0.0.220 203.0.113.5", { srcaddr: "10.0.0.220" }],
  ["10.6 host → NAT", NAT, "- eni-1235b8ca123456789 203.0.113.5 10.0.0.220 203.0.113.5 10.0.0.220", { srcaddr: "203.0.113.5" }],
  ["10.6 NAT → instance", NAT, "- eni-1235b8ca123456789 10.0.0.220 10.0.1.5 203.0.113.5 10.0.1.5", { srcaddr: "10.0.0.220", "pkt-srcaddr": "203.0.113.5" }],
  ["10.6 instance out", NAT, "i-01234567890123456 eni-1111aaaa2222bbbb3 10.0.1.5 203.0.113.5 10.0.1.5 203.0.113.5", { "instance-id": "i-01234567890123456" }],
  ["10.6 instance in", NAT, "i-01234567890123456 eni-1111aaaa2222bbbb3 203.0.113.5 10.0.1.5 203.0.113.5 10.0.1.5", { dstaddr: "10.0.1.5" }],
  ["10.7 request", TGW, "3 eni-33333333333333333 123456789010 vpc-abcdefab012345678 subnet-22222222bbbbbbbbb i-01234567890123456 10.20.33.164 10.40.2.236 39812 80 6 3 IPv4 10.20.33.164 10.40.2.236 ACCEPT OK", { "tcp-flags": 3 }],
  ["10.7 response", TGW, "3 eni-33333333333333333 123456789010 vpc-abcdefab012345678 subnet-22222222bbbbbbbbb i-01234567890123456 10.40.2.236 10.20.33.164 80 39812 6 19 IPv4 10.40.2.236 10.20.33.164 ACCEPT OK", { srcport: 80 }],
  ["10.7 TGW ENI in", TGW, "3 eni-11111111111111111 123456789010 vpc-abcdefab012345678 subnet-11111111aaaaaaaaa - 10.40.1.175 10.40.2.236 39812 80 6 3 IPv4 10.20.33.164 10.40.2.236 ACCEPT OK", { "instance-id": undefined, "pkt-srcaddr": "10.20.33.164" }],
  ["10.7 TGW ENI out", TGW, "3 eni-22222222222222222 123456789010 vpc-abcdefab012345678 subnet-22222222bbbbbbbbb - 10.40.2.236 10.40.2.31 80 39812 6 19 IPv4 10.40.2.236 10.20.33.164 ACCEPT OK", { dstaddr: "10.40.2.31" }],
  ["10.8 S3 ingress", V5, "5 52.95.128.179 10.0.0.71 80 34210 6 1616729292 1616729349 IPv4 14 15044 123456789012 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 ap-southeast-2 apse2-az3 - - ACCEPT 19 52.95.128.179 10.0.0.71 S3 - - ingress OK", { "pkt-src-aws-service": "S3", "traffic-path": undefined, "flow-direction": "ingress", "az-id": "apse2-az3" }],
  ["10.8 S3 egress", V5, "5 10.0.0.71 52.95.128.179 34210 80 6 1616729292 1616729349 IPv4 7 471 123456789012 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 ap-southeast-2 apse2-az3 - - ACCEPT 3 10.0.0.71 52.95.128.179 - S3 8 egress OK", { "pkt-dst-aws-service": "S3", "traffic-path": 8, "sublocation-type": undefined }],
  ["10.9 ingress encrypted", ENCRYPTION, "ingress - 10.0.133.8 10.0.128.55 43236 80 1", { "encryption-status": 1, "traffic-path": undefined }],
  ["10.9 egress encrypted", ENCRYPTION, "egress 1 10.0.128.55 10.0.133.8 80 43236 1", { "traffic-path": 1 }],
  ["10.9 ingress 2", ENCRYPTION, "ingress - 10.0.133.8 10.0.128.55 36902 80 1", { srcport: 36902 }],
  ["10.9 egress 2", ENCRYPTION, "egress 1 10.0.128.55 10.0.133.8 80 36902 1", { dstport: 36902 }],
  ["10.9 ingress cleartext", ENCRYPTION, "ingress - 10.0.130.104 10.0.128.55 55016 80 0", { "encryption-status": 0 }],
  ["10.9 egress cleartext", ENCRYPTION, "egress 1 10.0.128.55 10.0.130.104 80 55016 0", { "encryption-status": 0 }],
  ["10.9 ingress cleartext 2", ENCRYPTION, "ingress - 10.0.130.104 10.0.128.55 60276 80 0", { srcport: 60276 }],
  ["10.9 egress cleartext 2", ENCRYPTION, "egress 1 10.0.128.55 10.0.130.104 80 60276 0", { dstport: 60276 }],
];

describe("documented example records", () => {
  test.each(EXAMPLES)("%s", (_name, fields, line, expected) => {
    const record = parseRecord(fields, line);
    expect(record).toMatchObject(expected);
    expect(Object.keys(record ?? {})).toEqual(fields);
    if (!record) return;
    expect(formatRecord(fields, record)).toBe(line.replace(/\s+/g, " "));
  });
});

describe("parseRecord", () => {
  test.each([
    ["too few tokens", ["srcaddr", "dstaddr"], "10.0.0.1"],
    ["too many tokens", ["srcaddr"], "10.0.0.1 10.0.0.2"],
    ["a number field that is not a number", ["srcport"], "http"],
  ])("%s → undefined", (_name, fields, line) => {
    expect(parseRecord(fields, line)).toBeUndefined();
  });

  test("fields outside the known list stay strings", () => {
    expect(parseRecord(["some-future-field", "bytes"], "123 456")).toEqual({
      "some-future-field": "123",
      bytes: 456,
    });
  });

  test("int64 values above 2^31 keep their value", () => {
    expect(parseRecord(["bytes"], "9007199254740991")).toEqual({ bytes: Number.MAX_SAFE_INTEGER });
  });
});

describe("formatRecord", () => {
  test("missing and empty values are written as -", () => {
    expect(
      formatRecord(["version", "srcaddr", "action", "log-status"], {
        version: 5,
        srcaddr: "",
        "log-status": "NODATA",
      }),
    ).toBe("5 - - NODATA");
  });
});
