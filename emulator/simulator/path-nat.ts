import { type Packet, replyOf } from "../../lib/diagnosis/packet";
import type { Conversation } from "./conversation";
import { naclAllows, nextHop, sgAllows } from "./rules";
import { NOTHING, type PathResult, requestPacket, type Sighting, sight } from "./sighting";
import type { Eni, Topology } from "./topology";

/** The source port a NAT gateway picks for a translated flow (reachability.md §2: 1024–65535). */
export function natPort(c: Conversation): number {
  return 1024 + ((c.clientPort * 7919 + c.start) % 64512);
}

/**
 * A private ENI to the internet through a NAT gateway (flow-log-records.md §10.6). The client's ENI
 * logs the end-to-end addresses; the NAT gateway's ENI logs its own private address in
 * srcaddr/dstaddr and the far ends in pkt-srcaddr/pkt-dstaddr.
 */
export function evaluateNatPath(topology: Topology, c: Conversation, client: Eni, natId: string): PathResult {
  const nat = topology.natGateways.get(natId)?.eni;
  if (!nat) return NOTHING;
  const out: Sighting[] = [];
  const done = (completed: boolean): PathResult => ({ sightings: out, completed });
  const crossing = client.subnet.SubnetId !== nat.subnet.SubnetId;
  const req = requestPacket(c);
  const sent =
    sgAllows(topology, client, "egress", req) && (!crossing || naclAllows(topology, client, "egress", req));
  out.push(sight(client, "egress", sent, "request", req, c, { trafficPath: 1, nextHop: nat }));
  if (!sent) return done(false);

  const arrived = !crossing || naclAllows(topology, nat, "ingress", req);
  out.push(sight(nat, "ingress", arrived, "request", req, c, { dstaddr: nat.ip }));
  if (!arrived || nextHop(topology, nat, req.dstIp)?.kind !== "internet-gateway") return done(false);

  const translated: Packet = {
    ...req,
    srcIp: nat.ip,
    ...(req.srcPort === undefined ? {} : { srcPort: natPort(c) }),
  };
  const left = naclAllows(topology, nat, "egress", translated);
  out.push(sight(nat, "egress", left, "request", translated, c, { trafficPath: 2 }));
  if (!left) return done(false);

  const answer = replyOf(translated);
  const answered = naclAllows(topology, nat, "ingress", answer);
  out.push(sight(nat, "ingress", answered, "reply", answer, c));
  if (!answered) return done(false);

  const reply = replyOf(req);
  const forwarded = !crossing || naclAllows(topology, nat, "egress", reply);
  out.push(
    sight(nat, "egress", forwarded, "reply", reply, c, { srcaddr: nat.ip, trafficPath: 1, nextHop: client }),
  );
  if (!forwarded) return done(false);

  const back = !crossing || naclAllows(topology, client, "ingress", reply);
  out.push(sight(client, "ingress", back, "reply", reply, c));
  return done(back);
}
