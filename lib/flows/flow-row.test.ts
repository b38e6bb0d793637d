import { describe, expect, test } from "vitest";
import type { FlowRow } from "./contract";
import {
  csvHeader,
  csvLine,
  diagnoseHref,
  flowKey,
  flowRow,
  REPLY_MARGIN_MS,
  replyRows,
  replySearchParams,
  tcpFlagMask,
  tcpFlagNames,
} from "./flow-row";

const row = (patch: Partial<FlowRow>): FlowRow => ({
  id: "a",
  message: "",
  logGroup: "g",
  flowLogIds: [],
  enrichment: {},
  ...patch,
});

describe("tcpFlagNames", () => {
  test.each([
    [undefined, ""],
    [0, "none"],
    [2, "SYN"],
    [18, "SYN ACK"],
    [19, "FIN SYN ACK"],
    [4, "RST"],
  ])("%s → %j", (flags, names) => {
    expect(tcpFlagNames(flags)).toBe(names);
  });
});

describe("tcpFlagMask", () => {
  test.each([
    ["SYN", 2],
    ["syn ack", 18],
    ["SYN,ACK", 18],
    ["FIN+RST", 5],
    ["18", 18],
    ["0", undefined],
    ["256", undefined],
    ["SYNACK", undefined],
    ["", undefined],
  ])("%j → %s", (text, mask) => {
    expect(tcpFlagMask(text)).toBe(mask);
  });
  test.each([2, 18, 63])("names of %s read back as the same mask", (mask) => {
    expect(tcpFlagMask(tcpFlagNames(mask))).toBe(mask);
  });
});

describe("replyRows", () => {
  const out = row({
    id: "out",
    srcAddr: "10.0.0.1",
    srcPort: 5000,
    dstAddr: "10.0.0.2",
    dstPort: 22,
    protocol: 6,
  });
  test.each([
    [
      "the reverse flow",
      { srcAddr: "10.0.0.2", srcPort: 22, dstAddr: "10.0.0.1", dstPort: 5000, protocol: 6 },
      1,
    ],
    [
      "another protocol",
      { srcAddr: "10.0.0.2", srcPort: 22, dstAddr: "10.0.0.1", dstPort: 5000, protocol: 17 },
      0,
    ],
    [
      "another port",
      { srcAddr: "10.0.0.2", srcPort: 23, dstAddr: "10.0.0.1", dstPort: 5000, protocol: 6 },
      0,
    ],
    [
      "the same direction",
      { srcAddr: "10.0.0.1", srcPort: 5000, dstAddr: "10.0.0.2", dstPort: 22, protocol: 6 },
      0,
    ],
  ])("%s", (_name, patch, expected) => {
    expect(replyRows([out, row({ id: "other", ...patch })], out)).toHaveLength(expected);
  });
});

describe("diagnoseHref", () => {
  const base = { srcAddr: "10.0.0.1", dstAddr: "10.0.0.2", dstPort: 22, start: 1000, end: 61000 };
  test.each([
    [6, "/diagnose?from=10.0.0.1&to=10.0.0.2&protocol=tcp&port=22&start=1000&end=61000&region=us-east-1"],
    [17, "/diagnose?from=10.0.0.1&to=10.0.0.2&protocol=udp&port=22&start=1000&end=61000&region=us-east-1"],
    [1, "/diagnose?from=10.0.0.1&to=10.0.0.2&protocol=icmp&start=1000&end=61000&region=us-east-1"],
    [47, "/diagnose?from=10.0.0.1&to=10.0.0.2&start=1000&end=61000&region=us-east-1"],
  ])("protocol %s", (protocol, href) => {
    expect(diagnoseHref(row({ ...base, protocol }), "us-east-1")).toBe(href);
  });
  test("no addresses, no link", () => {
    expect(diagnoseHref(row({}), "us-east-1")).toBeUndefined();
  });
});

describe("flowRow", () => {
  const fields = [
    "version",
    "account-id",
    "interface-id",
    "srcaddr",
    "dstaddr",
    "srcport",
    "dstport",
    "protocol",
  ];
  const decoded = (record: Record<string, string | number | undefined> | undefined) => ({
    timestamp: 5000,
    message: "m",
    logStream: "s",
    ptr: "p",
    record,
  });
  test.each([
    [
      "a record without start",
      { srcaddr: "10.0.0.1", dstport: 22, protocol: 6 },
      { start: 5000, dstPort: 22 },
    ],
    ["a record with start and end", { start: 100, end: 160, srcaddr: "x" }, { start: 100_000, end: 160_000 }],
  ])("%s", (_name, record, expected) => {
    expect(flowRow(decoded(record), { logGroup: "g", flowLogIds: ["fl-1"] }, 0)).toMatchObject({
      id: "g/s/p",
      ...expected,
    });
  });
  test("a message that does not fit the format is left out", () => {
    expect(fields.length).toBeGreaterThan(0);
    expect(flowRow(decoded(undefined), { logGroup: "g", flowLogIds: [] }, 0)).toBeUndefined();
  });
});

describe("CSV", () => {
  test.each([
    [
      row({ srcAddr: "10.0.0.1", dstPort: 22, start: 0, logStream: 'a,"b"' }),
      '1970-01-01T00:00:00.000Z,,10.0.0.1,,,22,,,,,,,,,g,"a,""b"""\n',
    ],
    [row({}), ",,,,,,,,,,,,,,g,\n"],
  ])("line %#", (input, line) => {
    expect(csvLine(input)).toBe(line);
  });
  test("the header names every column", () => {
    expect(csvHeader().split(",")).toHaveLength(16);
  });
  test("flowKey matches the CSV's columns", () => {
    expect(flowKey(row({ start: 0, srcAddr: "a", srcPort: 1, dstAddr: "b", dstPort: 2, protocol: 6 }))).toBe(
      "1970-01-01T00:00:00.000Z|a|1|b|2|6",
    );
  });
});

describe("replySearchParams", () => {
  const base = row({
    id: "r",
    start: 1_800_000_000_000,
    end: 1_800_000_060_000,
    srcAddr: "10.0.1.5",
    dstAddr: "10.0.2.9",
    srcPort: 49152,
    dstPort: 5432,
    protocol: 6,
  });

  test("swaps the endpoints and widens the window by the margin", () => {
    const params = replySearchParams(base, { region: "eu-west-1", vpc: "vpc-1" });
    expect(Object.fromEntries(params ?? [])).toEqual({
      region: "eu-west-1",
      vpc: "vpc-1",
      range: "custom",
      start: String(1_800_000_000_000 - REPLY_MARGIN_MS),
      end: String(1_800_000_060_000 + REPLY_MARGIN_MS),
      src: "10.0.2.9",
      dst: "10.0.1.5",
      srcPort: "5432",
      dstPort: "49152",
      protocol: "6",
    });
  });

  test.each([[{ srcAddr: undefined }], [{ dstAddr: undefined }], [{ start: undefined }]])(
    "no search without addresses or a window: %j",
    (patch) => {
      expect(replySearchParams({ ...base, ...patch }, { region: "r", vpc: "v" })).toBeUndefined();
    },
  );
});
