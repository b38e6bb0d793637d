import { isPrivateIp } from "../net/ip";
import { block, type EniEnd, pass, skip, type Walk } from "./checks";
import { type RouteTarget, routeTableForSubnet, routeTarget, selectRoute } from "./routes";
import type { DiagnosisTopology, Path } from "./verdict";

export type RouteOutcome = { target: RouteTarget; tableId: string } | undefined;

/** The route from `end`'s subnet towards `dstIp`; undefined when there is none that works. */
export function checkRoute(w: Walk, end: EniEnd, dstIp: string, path: Path): RouteOutcome {
  const table = routeTableForSubnet(w.t.RouteTables ?? [], end.eni.SubnetId ?? "", end.vpcId);
  const base = { component: "route-table", path };
  if (!table) {
    skip(w, {
      ...base,
      resourceId: end.eni.SubnetId ?? end.id,
      detail: "no route table described; local route assumed",
    });
    return { target: { kind: "local", id: "local" }, tableId: "" };
  }
  const tableId = table.RouteTableId ?? "";
  const match = selectRoute(table, dstIp, (id) => prefixListCidrs(w.t, id));
  if (!match) {
    block(
      w,
      { ...base, resourceId: tableId, detail: `no route to ${dstIp}` },
      {
        code: "NO_ROUTE_TO_DESTINATION",
        resourceId: tableId,
        message: `Route table ${tableId} of ${end.eni.SubnetId} has no route that covers ${dstIp}.`,
        ...routeFix(w, end, tableId, dstIp),
      },
    );
    return undefined;
  }
  const target = routeTarget(match.route);
  if (match.route.State === "blackhole") {
    block(
      w,
      { ...base, resourceId: tableId, detail: `${match.destination} → ${target.id} is a blackhole` },
      {
        code: "BAD_STATE_ROUTE",
        resourceId: tableId,
        message: `The route ${match.destination} → ${target.id} in ${tableId} is a blackhole: its target no longer exists.`,
        fix: `Point ${match.destination} in ${tableId} at a working target, or delete the route.`,
        awsCli: `aws ec2 delete-route --route-table-id ${tableId} --destination-cidr-block ${match.destination}`,
      },
    );
    return undefined;
  }
  pass(w, { ...base, resourceId: tableId, detail: `${match.destination} → ${target.id}` });
  return { target, tableId };
}

export function prefixListCidrs(t: DiagnosisTopology, id: string): string[] {
  const list = (t.ManagedPrefixLists ?? []).find((l) => l.PrefixListId === id);
  return (list?.Entries ?? []).flatMap((e) => (e.Cidr ? [e.Cidr] : []));
}

function routeFix(w: Walk, end: EniEnd, tableId: string, dstIp: string) {
  const inside = !isPrivateIp(dstIp);
  const nats = (w.t.NatGateways ?? []).filter((n) => n.VpcId === end.vpcId && n.State === "available");
  // A NAT gateway in the subnet's own zone avoids cross-zone charges and a zone's failure.
  const zoneOf = (subnetId: string | undefined) =>
    w.t.Subnets?.find((s) => s.SubnetId === subnetId)?.AvailabilityZone;
  const nat = nats.find((n) => zoneOf(n.SubnetId) === end.subnet?.AvailabilityZone) ?? nats[0];
  const cidr = dstIp.includes(":") ? "::/0" : "0.0.0.0/0";
  if (nat?.NatGatewayId && inside) {
    return {
      fix: `Add a default route in ${tableId} to NAT gateway ${nat.NatGatewayId}.`,
      awsCli: `aws ec2 create-route --route-table-id ${tableId} --destination-cidr-block ${cidr} --nat-gateway-id ${nat.NatGatewayId}`,
    };
  }
  return {
    fix: `Add a route in ${tableId} covering ${dstIp} to a gateway that reaches it (NAT gateway, internet gateway, peering or transit gateway).`,
  };
}
