import { describe, expect, test } from "vitest";
import { parseTrafficPage, type RawSearchParams } from "./parse-page";
import { DEFAULT_VIEW, type TrafficPageState, trafficHref, trafficQuery } from "./search-params";

const VPC = "vpc-0a1b2c3d4e5f60001";
const base: TrafficPageState = { region: "us-east-1", vpc: VPC, range: "1h", ...DEFAULT_VIEW };

function fromQuery(query: string): RawSearchParams {
  const out: RawSearchParams = {};
  for (const [k, v] of new URLSearchParams(query)) out[k] = v;
  return out;
}

describe("traffic page URL", () => {
  test.each<[string, TrafficPageState]>([
    ["defaults", base],
    ["a preset range", { ...base, range: "7d" }],
    ["a custom range", { ...base, range: "custom", start: 1_764_000_000_000, end: 1_764_003_600_000 }],
    ["a subnet scope", { ...base, subnet: "subnet-0a1b2c3d4e5f60011" }],
    ["an interface scope", { ...base, eni: "eni-0a1b2c3d4e5f60718" }],
    [
      "every filter",
      { ...base, src: "10.0.1.5", dst: "10.0.0.0/16", dstPort: 443, protocol: 6, action: "REJECT" },
    ],
    ["an IPv6 source", { ...base, src: "2001:db8::1" }],
    ["the view", { ...base, metric: "flows", top: "pairs", topBy: "rejectedFlows" }],
    ["another region", { ...base, region: "eu-west-1" }],
  ])("%s survives serialize → parse", (_name, state) => {
    const parsed = parseTrafficPage(fromQuery(trafficQuery(state)));
    expect(parsed).toEqual({ ok: true, state });
  });

  test.each<[string, string]>([
    ["defaults", `?region=us-east-1&vpc=${VPC}`],
    ["range and filters", `?region=us-east-1&vpc=${VPC}&range=6h&src=10.0.1.5&dstPort=22`],
  ])("%s: the query string is stable (%s)", (_name, query) => {
    const parsed = parseTrafficPage(fromQuery(query));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(trafficQuery(parsed.state)).toBe(query);
  });

  test.each<[string, string, string]>([
    ["vpc=vpc-nothex", "vpc", "VPC id"],
    ["subnet=sub-1", "subnet", "subnet id"],
    ["range=2h", "range", "15m, 1h"],
    ["src=10.0.0.256", "src", "IP address or CIDR"],
    ["dst=10.0.0.0/33", "dst", "IP address or CIDR"],
    ["dstPort=70000", "dstPort", "port number"],
    ["dstPort=22abc", "dstPort", "port number"],
    ["protocol=-1", "protocol", "protocol number"],
    ["action=DROP", "action", "ACCEPT or REJECT"],
    ["metric=bits", "metric", "bytes, packets, flows"],
    ["region=../etc", "region", "AWS region"],
    ["subnet=subnet-0a1b2c3d4e5f60011&eni=eni-0a1b2c3d4e5f60718", "eni", "not both"],
    ["range=custom", "start", "Pick a start"],
    ["range=custom&start=2000&end=1000", "end", "after the start"],
    [`range=custom&start=0&end=${32 * 86_400_000}`, "end", "31 days"],
  ])("%s is refused, naming %s", (query, field, message) => {
    const parsed = parseTrafficPage(fromQuery(query));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.field).toBe(field);
    expect(parsed.message).toContain(message);
  });

  test.each<[string, Partial<TrafficPageState>]>([
    ["protocol=tcp", { protocol: 6 }],
    ["action=ACCEPT&dstPort=0", { action: "ACCEPT", dstPort: 0 }],
    ["src=", {}],
    ["range=1h&start=1&end=2", {}],
  ])("%s is read leniently where it is unambiguous", (query, expected) => {
    const parsed = parseTrafficPage(fromQuery(`vpc=${VPC}&${query}`));
    expect(parsed).toEqual({ ok: true, state: { ...base, ...expected } });
  });

  test("a patch of undefined removes the key; start and end only travel with range=custom", () => {
    const state: TrafficPageState = { ...base, src: "10.0.1.5", start: 1, end: 2 };
    expect(trafficHref(state, { src: undefined })).toBe(`/traffic?region=us-east-1&vpc=${VPC}`);
  });
});
