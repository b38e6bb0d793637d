import { describe, expect, test } from "vitest";
import { parseGroupsRequest, parseRecordsRequest } from "./request";

const NOW = 1_800_000_000_000;
const VPC = "vpc=vpc-0123456789abcdef0";
const parse = (query: string) => parseRecordsRequest(new URLSearchParams(query), NOW, "us-east-1");

describe("parseRecordsRequest", () => {
  test.each([
    ["", "vpc"],
    [`${VPC}&src=10.0.0.0/99`, "src"],
    [`${VPC}&dstPort=22-10`, "dstPort"],
    [`${VPC}&srcPort=http`, "srcPort"],
    [`${VPC}&action=DROP`, "action"],
    [`${VPC}&logStatus=FINE`, "logStatus"],
    [`${VPC}&format=xml`, "format"],
    [`${VPC}&tcpFlags=0`, "tcpFlags"],
    [`${VPC}&flowDirection=up`, "flowDirection"],
    [`${VPC}&dstService=s3`, "dstService"],
    [`${VPC}&range=custom&start=10`, "end"],
    [`${VPC}&start=10`, "start"],
    [`${VPC}&dstPort=22&dstPort=23`, "dstPort"],
    [`${VPC}&q=${encodeURIComponent("dstPort = 22 | stats count(*)")}`, "q"],
    [`${VPC}&trafficPath=0`, "trafficPath"],
    [`${VPC}&instance=${encodeURIComponent("web | x")}`, "instance"],
    [`${VPC}&pktSrc=10.0.0.0/99`, "pktSrc"],
    [`${VPC}&pktDst=nope`, "pktDst"],
    [`${VPC}&q=${encodeURIComponent("dstPort = 22) or (1 = 1")}`, "q"],
  ])("%s → 400 naming %s", (query, field) => {
    const parsed = parse(query);
    expect(parsed.ok ? undefined : parsed.field).toBe(field);
  });

  test.each([
    [`${VPC}&action=REJECT&dstPort=22`, { action: "REJECT", dstPort: "22", range: "1h", format: "csv" }],
    [
      `${VPC}&dstPort=1024-65535&protocol=6&logStatus=OK`,
      { dstPort: "1024-65535", protocol: 6, logStatus: "OK" },
    ],
    [
      `${VPC}&tcpFlags=2&flowDirection=ingress&srcService=S3`,
      { tcpFlags: 2, flowDirection: "ingress", srcService: "S3" },
    ],
    [`${VPC}&q=${encodeURIComponent("dstPort = 22 or tcpFlags = 2")}`, { q: "dstPort = 22 or tcpFlags = 2" }],
    [
      `${VPC}&trafficPath=8&pktSrc=10.0.0.0/16&pktDst=10.1.2.3`,
      { trafficPath: 8, pktSrc: "10.0.0.0/16", pktDst: "10.1.2.3" },
    ],
    [`${VPC}&instance=i-0abc`, { instance: "i-0abc" }],
    [`${VPC}&region=eu-west-1&format=json`, { region: "eu-west-1", format: "json" }],
  ])("%s", (query, expected) => {
    expect(parse(query)).toMatchObject({ ok: true, request: { region: "us-east-1", ...expected } });
  });

  test("the window ends now for a preset range", () => {
    expect(parse(VPC)).toMatchObject({ ok: true, window: { start: NOW - 3_600_000, end: NOW } });
  });
});

describe("parseGroupsRequest", () => {
  const groups = (query: string) => parseGroupsRequest(new URLSearchParams(query), NOW, "us-east-1");

  test.each([
    [`${VPC}`, "group"],
    [`${VPC}&group=ports`, "group"],
    [`${VPC}&group=sources&group=pairs`, "group"],
    [`group=sources`, "vpc"],
    [`${VPC}&group=sources&dstPort=70000`, "dstPort"],
  ])("%s → 400 naming %s", (query, field) => {
    const parsed = groups(query);
    expect(parsed.ok ? undefined : parsed.field).toBe(field);
  });

  test("takes every records filter with the dimension", () => {
    expect(
      groups(`${VPC}&group=interfaces&srcPort=1024-65535&logStatus=OK&q=tcpFlags%20%3D%202`),
    ).toMatchObject({
      ok: true,
      group: "interfaces",
      request: { srcPort: "1024-65535", logStatus: "OK", q: "tcpFlags = 2" },
    });
  });
});
