import type { Eni } from "./topology";

/** One side of a conversation: an interface of the world, or a host outside it. */
export type Endpoint = { eni: Eni } | { ip: string; service?: string };

/** A request and its reply, as a flow generator intends them (before any rule is applied). */
export interface Conversation {
  client: Endpoint;
  server: Endpoint;
  /** IANA number: 6, 17 or 1. */
  protocol: number;
  /** 0 for ICMP. */
  clientPort: number;
  serverPort: number;
  /** Packets and bytes each way if the exchange completes. */
  requestPackets: number;
  requestBytes: number;
  replyPackets: number;
  replyBytes: number;
  /** Epoch seconds of the first and last packet, inside one minute slot. */
  start: number;
  end: number;
}

export type Direction = "ingress" | "egress";
export type Action = "ACCEPT" | "REJECT";

/** What one ENI records for one leg of a conversation: addresses as that ENI sees them. */
export interface Observation {
  eni: Eni;
  direction: Direction;
  action: Action;
  leg: "request" | "reply";
  srcaddr: string;
  dstaddr: string;
  pktSrcaddr: string;
  pktDstaddr: string;
  srcport: number;
  dstport: number;
  protocol: number;
  packets: number;
  bytes: number;
  start: number;
  end: number;
  tcpFlags: number;
  /** Egress only (flow-log-records.md §5). */
  trafficPath?: number;
  pktSrcService?: string;
  pktDstService?: string;
  /** Egress to another ENI of the VPC (NAT gateway, peer). */
  nextHop?: Eni;
}

export const isEni = (e: Endpoint): e is { eni: Eni } => "eni" in e;
export const addressOf = (e: Endpoint): string => (isEni(e) ? e.eni.ip : e.ip);
export const serviceOf = (e: Endpoint): string | undefined => (isEni(e) ? undefined : e.service);
