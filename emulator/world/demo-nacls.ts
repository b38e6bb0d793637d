import type { NetworkAclEntry } from "@aws-sdk/client-ec2";
import { type DemoContext, demoTags, type Ec2Item } from "./demo-context";
import type { BuiltVpc, DemoNetwork } from "./demo-network";
import type { NaclSpec } from "./demo-spec";
import { ANYWHERE, naclRule } from "./demo-spec-rules";
import type { CliShape } from "./types";

type Entry = CliShape<NetworkAclEntry>;

/** The explicit deny every NACL ends with (IPv4 only: the demo VPCs have no IPv6). */
const finalDenies = [
  naclRule(32767, "out", "deny", "-1", ANYWHERE),
  naclRule(32767, "in", "deny", "-1", ANYWHERE),
];

/** Each VPC's default NACL (allow all, rule 100) plus the custom ones; every subnet in exactly one. */
export function buildNetworkAcls(
  ctx: DemoContext,
  net: DemoNetwork,
  custom: readonly NaclSpec[],
): Ec2Item<"NetworkAcls">[] {
  const claimed = new Set(custom.flatMap((spec) => spec.subnets));
  const acls: Ec2Item<"NetworkAcls">[] = [];
  for (const vpc of net.vpcs) {
    const defaultSubnets = net.subnets.filter((s) => s.vpc === vpc && !claimed.has(s.spec.key));
    const entries = [
      naclRule(100, "out", "allow", "-1", ANYWHERE),
      naclRule(100, "in", "allow", "-1", ANYWHERE),
    ];
    acls.push(
      acl(
        ctx,
        net,
        vpc,
        `${vpc.spec.key}-default`,
        defaultSubnets.map((s) => s.spec.key),
        entries,
        true,
      ),
    );
    for (const spec of custom.filter((c) => c.vpc === vpc.spec.key)) {
      acls.push(acl(ctx, net, vpc, spec.key, spec.subnets, spec.entries, false));
    }
  }
  return acls;
}

function acl(
  ctx: DemoContext,
  net: DemoNetwork,
  vpc: BuiltVpc,
  key: string,
  subnetKeys: string[],
  entries: Entry[],
  isDefault: boolean,
): Ec2Item<"NetworkAcls"> {
  const id = ctx.ids.id("acl", key);
  const all = [...entries, ...finalDenies].sort(
    (a, b) => Number(b.Egress) - Number(a.Egress) || (a.RuleNumber ?? 0) - (b.RuleNumber ?? 0),
  );
  return {
    Associations: subnetKeys.map((subnetKey) => {
      const subnet = net.subnet(subnetKey);
      if (subnet.vpc !== vpc) throw new Error(`${key} cannot hold ${subnetKey} from another VPC`);
      return {
        NetworkAclAssociationId: ctx.ids.id("aclassoc", subnetKey),
        NetworkAclId: id,
        SubnetId: subnet.id,
      };
    }),
    Entries: all,
    IsDefault: isDefault,
    NetworkAclId: id,
    ...(isDefault ? {} : { Tags: demoTags(key, vpc.spec.key) }),
    VpcId: vpc.id,
    OwnerId: ctx.accountId,
  };
}
