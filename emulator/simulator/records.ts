import { keyedRng } from "../world/demo-random";
import type { Action, Observation } from "./conversation";
import type { Eni } from "./topology";

/** One record of one ENI's window, before the flow log's own fields (version, tags) are added. */
export interface WindowRecord {
  /** The CloudWatch event timestamp: the record's start, in ms (flow-log-records.md §8). */
  timestamp: number;
  /** Undefined for NODATA and SKIPDATA, which every traffic type keeps. */
  action?: Action;
  eni: Eni;
  /** The window's flow (several observations aggregated); undefined for NODATA and SKIPDATA. */
  flow?: Observation;
  /** NODATA or SKIPDATA, with the window's bounds in epoch seconds. */
  status?: { logStatus: "NODATA" | "SKIPDATA"; start: number; end: number };
}

const INTERFACE_TYPES: Readonly<Record<string, string>> = { natGateway: "nat_gateway" };
const interfaceType = (eni: Eni) => INTERFACE_TYPES[eni.interfaceType] ?? eni.interfaceType;

/**
 * The value of one flow-log field of a record (undefined prints as `-`), read on demand: a record is
 * formatted once per flow log that keeps it, and building a map of every field would cost more than
 * the formatting itself.
 */
export function recordField(region: string, r: WindowRecord, name: string): string | number | undefined {
  const { eni, flow: o } = r;
  switch (name) {
    case "account-id":
      return eni.ownerId;
    case "interface-id":
      return eni.id;
    case "vpc-id":
      return eni.vpcId;
    case "subnet-id":
      return eni.subnet.SubnetId;
    case "instance-id":
      return eni.instanceId;
    case "region":
      return region;
    case "az-id":
      return eni.subnet.AvailabilityZoneId;
    case "interface-type":
      return interfaceType(eni);
    case "start":
      return o ? o.start : r.status?.start;
    case "end":
      return o ? o.end : r.status?.end;
    case "log-status":
      return r.status?.logStatus ?? "OK";
  }
  if (!o) return undefined;
  const hop = o.direction === "egress" ? o.nextHop : undefined;
  switch (name) {
    case "srcaddr":
      return o.srcaddr;
    case "dstaddr":
      return o.dstaddr;
    case "srcport":
      return o.srcport;
    case "dstport":
      return o.dstport;
    case "protocol":
      return o.protocol;
    case "packets":
      return o.packets;
    case "bytes":
      return o.bytes;
    case "action":
      return o.action;
    case "tcp-flags":
      return o.tcpFlags;
    case "type":
      return o.srcaddr.includes(":") ? "IPv6" : "IPv4";
    case "pkt-srcaddr":
      return o.pktSrcaddr;
    case "pkt-dstaddr":
      return o.pktDstaddr;
    case "pkt-src-aws-service":
      return o.pktSrcService;
    case "pkt-dst-aws-service":
      return o.pktDstService;
    case "flow-direction":
      return o.direction;
    case "traffic-path":
      return o.direction === "egress" ? o.trafficPath : undefined;
    case "next-hop-interface-id":
      return hop?.id;
    case "next-hop-subnet-id":
      return hop?.subnet.SubnetId;
    case "next-hop-az-id":
      return hop?.subnet.AvailabilityZoneId;
    case "next-hop-vpc-id":
      return hop?.vpcId;
    case "next-hop-interface-type":
      return hop ? interfaceType(hop) : undefined;
  }
  return undefined;
}

/** One record per 5-tuple (and direction, action, packet addresses) in the window. */
function aggregate(observations: readonly Observation[]): Observation[] {
  const flows = new Map<string, Observation>();
  // Observations are shared by every window (60 s, 600 s) that reads them: copy one only to add to it.
  const copies = new Set<Observation>();
  for (const o of observations) {
    const key = `${o.direction}|${o.action}|${o.srcaddr}|${o.dstaddr}|${o.srcport}|${o.dstport}|${o.protocol}|${o.pktSrcaddr}|${o.pktDstaddr}`;
    let known = flows.get(key);
    if (!known) {
      flows.set(key, o);
      continue;
    }
    if (!copies.has(known)) {
      known = { ...known };
      copies.add(known);
      flows.set(key, known);
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
  let flows = aggregate(input.observations);
  const skipped = keyedRng(input.seed, `skip:${eni.id}:${start}`).next() < input.skipDataRate;
  if (skipped) flows = flows.filter((_, i) => i % 2 === 0);
  const out: WindowRecord[] = flows.map((flow) => ({
    timestamp: flow.start * 1000,
    action: flow.action,
    eni,
    flow,
  }));
  const logStatus = skipped ? "SKIPDATA" : out.length === 0 ? "NODATA" : undefined;
  if (logStatus)
    out.unshift({ timestamp: start * 1000, eni, status: { logStatus, start, end: start + interval - 1 } });
  return out;
}
