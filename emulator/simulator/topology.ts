import type { SgContext } from "../../lib/diagnosis/security-groups";
import type {
  Instance,
  NetworkAcl,
  RouteTable,
  SecurityGroup,
  Subnet,
  Tag,
  Vpc,
} from "../../lib/topology/types";
import type { World, WorldTrafficFlow } from "../world/types";
import { indexOf } from "./topology-index";

/** One network interface as the simulator needs it. */
export interface Eni {
  id: string;
  ip: string;
  /** Every private IPv4 address (security-group references match any of them). */
  ips: string[];
  publicIp?: string;
  subnet: Subnet & { SubnetId: string };
  vpcId: string;
  groups: SecurityGroup[];
  instance?: Instance;
  /** The attached instance's id, whether or not the world describes the instance. */
  instanceId?: string;
  /** A NAT gateway's ENI: its gateway id. */
  natGatewayId?: string;
  interfaceType: string;
  ownerId: string;
  tags: Tag[];
  /** In use and, if attached to an instance, the instance is running (or, for a NAT gateway, available). */
  active: boolean;
}

export interface NatGatewayInfo {
  id: string;
  eni?: Eni;
  available: boolean;
}

export interface Topology {
  region: string;
  enis: Eni[];
  eniById: ReadonlyMap<string, Eni>;
  vpcs: ReadonlyMap<string, Vpc>;
  acls: NetworkAcl[];
  routeTables: RouteTable[];
  natGateways: ReadonlyMap<string, NatGatewayInfo>;
  /** VPC ids with an attached internet gateway, by gateway id. */
  igwVpcs: ReadonlyMap<string, string>;
  sg: SgContext;
  prefixListCidrs: (id: string) => string[];
  /** The world's own traffic flows (World.traffic). */
  traffic: readonly WorldTrafficFlow[];
}

const isAttached = (state: string | undefined) => state === "available" || state === "attached";

