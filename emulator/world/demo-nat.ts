import { DAY, type DemoContext, demoTags, type Ec2Item } from "./demo-context";
import { type DemoInterface, macAddress, NAT_REQUESTER_ID, networkInterface } from "./demo-interfaces";
import { type AddressAllocator, publicDnsName } from "./demo-ip";
import type { DemoNetwork } from "./demo-network";
import { ADDRESS_POOLS } from "./demo-spec";

export interface DemoNatGateways {
  natGateways: Ec2Item<"NatGateways">[];
  networkInterfaces: Ec2Item<"NetworkInterfaces">[];
  interfaces: DemoInterface[];
}

/** The NAT gateway that lives in a public subnet (one per entry of a VPC's `natSubnets`). */
export const natGatewayId = (ctx: DemoContext, subnetKey: string): string => ctx.ids.id("nat", subnetKey);

/** Public NAT gateways with one Elastic IP each, and their requester-managed ENIs. */
export function buildNatGateways(
  ctx: DemoContext,
  net: DemoNetwork,
  addresses: AddressAllocator,
): DemoNatGateways {
  const out: DemoNatGateways = { natGateways: [], networkInterfaces: [], interfaces: [] };
  for (const vpc of net.vpcs) {
    for (const subnetKey of vpc.spec.natSubnets) {
      const subnet = net.subnet(subnetKey);
      if (subnet.spec.tier !== "public") throw new Error(`NAT gateway subnet ${subnetKey} is not public`);
      const key = `${subnetKey}-nat`;
      const natId = natGatewayId(ctx, subnetKey);
      const iface: DemoInterface = {
        key,
        kind: "natGateway",
        eniId: ctx.ids.id("eni", key),
        privateIp: addresses.inSubnet(subnet.spec.cidr, key),
        publicIp: addresses.inPool(vpc.spec.publicPool ?? ADDRESS_POOLS.awsPublic, `eip:${key}`),
        subnet,
        groupKeys: [],
      };
      const publicIp = iface.publicIp ?? "";
      const allocationId = ctx.ids.id("eipalloc", key);
      const associationId = ctx.ids.id("eipassoc", key);
      const rng = ctx.rng(`created:${key}`);
      const createTime = ctx.timeBefore(rng.int(150, 200) * DAY + rng.int(0, DAY - 1));
      out.interfaces.push(iface);
      out.networkInterfaces.push(
        networkInterface(ctx, {
          iface,
          mac: macAddress(ctx, key),
          groups: [],
          association: {
            AllocationId: allocationId,
            AssociationId: associationId,
            IpOwnerId: ctx.accountId,
            PublicDnsName: publicDnsName(publicIp),
            PublicIp: publicIp,
          },
          attachment: {
            AttachTime: createTime,
            AttachmentId: ctx.ids.id("ela-attach", key),
            DeleteOnTermination: false,
            DeviceIndex: 1,
            InstanceOwnerId: "amazon-aws",
            NetworkCardIndex: 0,
            Status: "attached",
          },
          description: `Interface for NAT Gateway ${natId}`,
          requester: NAT_REQUESTER_ID,
          interfaceType: "natGateway",
        }),
      );
      out.natGateways.push({
        CreateTime: createTime,
        NatGatewayAddresses: [
          {
            AllocationId: allocationId,
            NetworkInterfaceId: iface.eniId,
            PrivateIp: iface.privateIp,
            PublicIp: publicIp,
            AssociationId: associationId,
            IsPrimary: true,
            Status: "succeeded",
          },
        ],
        NatGatewayId: natId,
        State: "available",
        SubnetId: subnet.id,
        VpcId: vpc.id,
        Tags: demoTags(key, vpc.spec.key),
        ConnectivityType: "public",
      });
    }
  }
  return out;
}
