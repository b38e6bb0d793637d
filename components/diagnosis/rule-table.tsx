import type { Explanation } from "@/lib/diagnosis/verdict";
import type { IpPermission, NetworkAcl, SecurityGroup } from "@/lib/topology/types";

const cell = "border-b border-slate-100 px-2 py-1";
const proto = (p: string | undefined) =>
  p === "-1" ? "all" : p === "6" ? "tcp" : p === "17" ? "udp" : p === "1" ? "icmp" : (p ?? "all");

/** Every rule of the NACL in that direction, in evaluation order, the matching one highlighted. */
export function AclRuleTable({ acl, explanation }: { acl: NetworkAcl; explanation: Explanation }) {
  const egress = explanation.direction === "egress";
  const entries = (acl.Entries ?? [])
    .filter((e) => Boolean(e.Egress) === egress && e.RuleNumber !== undefined && e.RuleNumber < 32767)
    .sort((a, b) => (a.RuleNumber ?? 0) - (b.RuleNumber ?? 0));
  const rows = [
    ...entries.map((e) => ({
      n: e.RuleNumber ?? 0,
      label: String(e.RuleNumber),
      proto: proto(e.Protocol),
      ports: e.PortRange
        ? `${e.PortRange.From}-${e.PortRange.To}`
        : e.IcmpTypeCode
          ? `type ${e.IcmpTypeCode.Type}`
          : "all",
      cidr: e.CidrBlock ?? e.Ipv6CidrBlock ?? "",
      action: e.RuleAction ?? "",
    })),
    { n: 32767, label: "*", proto: "all", ports: "all", cidr: "0.0.0.0/0", action: "deny" },
  ];
  return (
    <table className="w-full text-left text-xs" data-testid="rule-table">
      <caption className="text-left text-sm font-semibold">
        {acl.NetworkAclId} {egress ? "outbound" : "inbound"} rules
      </caption>
      <thead>
        <tr>
          {["Rule", "Protocol", "Ports", egress ? "Destination" : "Source", "Action"].map((h) => (
            <th key={h} className={cell}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const hit =
            r.n === explanation.ruleNumber || (r.label === "*" && (explanation.ruleNumber ?? 0) >= 32767);
          return (
            <tr
              key={r.label}
              data-testid={hit ? "blocking-rule" : undefined}
              aria-current={hit ? "true" : undefined}
              className={hit ? "bg-red-100 font-semibold text-red-900" : ""}
            >
              <td className={cell}>{r.label}</td>
              <td className={cell}>{r.proto}</td>
              <td className={cell}>{r.ports}</td>
              <td className={cell}>{r.cidr}</td>
              <td className={cell}>{r.action}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const peers = (p: IpPermission) =>
  [
    ...(p.IpRanges ?? []).map((r) => r.CidrIp),
    ...(p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6),
    ...(p.PrefixListIds ?? []).map((r) => r.PrefixListId),
    ...(p.UserIdGroupPairs ?? []).map((r) => r.GroupId),
  ].join(", ");

/** A security group's rules in that direction: none of them matched, which is the finding. */
export function SgRuleTable({ group, explanation }: { group: SecurityGroup; explanation: Explanation }) {
  const egress = explanation.direction === "egress";
  const rules = (egress ? group.IpPermissionsEgress : group.IpPermissions) ?? [];
  return (
    <table className="w-full text-left text-xs" data-testid="rule-table">
      <caption className="text-left text-sm font-semibold">
        {group.GroupId} {group.GroupName ? `(${group.GroupName})` : ""} {egress ? "outbound" : "inbound"}{" "}
        rules — none matches
      </caption>
      <tbody>
        {rules.map((r) => (
          <tr key={`${r.IpProtocol}-${r.FromPort}-${r.ToPort}-${peers(r)}`}>
            <td className={cell}>{proto(r.IpProtocol)}</td>
            <td className={cell}>{r.FromPort === undefined ? "all" : `${r.FromPort}-${r.ToPort}`}</td>
            <td className={cell}>{peers(r)}</td>
          </tr>
        ))}
        <tr data-testid="blocking-rule" className="bg-red-100 font-semibold text-red-900">
          <td className={cell} colSpan={3}>
            (implicit) everything else is denied
          </td>
        </tr>
      </tbody>
    </table>
  );
}
