import type { FlowRecord } from "../../lib/flow/record";
import { isIpv6 } from "../../lib/net/ip";
import { keyedRng } from "../world/demo-random";
import type { Action, Observation } from "./conversation";
import type { Eni, Topology } from "./topology";

/** One record of one ENI's window, before the flow log's own fields (version, tags) are added. */
export interface WindowRecord {
  /** The CloudWatch event timestamp: the record's start, in ms (flow-log-records.md §8). */
  timestamp: number;
  /** Undefined for NODATA and SKIPDATA, which every traffic type keeps. */
  action?: Action;
  record: FlowRecord;
}

const INTERFACE_TYPES: Readonly<Record<string, string>> = { natGateway: "nat_gateway" };
const interfaceType = (eni: Eni) => INTERFACE_TYPES[eni.interfaceType] ?? eni.interfaceType;

/** Fields that describe the interface itself, on every record of it. */
function eniFields(topology: Topology, eni: Eni): FlowRecord {
  return {
    "account-id": eni.ownerId,
    "interface-id": eni.id,
    "vpc-id": eni.vpcId,
    "subnet-id": eni.subnet.SubnetId,
    "instance-id": eni.instanceId,
    region: topology.region,
    "az-id": eni.subnet.AvailabilityZoneId,
    "interface-type": interfaceType(eni),
  };
}

function trafficFields(o: Observation): FlowRecord {
  const hop = o.direction === "egress" ? o.nextHop : undefined;
  return {
    srcaddr: o.srcaddr,
    dstaddr: o.dstaddr,
    srcport: o.srcport,
    dstport: o.dstport,
    protocol: o.protocol,
    packets: o.packets,
    bytes: o.bytes,
    start: o.start,
    end: o.end,
    action: o.action,
    "log-status": "OK",
    "tcp-flags": o.tcpFlags,
    type: isIpv6(o.srcaddr) ? "IPv6" : "IPv4",
    "pkt-srcaddr": o.pktSrcaddr,
    "pkt-dstaddr": o.pktDstaddr,
    "pkt-src-aws-service": o.pktSrcService,
    "pkt-dst-aws-service": o.pktDstService,
    "flow-direction": o.direction,
    "traffic-path": o.direction === "egress" ? o.trafficPath : undefined,
    "next-hop-interface-id": hop?.id,
    "next-hop-subnet-id": hop?.subnet.SubnetId,
    "next-hop-az-id": hop?.subnet.AvailabilityZoneId,
    "next-hop-vpc-id": hop?.vpcId,
    "next-hop-interface-type": hop ? interfaceType(hop) : undefined,
  };
}

/** One record per 5-tuple (and direction, action, packet addresses) in the window. */
function aggregate(observations: readonly Observation[]): Observation[] {
  const flows = new Map<string, Observation>();
  for (const o of observations) {
    const key = [
      o.direction,
      o.action,
      o.srcaddr,
      o.dstaddr,
      o.srcport,
      o.dstport,
      o.protocol,
      o.pktSrcaddr,
      o.pktDstaddr,
    ].join("|");
    const known = flows.get(key);
    if (!known) {
      flows.set(key, { ...o });
      continue;
    }
    known.packets += o.packets;
    known.bytes += o.bytes;
    known.tcpFlags |= o.tcpFlags;
    known.start = Math.min(known.start, o.start);
    known.end = Math.max(known.end, o.end);
  }
  return [...flows.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

export interface WindowInput {
  topology: Topology;
  eni: Eni;
  /** Epoch seconds; the window is [start, start + interval). */
  start: number;
  interval: number;
  observations: readonly Observation[];
  seed: number;
  skipDataRate: number;
}

/**
 * The records an ENI's window holds whatever the flow log: its flows; NODATA when an interface in use
 * saw no traffic; now and then SKIPDATA, standing for records lost in the window (§10.2).
 */
export function windowRecords(input: WindowInput): WindowRecord[] {
  const { eni, start, interval } = input;
  if (!eni.active) return [];
  const base = eniFields(input.topology, eni);
  let flows = aggregate(input.observations);
  const skipped = keyedRng(input.seed, `skip:${eni.id}:${start}`).next() < input.skipDataRate;
  if (skipped) flows = flows.filter((_, i) => i % 2 === 0);
  const out: WindowRecord[] = flows.map((o) => ({
    timestamp: o.start * 1000,
    action: o.action,
    record: { ...base, ...trafficFields(o) },
  }));
  const status = skipped ? "SKIPDATA" : out.length === 0 ? "NODATA" : undefined;
  if (status) {
    const record = { ...base, start, end: start + interval - 1, "log-status": status };
    out.unshift({ timestamp: start * 1000, record });
  }
  return out;
}
