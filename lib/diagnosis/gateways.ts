import { ipInCidr } from "../net/ip";
import { block, type EniEnd, eniById, pass, type Walk } from "./checks";
import type { RouteOutcome } from "./route-checks";
import type { Path } from "./verdict";

/** Whatever the route's target needs to carry the packet on: an attached IGW, a NAT, an appliance's check. */
export function checkTarget(
  w: Walk,
  from: EniEnd,
  route: RouteOutcome,
  path: Path,
  toInternet: boolean,
): boolean {
  if (!route) return false;
  const { kind, id } = route.target;
  if (kind === "internet-gateway") {
    const igw = (w.t.InternetGateways ?? []).find((g) => g.InternetGatewayId === id);
    const attached = igw?.Attachments?.some((a) => a.VpcId === from.vpcId && a.State !== "detached");
    if (w.t.InternetGateways && !attached) {
      block(
        w,
        { component: "internet-gateway", resourceId: id, path, detail: "not attached to the VPC" },
        {
          code: "BAD_STATE_ROUTE",
          resourceId: route.tableId,
          message: `The route in ${route.tableId} targets ${id}, which is not attached to ${from.vpcId}.`,
          fix: `Attach ${id} to ${from.vpcId}.`,
          awsCli: `aws ec2 attach-internet-gateway --internet-gateway-id ${id} --vpc-id ${from.vpcId}`,
        },
      );
      return false;
    }
    if (toInternet && path === "request" && !from.publicIp) {
      block(
        w,
        { component: "internet-gateway", resourceId: id, path, detail: `${from.id} has no public IP` },
        {
          code: "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS",
          resourceId: from.id,
          message: `${from.id} has no public IPv4 address, so ${id} cannot carry its traffic to the internet.`,
          fix: `Associate an Elastic IP with ${from.id}, or route 0.0.0.0/0 through a NAT gateway.`,
          awsCli: `aws ec2 associate-address --network-interface-id ${from.id} --allocation-id <eipalloc-id>`,
        },
      );
      return false;
    }
  }
  if (kind === "nat-gateway") {
    const nat = (w.t.NatGateways ?? []).find((n) => n.NatGatewayId === id);
    if (nat && nat.State !== "available") {
      block(
        w,
        { component: "nat-gateway", resourceId: id, path, detail: `NAT gateway is ${nat.State}` },
        {
          code: "BAD_STATE",
          resourceId: id,
          message: `NAT gateway ${id} is ${nat.State}.`,
          fix: `Replace ${id} with an available NAT gateway and point the route in ${route.tableId} at it.`,
          awsCli: `aws ec2 replace-route --route-table-id ${route.tableId} --destination-cidr-block 0.0.0.0/0 --nat-gateway-id <nat-id>`,
        },
      );
      return false;
    }
  }
  if (kind === "network-interface" || kind === "instance") {
    const eni = eniById(w.t, id);
    const eniId = eni?.NetworkInterfaceId ?? id;
    if (eni && eni.SourceDestCheck !== false) {
      block(
        w,
        { component: "network-interface", resourceId: eniId, path, detail: "source/destination check is on" },
        {
          code: "ENI_SOURCE_DEST_CHECK_RESTRICTION",
          resourceId: eniId,
          message: `The route sends the traffic through ${eniId}, whose source/destination check drops packets not addressed to it.`,
          fix: `Turn off the source/destination check on ${eniId} (it forwards traffic for others).`,
          awsCli: `aws ec2 modify-network-interface-attribute --network-interface-id ${eniId} --no-source-dest-check`,
        },
      );
      return false;
    }
  }
  if (kind !== "local")
    pass(w, { component: kind, resourceId: id, path, detail: "next hop; not evaluated beyond it" });
  return true;
}

/** From outside: the internet gateway translates only to an interface with a public IP. */
export function checkIngressAddress(w: Walk, dst: EniEnd, srcIp: string): void {
  const inVpc = (w.t.Vpcs ?? []).some(
    (v) => v.VpcId === dst.vpcId && v.CidrBlock && ipInCidr(srcIp, v.CidrBlock),
  );
  if (inVpc) return;
  const hop = { component: "internet-gateway", resourceId: dst.id, path: "request" as const };
  if (dst.publicIp) {
    pass(w, { ...hop, detail: `${dst.publicIp} translates to ${dst.ip}` });
    return;
  }
  block(
    w,
    { ...hop, detail: `${dst.id} has no public IP or Elastic IP` },
    {
      code: "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS",
      resourceId: dst.id,
      message: `${dst.id} has only the private address ${dst.ip}: the internet gateway drops traffic from the internet to it.`,
      fix: `Allocate an Elastic IP and associate it with ${dst.id} (or put the service behind a public load balancer).`,
      awsCli: `aws ec2 allocate-address --domain vpc && aws ec2 associate-address --network-interface-id ${dst.id} --allocation-id <eipalloc-id>`,
    },
  );
}

export function checkReplyViaIgw(w: Walk, dst: EniEnd, back: RouteOutcome): void {
  if (!back) return;
  if (back.target.kind === "internet-gateway") {
    checkTarget(w, dst, back, "reply", false);
    return;
  }
  block(
    w,
    {
      component: "route-table",
      resourceId: back.tableId,
      path: "reply",
      detail: `reply goes to ${back.target.id}, not an internet gateway`,
    },
    {
      code: "NO_ROUTE_TO_DESTINATION",
      resourceId: back.tableId,
      message: `Replies from ${dst.id} to the internet leave through ${back.target.id}, not an internet gateway: the client never sees them.`,
      fix: `Route 0.0.0.0/0 in ${back.tableId} to the VPC's internet gateway, or serve the traffic from a public subnet.`,
      awsCli: `aws ec2 replace-route --route-table-id ${back.tableId} --destination-cidr-block 0.0.0.0/0 --gateway-id <igw-id>`,
    },
  );
}
