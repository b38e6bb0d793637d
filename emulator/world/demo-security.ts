import type { IpPermission } from "@aws-sdk/client-ec2";
import { type DemoContext, demoTags, type Ec2Item, mustGet } from "./demo-context";
import type { DemoNetwork } from "./demo-network";
import {
  DEMO_SECURITY_GROUPS,
  OFFICE_PREFIX_LIST,
  type PrefixListSpec,
  type RuleSpec,
  type SecurityGroupSpec,
} from "./demo-spec";
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

const ALL_EGRESS: CliShape<IpPermission> = {
  IpProtocol: "-1",
  IpRanges: [{ CidrIp: "0.0.0.0/0" }],
  Ipv6Ranges: [],
  PrefixListIds: [],
  UserIdGroupPairs: [],
};

export function buildSecurity(
  ctx: DemoContext,
  net: DemoNetwork,
  customGroups: SecurityGroupSpec[] = DEMO_SECURITY_GROUPS,
  prefixListSpecs: PrefixListSpec[] = [OFFICE_PREFIX_LIST],
): DemoSecurity {
  const prefixLists = prefixListSpecs.map((spec) => buildPrefixList(ctx, spec));
  const prefixListIds = new Map(prefixListSpecs.map((spec) => [spec.key, ctx.ids.id("pl", spec.key)]));
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

  const permission = (rule: RuleSpec, vpcKey: string): CliShape<IpPermission> => ({
    IpProtocol: rule.protocol,
    ...(rule.from === undefined ? {} : { FromPort: rule.from, ToPort: rule.to ?? rule.from }),
    IpRanges: rule.sources.flatMap((s) => ("cidr" in s ? [{ CidrIp: s.cidr, ...desc(s.description) }] : [])),
    Ipv6Ranges: rule.sources.flatMap((s) =>
      "cidrV6" in s ? [{ CidrIpv6: s.cidrV6, ...desc(s.description) }] : [],
    ),
    PrefixListIds: rule.sources.flatMap((s) =>
      "prefixList" in s
        ? [{ PrefixListId: mustGet(prefixListIds, s.prefixList, "prefix list"), ...desc(s.description) }]
        : [],
    ),
    UserIdGroupPairs: rule.sources.flatMap((s) => {
      if (!("group" in s)) return [];
      const ref = group(s.group);
      if (ref.vpcKey !== vpcKey) throw new Error(`rule in ${vpcKey} refers to ${s.group} in another VPC`);
      return [{ GroupId: ref.GroupId, UserId: ctx.accountId, ...desc(s.description) }];
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
      IpPermissionsEgress: [ALL_EGRESS],
      ...(isDefault ? {} : { Tags: demoTags(spec.key, spec.vpc) }),
    };
  });
  return { securityGroups, prefixLists, group };
}

const desc = (description: string | undefined): { Description?: string } =>
  description === undefined ? {} : { Description: description };

function buildPrefixList(ctx: DemoContext, spec: PrefixListSpec): WorldPrefixList {
  const id = ctx.ids.id("pl", spec.key);
  return {
    PrefixListId: id,
    AddressFamily: "IPv4",
    State: "create-complete",
    PrefixListArn: ctx.arn("ec2", `prefix-list/${id}`),
    PrefixListName: spec.name,
    MaxEntries: spec.maxEntries,
    Version: 1,
    Tags: [{ Key: "Name", Value: spec.name }],
    OwnerId: ctx.accountId,
    Entries: spec.entries.map((e) => ({ ...e })),
  };
}
