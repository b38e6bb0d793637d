/** One direction of a flow, as security groups, network ACLs and route tables see it. */
export type Packet = {
  protocol: number;
  srcIp: string;
  dstIp: string;
  srcPort?: number;
  dstPort?: number;
  icmpType?: number;
  icmpCode?: number;
};

export type Direction = "ingress" | "egress";

/** The reply to a packet: addresses and ports swapped; ICMP echo request (8/128) answered by echo reply (0/129). */
export function replyOf(p: Packet): Packet {
  const icmpType = p.icmpType === 8 ? 0 : p.icmpType === 128 ? 129 : p.icmpType;
  return {
    protocol: p.protocol,
    srcIp: p.dstIp,
    dstIp: p.srcIp,
    srcPort: p.dstPort,
    dstPort: p.srcPort,
    icmpType,
    icmpCode: p.icmpCode,
  };
}