/** Indexes a world's EC2 shapes; every member may be missing, as in a hand-written world file. */
export function buildTopology(world: World): Topology {
  const ec2 = world.ec2 ?? {};
  const subnets = new Map((ec2.Subnets ?? []).flatMap((s) => (s.SubnetId ? [[s.SubnetId, s] as const] : [])));
  const groups = new Map<string, SecurityGroup>(
    (ec2.SecurityGroups ?? []).flatMap((g) => (g.GroupId ? [[g.GroupId, g] as const] : [])),
  );
  const instances = new Map<string, Instance>(
    (ec2.Reservations ?? [])
      .flatMap((r) => r.Instances ?? [])
      .flatMap((i) => (i.InstanceId ? [[i.InstanceId, i] as const] : [])),
  );
  const natByEni = new Map<string, { id: string; available: boolean }>();
  for (const nat of ec2.NatGateways ?? []) {
    for (const address of nat.NatGatewayAddresses ?? []) {
      if (nat.NatGatewayId && address.NetworkInterfaceId)
        natByEni.set(address.NetworkInterfaceId, {
          id: nat.NatGatewayId,
          available: nat.State === "available",
        });
    }
  }
  const enis: Eni[] = [];
  for (const raw of ec2.NetworkInterfaces ?? []) {
    const subnet = raw.SubnetId ? subnets.get(raw.SubnetId) : undefined;
    const ip = raw.PrivateIpAddress ?? raw.PrivateIpAddresses?.find((a) => a.Primary)?.PrivateIpAddress;
    if (!raw.NetworkInterfaceId || !subnet?.SubnetId || !ip) continue;
    const instanceId = raw.Attachment?.InstanceId;
    const instance = instanceId ? instances.get(instanceId) : undefined;
    const nat = natByEni.get(raw.NetworkInterfaceId);
    // An instance the world does not describe is taken to be running.
    const running = instance ? instance.State?.Name === "running" : (nat?.available ?? true);
    const publicIp =
      raw.Association?.PublicIp ??
      raw.PrivateIpAddresses?.find((a) => a.Association?.PublicIp)?.Association?.PublicIp;
    enis.push({
      id: raw.NetworkInterfaceId,
      ip,
      ips: (raw.PrivateIpAddresses ?? []).flatMap((a) => (a.PrivateIpAddress ? [a.PrivateIpAddress] : [])),
      ...(publicIp ? { publicIp } : {}),
      subnet: { ...subnet, SubnetId: subnet.SubnetId },
      vpcId: raw.VpcId ?? subnet.VpcId ?? "",
      groups: (raw.Groups ?? []).flatMap((g) => {
        const group = g.GroupId ? groups.get(g.GroupId) : undefined;
        return group ? [group] : [];
      }),
      ...(instance ? { instance } : {}),
      ...(instanceId ? { instanceId } : {}),
      ...(nat ? { natGatewayId: nat.id } : {}),
      interfaceType: raw.InterfaceType ?? "interface",
      ownerId: raw.OwnerId ?? world.accountId,
      tags: raw.TagSet ?? [],
      active: (raw.Status ?? "in-use") === "in-use" && running,
    });
  }
  for (const eni of enis) if (!eni.ips.includes(eni.ip)) eni.ips.unshift(eni.ip);
  const eniById = new Map(enis.map((e) => [e.id, e]));
  const prefixLists = new Map(
    (ec2.ManagedPrefixLists ?? []).map((p) => [
      p.PrefixListId ?? "",
      (p.Entries ?? []).flatMap((e) => (e.Cidr ? [e.Cidr] : [])),
    ]),
  );
  const prefixListCidrs = (id: string) => prefixLists.get(id) ?? [];
  const members = new Map<string, string[]>();
  for (const eni of enis)
    for (const group of eni.groups) {
      const list = members.get(group.GroupId ?? "") ?? [];
      list.push(...eni.ips);
      members.set(group.GroupId ?? "", list);
    }
  const igwVpcs = new Map<string, string>();
  for (const igw of ec2.InternetGateways ?? [])
    for (const a of igw.Attachments ?? [])
      if (igw.InternetGatewayId && a.VpcId && isAttached(a.State))
        igwVpcs.set(igw.InternetGatewayId, a.VpcId);
  const natGateways = new Map<string, NatGatewayInfo>();
  for (const nat of ec2.NatGateways ?? []) {
    if (!nat.NatGatewayId) continue;
    const eniId = nat.NatGatewayAddresses?.find((a) => a.NetworkInterfaceId)?.NetworkInterfaceId;
    const eni = eniId ? eniById.get(eniId) : undefined;
    natGateways.set(nat.NatGatewayId, {
      id: nat.NatGatewayId,
      ...(eni ? { eni } : {}),
      available: nat.State === "available",
    });
  }
  return {
    region: world.region,
    enis,
    eniById,
    vpcs: new Map<string, Vpc>((ec2.Vpcs ?? []).flatMap((v) => (v.VpcId ? [[v.VpcId, v] as const] : []))),
    acls: ec2.NetworkAcls ?? [],
    routeTables: ec2.RouteTables ?? [],
    natGateways,
    igwVpcs,
    sg: { prefixListCidrs, groupMemberIps: (id) => members.get(id) ?? [] },
    prefixListCidrs,
    traffic: world.traffic ?? [],
  };
}

const topologies = new WeakMap<World, Topology>();

/** The world's topology, built once per world snapshot (the emulator's state replaces, never mutates, it). */
export function topologyOf(world: World): Topology {
  let topology = topologies.get(world);
  if (!topology) {
    topology = buildTopology(world);
    topologies.set(world, topology);
  }
  return topology;
}

/** The ENIs a flow log on `resourceId` covers: a VPC's, a subnet's, or one interface. */
export function coveredEnis(topology: Topology, resourceId: string): Eni[] {
  if (resourceId.startsWith("vpc-")) return [...indexOf(topology).byVpc(resourceId)];
  if (resourceId.startsWith("subnet-")) return [...indexOf(topology).bySubnet(resourceId)];
  const eni = topology.eniById.get(resourceId);
  return eni ? [eni] : [];
}
