import type { _InstanceType } from "@aws-sdk/client-ec2";
import { DAY, type DemoContext, demoTags, type Ec2Item } from "./demo-context";
import { type DemoInterface, macAddress, networkInterface } from "./demo-interfaces";
import { type AddressAllocator, privateDnsName, publicDnsName } from "./demo-ip";
import type { DemoNetwork } from "./demo-network";
import type { DemoSecurity } from "./demo-security";
import { ADDRESS_POOLS, type InstanceSpec } from "./demo-spec";

export interface DemoInstances {
  reservations: Ec2Item<"Reservations">[];
  networkInterfaces: Ec2Item<"NetworkInterfaces">[];
  interfaces: DemoInterface[];
}

export function buildInstances(
  ctx: DemoContext,
  net: DemoNetwork,
  security: DemoSecurity,
  addresses: AddressAllocator,
  specs: readonly InstanceSpec[],
): DemoInstances {
  const out: DemoInstances = { reservations: [], networkInterfaces: [], interfaces: [] };
  for (const spec of specs) {
    const subnet = net.subnet(spec.subnet);
    const groups = spec.groups.map((key) => {
      const ref = security.group(key);
      if (ref.vpcKey !== subnet.vpc.spec.key) throw new Error(`${spec.key} uses ${key} from another VPC`);
      return { GroupId: ref.GroupId, GroupName: ref.GroupName };
    });
    const iface: DemoInterface = {
      key: spec.key,
      kind: "instance",
      eniId: ctx.ids.id("eni", spec.key),
      privateIp: addresses.inSubnet(subnet.spec.cidr, spec.key),
      ...(spec.publicIp
        ? {
            publicIp: addresses.inPool(
              subnet.vpc.spec.publicPool ?? ADDRESS_POOLS.awsPublic,
              `public:${spec.key}`,
            ),
          }
        : {}),
      instanceId: ctx.ids.id("i", spec.key),
      subnet,
      groupKeys: spec.groups,
    };
    const rng = ctx.rng(`launch:${spec.key}`);
    const launchTime = ctx.timeBefore(rng.int(20, 120) * DAY + rng.int(0, DAY - 1));
    const mac = macAddress(ctx, spec.key);
    const association = iface.publicIp
      ? { IpOwnerId: "amazon", PublicDnsName: publicDnsName(iface.publicIp), PublicIp: iface.publicIp }
      : undefined;
    const attachment = {
      AttachTime: launchTime,
      AttachmentId: ctx.ids.id("eni-attach", spec.key),
      DeleteOnTermination: true,
      DeviceIndex: 0,
      NetworkCardIndex: 0,
    };
    const eni = networkInterface(ctx, {
      iface,
      mac,
      groups,
      ...(association ? { association } : {}),
      attachment: {
        ...attachment,
        InstanceId: iface.instanceId,
        InstanceOwnerId: ctx.accountId,
        Status: "attached",
      },
      description: "",
    });
    out.networkInterfaces.push(eni);
    out.interfaces.push(iface);
    out.reservations.push({
      Groups: [],
      Instances: [
        {
          AmiLaunchIndex: 0,
          ImageId: ctx.ids.id("ami", "al2023-x86_64"),
          InstanceId: iface.instanceId,
          InstanceType: spec.instanceType as _InstanceType,
          KeyName: "flowscope-demo",
          LaunchTime: launchTime,
          Monitoring: { State: "disabled" },
          Placement: {
            AvailabilityZone: subnet.spec.az.name,
            AvailabilityZoneId: subnet.spec.az.id,
            GroupName: "",
            Tenancy: "default",
          },
          PrivateDnsName: privateDnsName(iface.privateIp),
          PrivateIpAddress: iface.privateIp,
          ProductCodes: [],
          ...(association
            ? { PublicDnsName: association.PublicDnsName, PublicIpAddress: association.PublicIp }
            : {}),
          ...instanceState(ctx, spec),
          SubnetId: subnet.id,
          VpcId: subnet.vpc.id,
          Architecture: "x86_64",
          EbsOptimized: true,
          EnaSupport: true,
          Hypervisor: "xen",
          NetworkInterfaces: [
            {
              ...(association ? { Association: association } : {}),
              Attachment: { ...attachment, Status: "attached" },
              Description: "",
              Groups: groups,
              Ipv6Addresses: [],
              MacAddress: mac,
              NetworkInterfaceId: iface.eniId,
              OwnerId: ctx.accountId,
              PrivateDnsName: eni.PrivateDnsName,
              PrivateIpAddress: iface.privateIp,
              PrivateIpAddresses: eni.PrivateIpAddresses,
              SourceDestCheck: true,
              Status: "in-use",
              SubnetId: subnet.id,
              VpcId: subnet.vpc.id,
              InterfaceType: "interface",
            },
          ],
          RootDeviceName: "/dev/xvda",
          RootDeviceType: "ebs",
          SecurityGroups: groups,
          SourceDestCheck: true,
          Tags: [...demoTags(spec.key, subnet.vpc.spec.key), { Key: "Role", Value: spec.role }],
          VirtualizationType: "hvm",
          PlatformDetails: "Linux/UNIX",
          UsageOperation: "RunInstances",
        },
      ],
      OwnerId: ctx.accountId,
      ReservationId: ctx.ids.id("r", spec.key),
    });
  }
  return out;
}

/**
 * Running, or stopped by a user a day and a half before now (StateTransitionReason and StateReason as
 * EC2 reports a user-initiated stop).
 */
function instanceState(ctx: DemoContext, spec: InstanceSpec) {
  if (spec.state !== "stopped")
    return { State: { Code: 16, Name: "running" as const }, StateTransitionReason: "" };
  const stopped = ctx.timeBefore(36 * 3600 + ctx.rng(`stopped:${spec.key}`).int(0, 3599));
  const gmt = `${stopped.slice(0, 10)} ${stopped.slice(11, 19)} GMT`;
  return {
    State: { Code: 80, Name: "stopped" as const },
    StateTransitionReason: `User initiated (${gmt})`,
    StateReason: {
      Code: "Client.UserInitiatedShutdown",
      Message: "Client.UserInitiatedShutdown: User initiated shutdown",
    },
  };
}
