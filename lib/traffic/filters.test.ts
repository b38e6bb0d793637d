import { describe, expect, test } from "vitest";
import type { TopDimension, TopRow, TrafficParams } from "./contract";
import { type FilterKey, filterChips, hasFilters, rowFilter, withoutFilter, withoutFilters } from "./filters";

const base: TrafficParams = { region: "us-east-1", vpc: "vpc-0a1b2c3d4e5f60001", range: "1h" };
const all: TrafficParams = {
  ...base,
  src: "10.0.1.5",
  dst: "10.0.2.0/24",
  dstPort: 443,
  protocol: 6,
  action: "REJECT",
};

describe("filter chips", () => {
  test("list the filters in a fixed order, protocols by name", () => {
    expect(filterChips(all)).toEqual([
      { key: "src", label: "Source", value: "10.0.1.5" },
      { key: "dst", label: "Destination", value: "10.0.2.0/24" },
      { key: "dstPort", label: "Destination port", value: "443", hint: "https" },
      { key: "protocol", label: "Protocol", value: "TCP" },
      { key: "action", label: "Action", value: "REJECT" },
    ]);
    expect(filterChips(base)).toEqual([]);
  });

  test.each<[FilterKey, FilterKey[]]>([
    ["src", ["dst", "dstPort", "protocol", "action"]],
    ["dst", ["src", "dstPort", "protocol", "action"]],
    ["dstPort", ["src", "dst", "protocol", "action"]],
    ["protocol", ["src", "dst", "dstPort", "action"]],
    ["action", ["src", "dst", "dstPort", "protocol"]],
  ])("removing %s keeps %j, the scope and the range", (key, kept) => {
    const next = withoutFilter(all, key);
    expect(filterChips(next).map((c) => c.key)).toEqual(kept);
    expect(next).toMatchObject(base);
    expect(key in next).toBe(false);
  });

  test("clearing keeps everything but the filters", () => {
    const state = { ...all, subnet: "subnet-0a1b2c3d4e5f60011", range: "6h" as const };
    expect(withoutFilters(state)).toEqual({ ...base, subnet: "subnet-0a1b2c3d4e5f60011", range: "6h" });
    expect(hasFilters(withoutFilters(state))).toBe(false);
    expect(hasFilters(all)).toBe(true);
  });
});

describe("a top-talker row as a filter", () => {
  const row: TopRow = {
    key: "k",
    src: "203.0.113.7",
    dst: "10.0.1.10",
    dstPort: 443,
    interfaceId: "eni-0a1b2c3d4e5f60718",
    bytes: 1,
    packets: 1,
    flows: 1,
    rejectedFlows: 0,
    enrichment: {},
  };
  test.each<[TopDimension, Partial<TrafficParams> | undefined]>([
    ["sources", { src: "203.0.113.7" }],
    ["destinations", { dst: "10.0.1.10" }],
    ["pairs", { src: "203.0.113.7", dst: "10.0.1.10" }],
    ["dstPorts", { dstPort: 443 }],
    ["interfaces", { eni: "eni-0a1b2c3d4e5f60718", subnet: undefined }],
  ])("%s → %j", (dimension, expected) => {
    expect(rowFilter(dimension, row)).toEqual(expected);
  });

  test.each<TopDimension>(["sources", "destinations", "pairs", "dstPorts", "interfaces"])(
    "%s without its field adds nothing",
    (dimension) => {
      const bare: TopRow = {
        ...row,
        src: undefined,
        dst: undefined,
        dstPort: undefined,
        interfaceId: undefined,
      };
      expect(rowFilter(dimension, bare)).toBeUndefined();
    },
  );
});
