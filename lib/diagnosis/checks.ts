import type { NetworkInterface } from "../topology/types";
import { aclFix, describeTraffic, sgFix } from "./fixes";
import { aclForSubnet, evaluateNetworkAcl } from "./network-acls";
import type { Direction, Packet } from "./packet";
import type { End } from "./resolve";
import { matchSecurityGroups, type SgContext } from "./security-groups";
import type { DiagnosisTopology, Explanation, Path, VerdictHop } from "./verdict";

export type EniEnd = Extract<End, { kind: "eni" }>;

/** The topology with its lookups, and the hops and explanations collected along the path. */
export type Walk = {
  t: DiagnosisTopology;
  sg: SgContext;
  hops: VerdictHop[];
  explanations: Explanation[];
};

export function block(
  w: Walk,
  hop: Omit<VerdictHop, "result">,
  e: Omit<Explanation, "direction" | "path" | "ruleNumber">,
): void {
  w.hops.push({ ...hop, result: "block" });
  // The contract's key order; keys without a value are left out.
  const full: Explanation = {
    code: e.code,
    resourceId: e.resourceId,
    direction: hop.direction,
    path: hop.path,
    ruleNumber: hop.ruleNumber,
    message: e.message,
    fix: e.fix,
    awsCli: e.awsCli,
  };
  w.explanations.push(
    Object.fromEntries(Object.entries(full).filter(([, v]) => v !== undefined)) as Explanation,
  );
}
export function pass(w: Walk, hop: Omit<VerdictHop, "result">): void {
  w.hops.push({ ...hop, result: "pass" });
}
export function skip(w: Walk, hop: Omit<VerdictHop, "result">): void {
  w.hops.push({ ...hop, result: "not-applicable" });
}

/** The instance is running and the interface attached. */
export function checkState(w: Walk, end: EniEnd, path: Path): void {
  const state = end.instance?.State?.Name;
  if (end.instance && state !== "running") {
    const id = end.instance.InstanceId ?? "";
    const hop = {
      component: "instance",
      resourceId: id,
      detail: `instance is ${state ?? "in an unknown state"}`,
      path,
    };
    block(w, hop, {
      code: "BAD_STATE",
      resourceId: id,
      message: `Instance ${id} is ${state ?? "not running"}: nothing on it can send or answer.`,
      fix: `Start instance ${id}.`,
      awsCli: `aws ec2 start-instances --instance-ids ${id}`,
    });
    return;
  }
  const status = end.eni.Attachment?.Status ?? end.eni.Status;
  if (end.eni.InterfaceType !== "nat_gateway" && !end.eni.Attachment && end.eni.Status === "available") {
    block(
      w,
      { component: "network-interface", resourceId: end.id, detail: "interface is not attached", path },
      {
        code: "BAD_STATE",
        resourceId: end.id,
        message: `Network interface ${end.id} is not attached to anything (status ${status ?? "unknown"}).`,
        fix: `Attach ${end.id} to a running instance.`,
        awsCli: `aws ec2 attach-network-interface --network-interface-id ${end.id} --instance-id <instance-id> --device-index 1`,
      },
    );
    return;
  }
  pass(w, {
    component: end.instance ? "instance" : "network-interface",
    resourceId: end.instance?.InstanceId ?? end.id,
    detail: state ?? status ?? "in use",
    path,
  });
}

/** Security groups of `end` for the request; `peer` names the other end in the fix (group or CIDR). */
export function checkSg(w: Walk, end: EniEnd, direction: Direction, p: Packet, peer: string): void {
  const ids = (end.eni.Groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])).sort();
  const groups = (w.t.SecurityGroups ?? []).filter((g) => g.GroupId && ids.includes(g.GroupId));
  const base = { component: "security-group", direction, path: "request" as const };
  if (ids.length === 0) {
    skip(w, { ...base, resourceId: end.id, detail: "no security groups" });
    return;
  }
  const match = matchSecurityGroups(groups, direction, p, w.sg);
  if (match) {
    pass(w, {
      ...base,
      resourceId: match.groupId,
      detail: `${describeTraffic(p)} allowed by ${match.groupId} (${match.source.value})`,
    });
    return;
  }
  const first = ids[0] ?? "";
  const side = direction === "ingress" ? "inbound" : "outbound";
  block(
    w,
    {
      ...base,
      resourceId: first,
      detail: `no ${side} rule of ${ids.join(", ")} allows ${describeTraffic(p)}`,
    },
    {
      code: "ENI_SG_RULES_MISMATCH",
      resourceId: first,
      message: `None of the ${side} rules of ${ids.join(", ")} on ${end.id} allow ${describeTraffic(p)} ${direction === "ingress" ? "from" : "to"} ${direction === "ingress" ? p.srcIp : p.dstIp}.`,
      ...sgFix(first, direction, p, peer),
    },
  );
}

/** Stateful: the reply is allowed because the request was. */
export function sgReply(w: Walk, end: EniEnd, direction: Direction): void {
  const id = end.eni.Groups?.[0]?.GroupId ?? end.id;
  skip(w, {
    component: "security-group",
    resourceId: id,
    direction,
    path: "reply",
    detail: "stateful: replies to allowed requests are allowed",
  });
}

/** The subnet's network ACL, unless the packet stays inside the subnet. */
export function checkAcl(
  w: Walk,
  end: EniEnd,
  direction: Direction,
  p: Packet,
  path: Path,
  crossing: boolean,
): void {
  const acl = aclForSubnet(w.t.NetworkAcls ?? [], end.eni.SubnetId ?? "", end.vpcId);
  const base = { component: "network-acl", direction, path };
  if (!acl) {
    skip(w, { ...base, resourceId: end.eni.SubnetId ?? end.id, detail: "no network ACL described" });
    return;
  }
  const id = acl.NetworkAclId ?? "";
  if (!crossing) {
    skip(w, { ...base, resourceId: id, detail: "not applied within one subnet" });
    return;
  }
  const decision = evaluateNetworkAcl(acl, direction, p);
  const hop = { ...base, resourceId: id, ruleNumber: decision.ruleNumber };
  if (decision.action === "allow") {
    pass(w, { ...hop, detail: `rule ${decision.ruleNumber} allows ${describeTraffic(p)}` });
    return;
  }
  const peerIp = direction === "ingress" ? p.srcIp : p.dstIp;
  const ruleText =
    decision.ruleNumber >= 32767
      ? `the final * rule (${decision.ruleNumber})`
      : `rule ${decision.ruleNumber}`;
  const side = direction === "ingress" ? "inbound" : "outbound";
  block(
    w,
    { ...hop, detail: `${ruleText} denies ${describeTraffic(p)}` },
    {
      code: "SUBNET_ACL_RESTRICTION",
      resourceId: id,
      message: `The ${path} is denied by ${ruleText} of ${id} (${side}): ${describeTraffic(p)} ${direction === "ingress" ? "from" : "to"} ${peerIp}.`,
      ...aclFix(acl, direction, p, peerIp, decision.ruleNumber, path === "reply"),
    },
  );
}

export function eniById(t: DiagnosisTopology, id: string): NetworkInterface | undefined {
  return (t.NetworkInterfaces ?? []).find(
    (e) => e.NetworkInterfaceId === id || (e.Attachment?.InstanceId === id && e.Attachment.DeviceIndex === 0),
  );
}
