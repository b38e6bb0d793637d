import { customMessage, defaultMessage } from "./flow-messages";
import { BASE_SECONDS, ENIS, EXTERNAL, EXTERNAL6, NAT_IP, SERVICES, SPAN_SECONDS } from "./flow-world";

export { BASE_SECONDS, NAT_IP, SPAN_SECONDS } from "./flow-world";

/**
 * Deterministic (seeded) VPC flow-log records for the conformance suite: default-format (v2) and a
 * custom version-5 format, with NODATA/SKIPDATA records, IPv6 flows and traffic through a NAT gateway.
 * The custom LogFormat is: version vpc-id subnet-id instance-id interface-id account-id type srcaddr
 * dstaddr srcport dstport pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags
 * log-status flow-direction traffic-path (each as ${field}).
 */

/** One record as the test knows it: typed fields (null for `-`), plus where and when it was stored. */
export interface FlowRecord {
  stream: string;
  timestamp: number;
  message: string;
  /** Position in append order: the store's event-id order. */
  seq: number;
  flow: boolean;
  version: number;
  accountId: string;
  interfaceId: string;
  srcAddr: string | null;
  dstAddr: string | null;
  srcPort: number | null;
  dstPort: number | null;
  protocol: number | null;
  packets: number | null;
  bytes: number | null;
  start: number;
  end: number;
  action: string | null;
  logStatus: string;
  vpcId: string;
  subnetId: string;
  instanceId: string;
  type: string | null;
  pktSrcAddr: string | null;
  pktDstAddr: string | null;
  tcpFlags: number | null;
  flowDirection: string | null;
  trafficPath: number | null;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateFlows(count: number, seed: number, custom: boolean): FlowRecord[] {
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const records: Omit<FlowRecord, "seq" | "message">[] = [];
  for (let i = 0; i < count; i++) {
    const eni = pick(ENIS);
    const start = BASE_SECONDS + Math.floor(rand() * SPAN_SECONDS);
    const end = start + 1 + Math.floor(rand() * 59);
    const roll = rand();
    const status = roll < 0.03 ? "NODATA" : roll < 0.045 ? "SKIPDATA" : "OK";
    const base = {
      stream: `${eni.id}-all`,
      timestamp: start * 1000,
      flow: true,
      version: custom ? 5 : 2,
      accountId: rand() < 0.02 ? "unknown" : "123456789010",
      interfaceId: eni.id,
      start,
      end,
      logStatus: status,
      vpcId: eni.vpc,
      subnetId: eni.subnet,
      instanceId: eni.instance,
    };
    if (status !== "OK") {
      const none = {
        srcAddr: null,
        dstAddr: null,
        srcPort: null,
        dstPort: null,
        protocol: null,
        packets: null,
        bytes: null,
      };
      records.push({
        ...base,
        ...none,
        action: null,
        type: null,
        pktSrcAddr: null,
        pktDstAddr: null,
        tcpFlags: null,
        flowDirection: null,
        trafficPath: null,
      });
      continue;
    }
    const v6 = eni.ip6 !== undefined && rand() < 0.25;
    const local = v6 ? (eni.ip6 ?? eni.ip) : eni.ip;
    const natFlow = eni.ip === NAT_IP;
    const peer = v6
      ? pick(EXTERNAL6)
      : natFlow
        ? pick(["10.0.1.10", "10.0.1.11", "10.0.2.20", ...EXTERNAL])
        : rand() < 0.4
          ? pick(ENIS).ip
          : pick(EXTERNAL);
    const [service, protocol] = pick(SERVICES);
    const ephemeral = protocol === 1 ? 0 : 1024 + Math.floor(rand() * 64000);
    const ingress = rand() < 0.5;
    const packets = 1 + Math.floor(rand() * 2000);
    const reject = rand() < (service === 22 || service === 3389 ? 0.5 : 0.12);
    const [srcAddr, dstAddr] = ingress ? [peer, local] : [local, peer];
    const pktSrcAddr = natFlow && !ingress && peer.startsWith("10.") ? "203.0.113.99" : srcAddr;
    records.push({
      ...base,
      srcAddr,
      dstAddr,
      srcPort: ingress ? ephemeral : service,
      dstPort: ingress ? service : ephemeral,
      protocol,
      packets,
      bytes: packets * (40 + Math.floor(rand() * 1460)),
      action: reject ? "REJECT" : "ACCEPT",
      type: v6 ? "IPv6" : "IPv4",
      pktSrcAddr,
      pktDstAddr: dstAddr,
      tcpFlags: protocol === 6 ? pick([1, 2, 3, 18, 19]) : 0,
      flowDirection: ingress ? "ingress" : "egress",
      trafficPath: ingress ? null : 1 + Math.floor(rand() * 8),
    });
  }
  return order(
    records.map((record) => ({
      ...record,
      seq: 0,
      message: custom ? customMessage(record) : defaultMessage(record),
    })),
  );
}

/** Groups records by stream (the order they are appended in) and numbers them in that order. */
function order(records: FlowRecord[]): FlowRecord[] {
  const streams = [...new Set(records.map((r) => r.stream))].sort();
  const ordered = streams.flatMap((stream) => records.filter((r) => r.stream === stream));
  return ordered.map((record, seq) => ({ ...record, seq }));
}
