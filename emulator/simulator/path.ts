import { replyOf } from "../../lib/diagnosis/packet";
import { addressOf, type Conversation, isEni } from "./conversation";
import { evaluateNatPath } from "./path-nat";
import { type Hop, naclAllows, nextHop, sgAllows, trafficPathOf } from "./rules";
import { NOTHING, type PathResult, requestPacket, type Sighting, sight } from "./sighting";
import type { Eni, Topology } from "./topology";

/**
 * Follows one conversation through routes, network ACLs and security groups the way a VPC does
 * (reachability.md §0): the sender's SG egress, its route, its subnet's NACL out; the receiver's
 * NACL in, its SG in; the reply through the NACLs again (stateless) but not the SGs (stateful).
 * Each ENI records the packets that reach it or leave it, REJECT where its own checks drop them.
 */
export function evaluatePath(topology: Topology, c: Conversation): PathResult {
  if (isEni(c.client)) {
    const client = c.client.eni;
    if (!client.active) return NOTHING;
    if (isEni(c.server)) return evaluateVpcPath(topology, c, client, c.server.eni);
    const hop = nextHop(topology, client, c.server.ip);
    if (hop?.kind === "nat-gateway") return evaluateNatPath(topology, c, client, hop.id);
    if (hop?.kind === "internet-gateway" && client.publicIp)
      return evaluateOutbound(topology, c, client, hop);
    // A gateway endpoint (S3, DynamoDB) carries only TCP and ICMP echo (VPCE_GATEWAY_PROTOCOL_RESTRICTION).
    if (hop?.kind === "vpc-endpoint" && (c.protocol === 6 || c.protocol === 1))
      return evaluateOutbound(topology, c, client, hop);
    return NOTHING;
  }
  if (isEni(c.server)) return evaluateInbound(topology, c, c.server.eni);
  return NOTHING;
}

/** Two ENIs of one VPC: NACLs apply only where the packet crosses a subnet boundary. */
function evaluateVpcPath(topology: Topology, c: Conversation, client: Eni, server: Eni): PathResult {
  if (client.vpcId !== server.vpcId || client.id === server.id) return NOTHING;
  const out: Sighting[] = [];
  const req = requestPacket(c);
  const hop = nextHop(topology, client, req.dstIp);
  if (hop?.kind !== "local") return NOTHING;
  const crossing = client.subnet.SubnetId !== server.subnet.SubnetId;
  const path = { trafficPath: trafficPathOf(client, hop), nextHop: server };
  const sent =
    sgAllows(topology, client, "egress", req) && (!crossing || naclAllows(topology, client, "egress", req));
  out.push(sight(client, "egress", sent, "request", req, c, path));
  if (!sent || !server.active) return { sightings: out, completed: false };
  const received =
    (!crossing || naclAllows(topology, server, "ingress", req)) && sgAllows(topology, server, "ingress", req);
  out.push(sight(server, "ingress", received, "request", req, c));
  if (!received) return { sightings: out, completed: false };
  const reply = replyOf(req);
  if (nextHop(topology, server, reply.dstIp)?.kind !== "local") return { sightings: out, completed: false };
  const replied = !crossing || naclAllows(topology, server, "egress", reply);
  out.push(sight(server, "egress", replied, "reply", reply, c, { trafficPath: 1, nextHop: client }));
  if (!replied) return { sightings: out, completed: false };
  const back = !crossing || naclAllows(topology, client, "ingress", reply);
  out.push(sight(client, "ingress", back, "reply", reply, c));
  return { sightings: out, completed: back };
}

/** An internet host to a public ENI: the internet gateway translates the public IP to the private one. */
function evaluateInbound(topology: Topology, c: Conversation, server: Eni): PathResult {
  if (!server.active || !server.publicIp || server.natGatewayId) return NOTHING;
  const clientIp = addressOf(c.client);
  const hop = nextHop(topology, server, clientIp);
  if (hop?.kind !== "internet-gateway") return NOTHING;
  const req = requestPacket(c);
  const out: Sighting[] = [];
  const received = naclAllows(topology, server, "ingress", req) && sgAllows(topology, server, "ingress", req);
  out.push(sight(server, "ingress", received, "request", req, c));
  if (!received) return { sightings: out, completed: false };
  const reply = replyOf(req);
  const replied = naclAllows(topology, server, "egress", reply);
  out.push(sight(server, "egress", replied, "reply", reply, c, { trafficPath: trafficPathOf(server, hop) }));
  return { sightings: out, completed: replied };
}

/**
 * Straight out of the VPC, through the internet gateway (a public ENI) or a gateway endpoint; the reply
 * comes back through the subnet's NACL.
 */
function evaluateOutbound(topology: Topology, c: Conversation, client: Eni, hop: Hop): PathResult {
  const req = requestPacket(c);
  const out: Sighting[] = [];
  const path = { trafficPath: trafficPathOf(client, hop) };
  const sent = sgAllows(topology, client, "egress", req) && naclAllows(topology, client, "egress", req);
  out.push(sight(client, "egress", sent, "request", req, c, path));
  if (!sent) return { sightings: out, completed: false };
  const reply = replyOf(req);
  const back = naclAllows(topology, client, "ingress", reply);
  out.push(sight(client, "ingress", back, "reply", reply, c));
  return { sightings: out, completed: back };
}
