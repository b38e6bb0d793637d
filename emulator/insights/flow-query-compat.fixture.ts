import { type FlowRecord, formatRecord } from "../../lib/flow/record";
import { flowFormat } from "../../lib/insights";
import { V5_LOG_FORMAT } from "../../lib/insights/test-fixtures";
import { EventStore } from "../store/event-store";

/** Flow records with known answers for flow-query-compat.test.ts. */

export const T = 1_735_689_600; // 2025-01-01T00:00:00Z, in seconds as flow records carry it
export const [A, B, C] = ["eni-0aaaaaaaaaaaaaaaa", "eni-0bbbbbbbbbbbbbbbb", "eni-0cccccccccccccccc"];
export const VPC = "vpc-abcdefab012345678";
export const V5 = flowFormat(V5_LOG_FORMAT);

const line = (eni: string, at: number, rest: string) =>
  `2 123456789012 ${eni} ${rest.replace("@", `${T + at} ${T + at + 50}`)}`;

/** Default format: A and B are in the VPC, C is not; one IPv6 flow; a NODATA and a SKIPDATA record. */
// biome-ignore format: one record per line
export const DEFAULT_LINES = [
  line(A, 0, "10.0.0.5 10.0.1.9 40000 443 6 10 1000 @ ACCEPT OK"),
  line(A, 60, "10.0.0.5 10.0.1.9 40001 443 6 5 500 @ ACCEPT OK"),
  line(A, 120, "203.0.113.7 10.0.0.5 51000 22 6 1 60 @ REJECT OK"),
  line(B, 360, "203.0.113.7 10.0.0.6 51001 3389 6 2 120 @ REJECT OK"),
  line(B, 400, "10.0.0.6 8.8.8.8 53000 53 17 1 80 @ ACCEPT OK"),
  line(B, 500, "- - - - - - - @ - NODATA"),
  line(C, 10, "10.9.0.1 10.9.0.2 1234 443 6 100 99999 @ ACCEPT OK"),
  line(A, 30, "2001:db8::5 2001:db8:1::9 40002 443 6 3 300 @ ACCEPT OK"),
  line(A, 600, "- - - - - - - @ - SKIPDATA"),
];

const v5 = (at: number, over: FlowRecord): string =>
  formatRecord(V5.fields, {
    version: 5,
    "account-id": "123456789012",
    "vpc-id": VPC,
    "subnet-id": "subnet-aaaaaaaa012345678",
    "interface-id": A,
    region: "ap-southeast-2",
    "az-id": "apse2-az3",
    type: "IPv4",
    protocol: 6,
    start: T + at,
    end: T + at + 50,
    action: "ACCEPT",
    "log-status": "OK",
    ...over,
  });

const s3 = "52.95.128.179";
/** v5 (§10.8's two S3 records and more): egress on paths 1, 2 and 8; one record in another VPC; a NODATA. */
// biome-ignore format: one record per line
export const V5_LINES = [
  v5(0, { srcaddr: s3, dstaddr: "10.0.0.71", srcport: 80, dstport: 34210, packets: 14, bytes: 15044, "tcp-flags": 19, "pkt-srcaddr": s3, "pkt-dstaddr": "10.0.0.71", "pkt-src-aws-service": "S3", "flow-direction": "ingress" }),
  v5(0, { srcaddr: "10.0.0.71", dstaddr: s3, srcport: 34210, dstport: 80, packets: 7, bytes: 471, "tcp-flags": 3, "pkt-srcaddr": "10.0.0.71", "pkt-dstaddr": s3, "pkt-dst-aws-service": "S3", "traffic-path": 8, "flow-direction": "egress" }),
  v5(60, { srcaddr: "10.0.0.71", dstaddr: "10.0.0.99", srcport: 40000, dstport: 5432, packets: 9, bytes: 1000, "tcp-flags": 2, "traffic-path": 1, "flow-direction": "egress" }),
  v5(90, { srcaddr: "10.0.0.71", dstaddr: "1.1.1.1", srcport: 40001, dstport: 443, packets: 1, bytes: 40, "tcp-flags": 4, "traffic-path": 2, "flow-direction": "egress", action: "REJECT" }),
  v5(120, { "vpc-id": "vpc-0fffffffffffffff0", srcaddr: "10.1.0.1", dstaddr: s3, srcport: 1, dstport: 443, packets: 3, bytes: 777, "tcp-flags": 0, "traffic-path": 8, "flow-direction": "egress" }),
  v5(300, { type: undefined, protocol: undefined, action: undefined, "log-status": "NODATA" }),
];

/** An in-memory store with /flows/default and /flows/v5 loaded; each event's time is its record's start. */
export async function openFlowStore(): Promise<EventStore> {
  const store = await EventStore.open(":memory:");
  for (const [group, lines, startIndex] of [
    ["/flows/default", DEFAULT_LINES, 10],
    ["/flows/v5", V5_LINES, V5.fields.indexOf("start")],
  ] as const) {
    const arn = `arn:aws:logs:us-east-1:123456789012:log-group:${group}:*`;
    await store.createLogGroup({ logGroupName: group, creationTime: 1, arn });
    const events = lines.map((message) => ({
      timestamp: Number(message.split(" ")[startIndex]) * 1000,
      message,
    }));
    await store.append(group, "eni-all", events, (T + 3600) * 1000);
  }
  return store;
}
