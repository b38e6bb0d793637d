/**
 * A small, scripted stand-in for the traffic simulator: each scenario conversation becomes the
 * flow-log records that every ENI on its path would log (request and reply, both directions, NAT
 * hops), then each flow log keeps the records of the ENIs it covers in its own format.
 */
import { type DemoContext, mustGet } from "./demo-context";
import type { DemoInterface } from "./demo-interfaces";
import { randomHost } from "./demo-ip";
import type { Rng } from "./demo-random";
import { DEMO_SCENARIOS, type Peer, type Scenario } from "./demo-scenarios";
import type { WorldLogEvent } from "./types";

export interface FlowLogTarget {
  key: string;
  /** Field names of the flow log's LogFormat, in order. */
  fields: string[];
  version: number;
  trafficType: "ACCEPT" | "REJECT" | "ALL";
  /** ENI ids the flow log covers. */
  covers: readonly string[];
}

/** Per target key, per covered ENI id: that ENI's log events, oldest first. */
export type FlowEvents = Map<string, Map<string, WorldLogEvent[]>>;

type Action = "ACCEPT" | "REJECT";
type Direction = "ingress" | "egress";

interface Packet {
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  pktSrc: string;
  pktDst: string;
  packets: number;
  bytes: number;
  flags: number;
}

interface Observation {
  eniId: string;
  action: Action;
  start: number;
  fields: Record<string, string | number>;
}

interface Endpoint {
  ip: string;
  iface?: DemoInterface;
}

export function generateFlowEvents(
  ctx: DemoContext,
  interfaces: DemoInterface[],
  targets: FlowLogTarget[],
  scenarios: Scenario[] = DEMO_SCENARIOS,
): FlowEvents {
  const byKey = new Map(interfaces.map((i) => [i.key, i]));
  const observations = scenarios.flatMap((scenario) =>
    Array.from({ length: scenario.count }, (_, n) => {
      const key = `flow:${label(scenario.client)}>${label(scenario.server)}:${scenario.port}#${n}`;
      return converse(ctx, ctx.rng(key), scenario, byKey);
    }).flat(),
  );
  const result: FlowEvents = new Map();
  for (const target of targets) {
    const streams = new Map(target.covers.map((eniId) => [eniId, [] as WorldLogEvent[]]));
    for (const obs of observations) {
      const stream = streams.get(obs.eniId);
      if (!stream || (target.trafficType !== "ALL" && target.trafficType !== obs.action)) continue;
      const message = target.fields
        .map((f) => (f === "version" ? target.version : (obs.fields[f] ?? "-")))
        .join(" ");
      stream.push({ timestamp: obs.start * 1000, message });
    }
    // Stable: records of one window keep their path order (request before reply).
    for (const events of streams.values()) events.sort((a, b) => a.timestamp - b.timestamp);
    result.set(target.key, streams);
  }
  return result;
}

const label = (peer: Peer): string => ("iface" in peer ? peer.iface : peer.label);

function endpoint(peer: Peer, rng: Rng, byKey: ReadonlyMap<string, DemoInterface>): Endpoint {
  if ("pool" in peer) return { ip: randomHost(peer.pool, rng) };
  const iface = mustGet(byKey, peer.iface, "interface");
  return { ip: iface.privateIp, iface };
}

function converse(
  ctx: DemoContext,
  rng: Rng,
  scenario: Scenario,
  byKey: ReadonlyMap<string, DemoInterface>,
): Observation[] {
  const client = endpoint(scenario.client, rng, byKey);
  const server = endpoint(scenario.server, rng, byKey);
  const nat = scenario.via === undefined ? undefined : mustGet(byKey, scenario.via, "NAT interface");
  const start = ctx.nowSec - rng.int(90, 3540);
  const end = start + rng.int(1, 55);
  const accepted = scenario.accepted;
  const requestPackets = accepted ? rng.int(5, 30) : rng.int(1, 3);
  const request: Packet = {
    src: client.ip,
    dst: server.ip,
    srcPort: "pool" in scenario.client && !accepted ? rng.int(1024, 65535) : rng.int(32768, 60999),
    dstPort: scenario.port,
    pktSrc: client.ip,
    pktDst: server.ip,
    packets: requestPackets,
    bytes: requestPackets * (accepted ? rng.int(60, 400) : rng.int(40, 60)),
    flags: accepted ? 3 : 2,
  };
  const responsePackets = rng.int(4, 40);
  const response: Packet = {
    ...request,
    src: server.ip,
    dst: client.ip,
    srcPort: request.dstPort,
    dstPort: request.srcPort,
    pktSrc: server.ip,
    pktDst: client.ip,
    packets: responsePackets,
    bytes: responsePackets * rng.int(200, 1400),
    flags: 19,
  };
  const out: Observation[] = [];
  const see = (
    iface: DemoInterface | undefined,
    p: Packet,
    dir: Direction,
    action: Action,
    next?: DemoInterface,
  ) => {
    if (iface) out.push(observe(ctx, iface, p, dir, action, start, end, next));
  };
  // The client's own ENI logs the end-to-end addresses; the NAT ENI logs its own hops (pkt-* keep the ends).
  see(client.iface, request, "egress", "ACCEPT", nat ?? server.iface);
  if (nat) {
    see(nat, { ...request, dst: nat.privateIp }, "ingress", "ACCEPT");
    see(nat, { ...request, src: nat.privateIp, pktSrc: nat.privateIp }, "egress", "ACCEPT", server.iface);
  }
  see(server.iface, request, "ingress", accepted ? "ACCEPT" : "REJECT");
  if (!accepted) return out;
  see(server.iface, response, "egress", "ACCEPT", nat ?? client.iface);
  if (nat) {
    see(nat, { ...response, dst: nat.privateIp, pktDst: nat.privateIp }, "ingress", "ACCEPT");
    see(nat, { ...response, src: nat.privateIp }, "egress", "ACCEPT", client.iface);
  }
  see(client.iface, response, "ingress", "ACCEPT");
  return out;
}

function observe(
  ctx: DemoContext,
  iface: DemoInterface,
  p: Packet,
  direction: Direction,
  action: Action,
  start: number,
  end: number,
  next?: DemoInterface,
): Observation {
  return {
    eniId: iface.eniId,
    action,
    start,
    fields: {
      "account-id": ctx.accountId,
      "interface-id": iface.eniId,
      srcaddr: p.src,
      dstaddr: p.dst,
      srcport: p.srcPort,
      dstport: p.dstPort,
      protocol: 6,
      packets: p.packets,
      bytes: p.bytes,
      start,
      end,
      action,
      "log-status": "OK",
      "vpc-id": iface.subnet.vpc.id,
      "subnet-id": iface.subnet.id,
      "instance-id": iface.instanceId ?? "-",
      "tcp-flags": p.flags,
      type: "IPv4",
      "pkt-srcaddr": p.pktSrc,
      "pkt-dstaddr": p.pktDst,
      region: ctx.region,
      "az-id": iface.subnet.spec.az.id,
      "flow-direction": direction,
      "traffic-path": direction === "egress" ? trafficPath(iface, next) : "-",
    },
  };
}

/** 1: next hop in the same VPC (NAT gateway included); 2: IGW; 8: IGW from a Nitro instance. */
function trafficPath(from: DemoInterface, next: DemoInterface | undefined): string {
  if (next && next.subnet.vpc === from.subnet.vpc) return "1";
  return from.kind === "instance" ? "8" : "2";
}
