/**
 * A deliberately small TCP-only security group / network ACL evaluator for the demo world's tests:
 * it checks that the scripted ACCEPT/REJECT of each inbound request agrees with the world's rules.
 * (The real evaluation, with every protocol and both directions, belongs to lib/diagnosis.)
 */
import { inCidr, type WorldIndex } from "./demo-test-utils";

const portIn = (port: number, from: number | undefined, to: number | undefined): boolean =>
  from === undefined || to === undefined || (from <= port && port <= to);

/** Do the security groups on `eniId` admit a new TCP connection from `src` to `port`? */
export function sgAllowsIngress(ix: WorldIndex, eniId: string, src: string, port: number): boolean {
  const groupIds = (ix.enis.get(eniId)?.Groups ?? []).map((g) => g.GroupId);
  const memberOf = (groupId: string | undefined): boolean =>
    [...ix.enis.values()].some(
      (eni) => eni.PrivateIpAddress === src && (eni.Groups ?? []).some((g) => g.GroupId === groupId),
    );
  return groupIds.some((groupId) =>
    (ix.groups.get(groupId ?? "")?.IpPermissions ?? []).some((perm) => {
      if (perm.IpProtocol !== "-1" && perm.IpProtocol !== "tcp") return false;
      if (perm.IpProtocol === "tcp" && !portIn(port, perm.FromPort, perm.ToPort)) return false;
      const fromCidr = (perm.IpRanges ?? []).some((r) => inCidr(src, r.CidrIp ?? ""));
      const fromList = (perm.PrefixListIds ?? []).some((p) =>
        (ix.prefixLists.get(p.PrefixListId ?? "")?.Entries ?? []).some((e) => inCidr(src, e.Cidr ?? "")),
      );
      const fromGroup = (perm.UserIdGroupPairs ?? []).some((pair) => memberOf(pair.GroupId));
      return fromCidr || fromList || fromGroup;
    }),
  );
}

/** The first matching inbound entry of the subnet's network ACL decides (stateless, TCP only). */
export function naclAllowsIngress(ix: WorldIndex, subnetId: string, src: string, port: number): boolean {
  const acl = [...ix.acls.values()].find((a) => (a.Associations ?? []).some((s) => s.SubnetId === subnetId));
  const entries = (acl?.Entries ?? [])
    .filter((e) => e.Egress === false)
    .sort((a, b) => (a.RuleNumber ?? 0) - (b.RuleNumber ?? 0));
  const match = entries.find(
    (e) =>
      (e.Protocol === "-1" || e.Protocol === "6") &&
      (e.Protocol === "-1" || portIn(port, e.PortRange?.From, e.PortRange?.To)) &&
      inCidr(src, e.CidrBlock ?? ""),
  );
  return match?.RuleAction === "allow";
}

/** Inbound to an ENI: the subnet's NACL applies only to traffic from outside the subnet. */
export function expectedIngressAction(ix: WorldIndex, eniId: string, src: string, port: number): string {
  const eni = ix.enis.get(eniId);
  const cidr = ix.subnets.get(eni?.SubnetId ?? "")?.CidrBlock ?? "";
  const naclOk = inCidr(src, cidr) || naclAllowsIngress(ix, eni?.SubnetId ?? "", src, port);
  return naclOk && sgAllowsIngress(ix, eniId, src, port) ? "ACCEPT" : "REJECT";
}
