/**
 * Interfaces that AWS services create in the account's subnets (RequesterManaged, no instance):
 * an Application Load Balancer's nodes, ElastiCache nodes, Lambda's VPC interfaces.
 */
import type { NetworkInterfaceType } from "@aws-sdk/client-ec2";
import { DAY, type DemoContext, type Ec2Item } from "./demo-context";
import { type DemoInterface, macAddress, networkInterface } from "./demo-interfaces";
import { type AddressAllocator, publicDnsName } from "./demo-ip";
import type { DemoNetwork } from "./demo-network";
import type { DemoSecurity } from "./demo-security";
import { ADDRESS_POOLS, type CacheSpec, type FunctionSpec, type LoadBalancerSpec } from "./demo-spec";

export interface DemoManagedEnis {
  networkInterfaces: Ec2Item<"NetworkInterfaces">[];
  interfaces: DemoInterface[];
}

interface Managed {
  key: string;
  kind: DemoInterface["kind"];
  subnetKey: string;
  groups: readonly string[];
  description: string;
  requester: string;
  interfaceType: NetworkInterfaceType;
  publicIp: boolean;
}

export function buildManagedEnis(
  ctx: DemoContext,
  net: DemoNetwork,
  security: DemoSecurity,
  addresses: AddressAllocator,
  specs: {
    loadBalancers: readonly LoadBalancerSpec[];
    caches: readonly CacheSpec[];
    functions: readonly FunctionSpec[];
  },
): DemoManagedEnis {
  const out: DemoManagedEnis = { networkInterfaces: [], interfaces: [] };
  const letter = (subnetKey: string) => subnetKey.slice(-1);
  const all: Managed[] = [
    ...specs.loadBalancers.flatMap((lb) => {
      // ELB names its interfaces after the load balancer's ARN suffix: app/<name>/<16 hex digits>.
      const arnId = ctx.rng(`alb:${lb.key}`).hex(16);
      return lb.subnets.map((subnetKey) => ({
        key: `${lb.key}-${letter(subnetKey)}`,
        kind: "loadBalancer" as const,
        subnetKey,
        groups: lb.groups,
        description: `ELB app/${lb.key}/${arnId}`,
        requester: "amazon-elb",
        interfaceType: "interface" as const,
        publicIp: true,
      }));
    }),
    ...specs.caches.flatMap((cache) =>
      cache.subnets.map((subnetKey, i) => ({
        key: `${cache.key}-${String(i + 1).padStart(3, "0")}`,
        kind: "cache" as const,
        subnetKey,
        groups: cache.groups,
        description: `ElastiCache ${cache.key}-0001-${String(i + 1).padStart(3, "0")}`,
        requester: "amazon-elasticache",
        interfaceType: "interface" as const,
        publicIp: false,
      })),
    ),
    ...specs.functions.flatMap((fn) =>
      Array.from({ length: fn.count }, (_, i) => {
        const subnetKey = fn.subnets[i % fn.subnets.length] ?? "";
        const uuid = ctx.rng(`lambda:${fn.key}:${i}`).hex(32);
        const id = `${uuid.slice(0, 8)}-${uuid.slice(8, 12)}-${uuid.slice(12, 16)}-${uuid.slice(16, 20)}-${uuid.slice(20)}`;
        return {
          key: `${fn.key}-${i + 1}`,
          kind: "function" as const,
          subnetKey,
          groups: fn.groups,
          description: `AWS Lambda VPC ENI-${fn.key}-${id}`,
          requester: `${ctx.accountId}:awslambda_${ctx.rng(`lambda:${fn.key}`).hex(12)}`,
          interfaceType: "lambda" as const,
          publicIp: false,
        };
      }),
    ),
  ];
  for (const m of all) {
    const subnet = net.subnet(m.subnetKey);
    const groups = m.groups.map((key) => {
      const ref = security.group(key);
      if (ref.vpcKey !== subnet.vpc.spec.key) throw new Error(`${m.key} uses ${key} from another VPC`);
      return { GroupId: ref.GroupId, GroupName: ref.GroupName };
    });
    const pool = subnet.vpc.spec.publicPool ?? ADDRESS_POOLS.awsPublic;
    const iface: DemoInterface = {
      key: m.key,
      kind: m.kind,
      eniId: ctx.ids.id("eni", m.key),
      privateIp: addresses.inSubnet(subnet.spec.cidr, m.key),
      ...(m.publicIp ? { publicIp: addresses.inPool(pool, `public:${m.key}`) } : {}),
      subnet,
      groupKeys: [...m.groups],
    };
    const rng = ctx.rng(`created:${m.key}`);
    const created = ctx.timeBefore(rng.int(30, 200) * DAY + rng.int(0, DAY - 1));
    out.interfaces.push(iface);
    out.networkInterfaces.push(
      networkInterface(ctx, {
        iface,
        mac: macAddress(ctx, m.key),
        groups,
        ...(iface.publicIp
          ? {
              association: {
                IpOwnerId: "amazon",
                PublicDnsName: publicDnsName(iface.publicIp),
                PublicIp: iface.publicIp,
              },
            }
          : {}),
        attachment: {
          AttachTime: created,
          AttachmentId: ctx.ids.id("ela-attach", m.key),
          DeleteOnTermination: false,
          DeviceIndex: 1,
          InstanceOwnerId: m.requester.split(":")[0] ?? m.requester,
          NetworkCardIndex: 0,
          Status: "attached",
        },
        description: m.description,
        requester: m.requester,
        interfaceType: m.interfaceType,
      }),
    );
  }
  return out;
}
