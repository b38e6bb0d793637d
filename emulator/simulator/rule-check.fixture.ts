import { aclForSubnet, evaluateNetworkAcl } from "../../lib/diagnosis/network-acls";
import type { Packet } from "../../lib/diagnosis/packet";
import { matchSecurityGroups } from "../../lib/diagnosis/security-groups";
import type { FlowRecord } from "../../lib/flow/record";
import { ipInCidr } from "../../lib/net/ip";
import type { Topology } from "./topology";

/**
 * For a record of traffic arriving from outside the VPC at an instance's ENI: what the destination
 * subnet's NACL and the ENI's security groups decide, straight from lib/diagnosis. A reply (from a
 * well-known port to an ephemeral one) passes the SGs by connection tracking. Undefined for other records.
 */
export function expectedInboundAction(topology: Topology, r: FlowRecord): "ACCEPT" | "REJECT" | undefined {
  const eni = topology.eniById.get(String(r["interface-id"]));
  const vpc = eni && topology.vpcs.get(eni.vpcId);
  if (!eni || !vpc?.CidrBlock || eni.natGatewayId || r["log-status"] !== "OK") return undefined;
  if (r.dstaddr !== eni.ip || ipInCidr(String(r.srcaddr), vpc.CidrBlock)) return undefined;
  const packet: Packet = {
    protocol: Number(r.protocol),
    srcIp: String(r.srcaddr),
    dstIp: String(r.dstaddr),
    srcPort: Number(r.srcport),
    dstPort: Number(r.dstport),
    ...(r.protocol === 1 ? { icmpType: 8, icmpCode: 0 } : {}),
  };
  const reply =
    packet.srcPort !== undefined && packet.srcPort > 0 && packet.srcPort < 1024 && Number(r.dstport) >= 1024;
  const acl = aclForSubnet(topology.acls, eni.subnet.SubnetId, eni.vpcId);
  const nacl = !acl || evaluateNetworkAcl(acl, "ingress", packet).action === "allow";
  const sg = reply || matchSecurityGroups(eni.groups, "ingress", packet, topology.sg) !== undefined;
  return nacl && sg ? "ACCEPT" : "REJECT";
}
