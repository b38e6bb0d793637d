import type { FlowRecord } from "./flow-generator";
import { BASE_SECONDS } from "./flow-world";

const dash = (value: string | number | null): string => (value === null ? "-" : String(value));

export function defaultMessage(r: Omit<FlowRecord, "seq" | "message">): string {
  return [
    r.version,
    r.accountId,
    r.interfaceId,
    r.srcAddr,
    r.dstAddr,
    r.srcPort,
    r.dstPort,
    r.protocol,
    r.packets,
    r.bytes,
    r.start,
    r.end,
    r.action,
    r.logStatus,
  ]
    .map(dash)
    .join(" ");
}

export function customMessage(r: Omit<FlowRecord, "seq" | "message">): string {
  return [
    r.version,
    r.vpcId,
    r.subnetId,
    r.instanceId,
    r.interfaceId,
    r.accountId,
    r.type,
    r.srcAddr,
    r.dstAddr,
    r.srcPort,
    r.dstPort,
    r.pktSrcAddr,
    r.pktDstAddr,
    r.protocol,
    r.bytes,
    r.packets,
    r.start,
    r.end,
    r.action,
    r.tcpFlags,
    r.logStatus,
    r.flowDirection,
    r.trafficPath,
  ]
    .map(dash)
    .join(" ");
}

/** Lines in a flow-log group that are not flow records (they have no discovered fields). */
export function junkRecords(firstSeq: number): FlowRecord[] {
  const lines = [
    "hello from a test",
    "3 not a default record at all",
    "2 123456789010 eni-x 10.0.0.1 10.0.0.2 443 abc 6 1 1 1 1 ACCEPT OK",
  ];
  return lines.map((message, i) => ({
    stream: "zz-junk",
    timestamp: (BASE_SECONDS + 100 + i) * 1000,
    message,
    seq: firstSeq + i,
    flow: false,
    version: 0,
    accountId: "",
    interfaceId: "",
    srcAddr: null,
    dstAddr: null,
    srcPort: null,
    dstPort: null,
    protocol: null,
    packets: null,
    bytes: null,
    start: 0,
    end: 0,
    action: null,
    logStatus: "",
    vpcId: "",
    subnetId: "",
    instanceId: "",
    type: null,
    pktSrcAddr: null,
    pktDstAddr: null,
    tcpFlags: null,
    flowDirection: null,
    trafficPath: null,
  }));
}
