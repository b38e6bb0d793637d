import type { Packet } from "../../lib/diagnosis/packet";
import { addressOf, type Conversation, type Direction, type Observation, serviceOf } from "./conversation";
import type { Eni } from "./topology";

/** An observation before packets, bytes, times and flags are known. */
export type Sighting = Omit<Observation, "packets" | "bytes" | "start" | "end" | "tcpFlags" | "protocol">;

/** What each ENI on the path records, and whether the reply made it back to the client. */
export interface PathResult {
  sightings: Sighting[];
  completed: boolean;
}

export const NOTHING: PathResult = { sightings: [], completed: false };

export function requestPacket(c: Conversation): Packet {
  const icmp = c.protocol === 1 ? { icmpType: 8, icmpCode: 0 } : {};
  return {
    protocol: c.protocol,
    srcIp: addressOf(c.client),
    dstIp: addressOf(c.server),
    ...(c.protocol === 6 || c.protocol === 17 ? { srcPort: c.clientPort, dstPort: c.serverPort } : {}),
    ...icmp,
  };
}

/** The sighting of packet `p` on `eni`: its own addresses, plus the services of the far ends (v5). */
export function sight(
  eni: Eni,
  direction: Direction,
  ok: boolean,
  leg: Sighting["leg"],
  p: Packet,
  c: Conversation,
  extra: Partial<Sighting> = {},
): Sighting {
  const fromClient = leg === "request";
  const src = fromClient ? c.client : c.server;
  const dst = fromClient ? c.server : c.client;
  const srcService = serviceOf(src);
  const dstService = serviceOf(dst);
  return {
    eni,
    direction,
    action: ok ? "ACCEPT" : "REJECT",
    leg,
    srcaddr: p.srcIp,
    dstaddr: p.dstIp,
    pktSrcaddr: p.srcIp,
    pktDstaddr: p.dstIp,
    srcport: p.srcPort ?? 0,
    dstport: p.dstPort ?? 0,
    ...(srcService ? { pktSrcService: srcService } : {}),
    ...(dstService ? { pktDstService: dstService } : {}),
    ...extra,
  };
}
