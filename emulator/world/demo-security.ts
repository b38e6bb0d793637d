import type { IpPermission } from "@aws-sdk/client-ec2";
import { type DemoContext, demoTags, type Ec2Item, mustGet } from "./demo-context";
import type { DemoNetwork } from "./demo-network";
import type { PrefixListSpec, RuleSpec, SecurityGroupSpec, SourceSpec } from "./demo-spec";
import type { CliShape, WorldPrefixList } from "./types";

export interface GroupRef {
  GroupId: string;
  GroupName: string;
}

export interface DemoSecurity {
  securityGroups: Ec2Item<"SecurityGroups">[];
  prefixLists: WorldPrefixList[];
  /** A group by spec key; each VPC's default group is `<vpc>-default`. */
  group(key: string): GroupRef & { vpcKey: string };
  prefixListId(key: string): string;
}

/** Every VPC's default group: all traffic from members of itself. */
function defaultGroupSpec(vpcKey: string): SecurityGroupSpec {
  const key = `${vpcKey}-default`;
  return {
    key,
    vpc: vpcKey,
    description: "default VPC security group",
    ingress: [{ protocol: "-1", sources: [{ group: key }] }],
  };
}

const ALL_EGRESS: RuleSpec = { protocol: "-1", sources: [{ cidr: "0.0.0.0/0" }] };

export function buildSecurity(
  ctx: DemoContext,
  net: DemoNetwork,
  customGroups: readonly SecurityGroupSpec[],
  prefixListSpecs: readonly PrefixListSpec[],
): DemoSecurity {
  const prefixListIds = new Map(
    prefixListSpecs.map((spec) => [spec.key, spec.awsManaged?.id ?? ctx.ids.id("pl", spec.key)]),
  );
  const prefixListId = (key: string) => mustGet(prefixListIds, key, "prefix list");
  const specs = [...net.vpcs.map((v) => defaultGroupSpec(v.spec.key)), ...customGroups];
  const refs = new Map(
    specs.map((spec) => [
      spec.key,
      {
        GroupId: ctx.ids.id("sg", spec.key),
        GroupName: spec.key.endsWith("-default") ? "default" : spec.key,
        vpcKey: spec.vpc,
      },
    ]),
  );
  const group = (key: string) => mustGet(refs, key, "security group");
  const pick = <T>(rule: RuleSpec, make: (s: SourceSpec) => T | undefined): T[] =>
    rule.sources.flatMap((s) => {
      const made = make(s);
      return made === undefined ? [] : [made];
    });

  const permission = (rule: RuleSpec, vpcKey: string): CliShape<IpPermission> => ({
    IpProtocol: rule.protocol,
    ...(rule.from === undefined ? {} : { FromPort: rule.from, ToPort: rule.to ?? rule.from }),
    IpRanges: pick(rule, (s) => ("cidr" in s ? { CidrIp: s.cidr, ...desc(s.description) } : undefined)),
    Ipv6Ranges: pick(rule, (s) =>
      "cidrV6" in s ? { CidrIpv6: s.cidrV6, ...desc(s.description) } : undefined,
    ),
    PrefixListIds: pick(rule, (s) =>
      "prefixList" in s ? { PrefixListId: prefixListId(s.prefixList), ...desc(s.description) } : undefined,
    ),
    UserIdGroupPairs: pick(rule, (s) => {
      if (!("group" in s)) return undefined;
      const ref = group(s.group);
      if (ref.vpcKey !== vpcKey) throw new Error(`rule in ${vpcKey} refers to ${s.group} in another VPC`);
      return { GroupId: ref.GroupId, UserId: ctx.accountId, ...desc(s.description) };
    }),
  });

  const securityGroups = specs.map((spec): Ec2Item<"SecurityGroups"> => {
    const { GroupId, GroupName } = group(spec.key);
    const isDefault = GroupName === "default";
    return {
      GroupId,
      GroupName,
      Description: spec.description,
      VpcId: net.vpc(spec.vpc).id,
      OwnerId: ctx.accountId,
      SecurityGroupArn: ctx.arn("ec2", `security-group/${GroupId}`),
      IpPermissions: spec.ingress.map((rule) => permission(rule, spec.vpc)),
      IpPermissionsEgress: (spec.egress ?? [ALL_EGRESS]).map((rule) => permission(rule, spec.vpc)),
      ...(isDefault ? {} : { Tags: demoTags(spec.key, spec.vpc) }),
    };
  });
  const prefixLists = prefixListSpecs.map((spec) => buildPrefixList(ctx, spec, prefixListId(spec.key)));
  return { securityGroups, prefixLists, group, prefixListId };
}

const desc = (description: string | undefined): { Description?: string } =>
  description === undefined ? {} : { Description: description };

function buildPrefixList(ctx: DemoContext, spec: PrefixListSpec, id: string): WorldPrefixList {
  const entries = spec.entries.map((e) => ({ ...e }));
  if (spec.awsManaged)
    // As DescribeManagedPrefixLists shows AWS's lists: owner "AWS", an `aws` ARN, no version or limit.
    return {
      PrefixListId: id,
      AddressFamily: "IPv4",
      State: "create-complete",
      PrefixListArn: `arn:aws:ec2:${ctx.region}:aws:prefix-list/${id}`,
      PrefixListName: spec.name,
      Tags: [],
      OwnerId: "AWS",
      Entries: entries,
    };
  return {
    PrefixListId: id,
    AddressFamily: "IPv4",
    State: "create-complete",
    PrefixListArn: ctx.arn("ec2", `prefix-list/${id}`),
    PrefixListName: spec.name,
    MaxEntries: spec.maxEntries ?? entries.length,
    Version: 1,
    Tags: [{ Key: "Name", Value: spec.name }],
    OwnerId: ctx.accountId,
    Entries: entries,
  };
}
