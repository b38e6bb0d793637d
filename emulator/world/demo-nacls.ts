import type { NetworkAclEntry } from "@aws-sdk/client-ec2";
import { type DemoContext, demoTags, type Ec2Item } from "./demo-context";
import type { BuiltVpc, DemoNetwork } from "./demo-network";
import type { CliShape } from "./types";

type Entry = CliShape<NetworkAclEntry>;

export interface NaclSpec {
  /** Also the Name tag. */
  key: string;
  vpc: string;
  subnets: string[];
  entries: Entry[];
}

const ANYWHERE = "0.0.0.0/0";
const rule = (
  RuleNumber: number,
  Egress: boolean,
  RuleAction: "allow" | "deny",
  Protocol: "-1" | "6" | "17",
  CidrBlock: string,
  ports?: [number, number],
): Entry => ({
  CidrBlock,
  Egress,
  Protocol,
  ...(ports ? { PortRange: { From: ports[0], To: ports[1] } } : {}),
  RuleAction,
  RuleNumber,
});

/** The explicit deny every NACL ends with (IPv4 only: the demo VPCs have no IPv6). */
const finalDenies = [rule(32767, true, "deny", "-1", ANYWHERE), rule(32767, false, "deny", "-1", ANYWHERE)];

/**
 * prod's private subnets: app traffic from the public subnets, PostgreSQL only between private
 * subnets (rule 125 denies it from anywhere else, ahead of the ephemeral-port allow), and return
 * traffic on the ephemeral range in both directions, which the stateless NACL needs.
 */
export const DEMO_NACLS: NaclSpec[] = [
  {
    key: "prod-private-nacl",
    vpc: "prod",
    subnets: ["prod-private-a", "prod-private-b"],
    entries: [
      rule(100, true, "allow", "6", ANYWHERE, [443, 443]),
      rule(110, true, "allow", "6", ANYWHERE, [80, 80]),
      rule(120, true, "allow", "6", "10.0.10.0/23", [5432, 5432]),
      rule(130, true, "allow", "6", ANYWHERE, [1024, 65535]),
      rule(140, true, "allow", "17", ANYWHERE, [123, 123]),
      rule(100, false, "allow", "6", "10.0.0.0/23", [8080, 8080]),
      rule(110, false, "allow", "6", "10.0.0.0/24", [22, 22]),
      rule(120, false, "allow", "6", "10.0.10.0/23", [5432, 5432]),
      rule(125, false, "deny", "6", ANYWHERE, [5432, 5432]),
      rule(130, false, "allow", "6", ANYWHERE, [1024, 65535]),
      rule(140, false, "allow", "17", ANYWHERE, [1024, 65535]),
    ],
  },
];

/** Each VPC's default NACL (allow all, rule 100) plus the custom ones; every subnet in exactly one. */
export function buildNetworkAcls(
  ctx: DemoContext,
  net: DemoNetwork,
  custom: NaclSpec[] = DEMO_NACLS,
): Ec2Item<"NetworkAcls">[] {
  const claimed = new Set(custom.flatMap((spec) => spec.subnets));
  const acls: Ec2Item<"NetworkAcls">[] = [];
  for (const vpc of net.vpcs) {
    const defaultSubnets = net.subnets.filter((s) => s.vpc === vpc && !claimed.has(s.spec.key));
    const entries = [rule(100, true, "allow", "-1", ANYWHERE), rule(100, false, "allow", "-1", ANYWHERE)];
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
