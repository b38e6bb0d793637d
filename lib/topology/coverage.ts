import { nameTag } from "./tags";
import type { FlowLog, Instance, NetworkInterface, RawTopology, Subnet, Vpc } from "./types";

export type CoverageLevel = "vpc" | "subnet" | "interface";
export type TrafficCoverage = "ALL" | "ACCEPT" | "REJECT" | "NONE";

export type FlowLogRef = {
  flowLogId: string;
  level: CoverageLevel;
  resourceId: string;
  trafficType: string;
  active: boolean;
  deliveryFailed: boolean;
  destination: string;
};

export type InterfaceCoverage = {
  id: string;
  label: string;
  type: string;
  privateIp?: string;
  publicIp?: string;
  instanceId?: string;
  subnetId?: string;
  flowLogs: FlowLogRef[];
  traffic: TrafficCoverage;
};

export type SubnetCoverage = {
  id: string;
  name?: string;
  cidr?: string;
  availabilityZone?: string;
  flowLogs: FlowLogRef[];
  traffic: TrafficCoverage;
  interfaces: InterfaceCoverage[];
};

export type VpcCoverage = {
  id: string;
  name?: string;
  cidrs: string[];
  ipv6Cidrs: string[];
  isDefault: boolean;
  state?: string;
  flowLogs: FlowLogRef[];
  traffic: TrafficCoverage;
  subnets: SubnetCoverage[];
  interfaceCount: number;
  counts: { subnetsCovered: number; interfacesCovered: number; interfacesPartial: number };
};

function refOf(log: FlowLog, level: CoverageLevel): FlowLogRef | undefined {
  if (!log.FlowLogId || !log.ResourceId) return undefined;
  return {
    flowLogId: log.FlowLogId,
    level,
    resourceId: log.ResourceId,
    trafficType: log.TrafficType ?? "ALL",
    active: (log.FlowLogStatus ?? "ACTIVE") === "ACTIVE",
    deliveryFailed: log.DeliverLogsStatus === "FAILED",
    destination: log.LogGroupName ?? log.LogDestination ?? log.LogDestinationType ?? "unknown",
  };
}

function levelOf(resourceId: string): CoverageLevel | undefined {
  if (resourceId.startsWith("vpc-")) return "vpc";
  if (resourceId.startsWith("subnet-")) return "subnet";
  if (resourceId.startsWith("eni-")) return "interface";
  return undefined; // transit gateway and other resource types do not cover VPC resources directly
}

/**
 * Which traffic the flow logs of a resource actually record, all levels merged: inactive logs and
 * logs whose delivery FAILED record nothing, so they do not count as coverage.
 */
export function trafficOf(refs: FlowLogRef[]): TrafficCoverage {
  const types = new Set(refs.filter((r) => r.active && !r.deliveryFailed).map((r) => r.trafficType));
  if (types.has("ALL") || (types.has("ACCEPT") && types.has("REJECT"))) return "ALL";
  if (types.has("ACCEPT")) return "ACCEPT";
  if (types.has("REJECT")) return "REJECT";
  return "NONE";
}

function interfaceLabel(eni: NetworkInterface, instance: Instance | undefined): string {
  return (
    nameTag(instance?.Tags) ?? nameTag(eni.TagSet) ?? (eni.Description || eni.InterfaceType || "interface")
  );
}

/** Flow-log coverage of every VPC, subnet and interface: direct or inherited from the VPC or subnet. */
export function computeCoverage(raw: RawTopology): VpcCoverage[] {
  const byResource = new Map<string, FlowLogRef[]>();
  for (const log of raw.FlowLogs) {
    const level = log.ResourceId ? levelOf(log.ResourceId) : undefined;
    const ref = level && refOf(log, level);
    if (!ref) continue;
    byResource.set(ref.resourceId, [...(byResource.get(ref.resourceId) ?? []), ref]);
  }
  const instances = new Map<string, Instance>();
  for (const r of raw.Reservations)
    for (const i of r.Instances ?? []) if (i.InstanceId) instances.set(i.InstanceId, i);

  const refs = (id: string | undefined) => (id ? (byResource.get(id) ?? []) : []);
  return raw.Vpcs.filter((v): v is Vpc & { VpcId: string } => Boolean(v.VpcId)).map((vpc) => {
    const vpcRefs = refs(vpc.VpcId);
    const subnets = raw.Subnets.filter((s) => s.VpcId === vpc.VpcId).map((s) =>
      subnetCoverage(s, vpcRefs, raw.NetworkInterfaces, instances, refs),
    );
    const interfaces = subnets.flatMap((s) => s.interfaces);
    return {
      id: vpc.VpcId,
      name: nameTag(vpc.Tags),
      cidrs: vpcCidrs(vpc),
      ipv6Cidrs: (vpc.Ipv6CidrBlockAssociationSet ?? []).flatMap((a) =>
        a.Ipv6CidrBlock ? [a.Ipv6CidrBlock] : [],
      ),
      isDefault: vpc.IsDefault ?? false,
      state: vpc.State,
      flowLogs: vpcRefs,
      traffic: trafficOf(vpcRefs),
      subnets,
      interfaceCount: interfaces.length,
      counts: {
        subnetsCovered: subnets.filter((s) => s.traffic !== "NONE").length,
        interfacesCovered: interfaces.filter((i) => i.traffic === "ALL").length,
        interfacesPartial: interfaces.filter((i) => i.traffic === "ACCEPT" || i.traffic === "REJECT").length,
      },
    };
  });
}

function vpcCidrs(vpc: Vpc): string[] {
  const associated = (vpc.CidrBlockAssociationSet ?? [])
    .filter((a) => !a.CidrBlockState?.State || a.CidrBlockState.State === "associated")
    .flatMap((a) => (a.CidrBlock ? [a.CidrBlock] : []));
  const all = vpc.CidrBlock ? [vpc.CidrBlock, ...associated] : associated;
  return [...new Set(all)];
}

function subnetCoverage(
  subnet: Subnet,
  vpcRefs: FlowLogRef[],
  enis: NetworkInterface[],
  instances: Map<string, Instance>,
  refs: (id: string | undefined) => FlowLogRef[],
): SubnetCoverage {
  const subnetRefs = [...vpcRefs, ...refs(subnet.SubnetId)];
  const interfaces = enis
    .filter((e) => e.SubnetId === subnet.SubnetId && e.NetworkInterfaceId)
    .map((eni): InterfaceCoverage => {
      const instanceId = eni.Attachment?.InstanceId;
      const all = [...subnetRefs, ...refs(eni.NetworkInterfaceId)];
      return {
        id: eni.NetworkInterfaceId ?? "",
        label: interfaceLabel(eni, instanceId ? instances.get(instanceId) : undefined),
        type: eni.InterfaceType ?? "interface",
        privateIp: eni.PrivateIpAddress,
        publicIp: eni.Association?.PublicIp,
        instanceId,
        subnetId: eni.SubnetId,
        flowLogs: all,
        traffic: trafficOf(all),
      };
    });
  return {
    id: subnet.SubnetId ?? "",
    name: nameTag(subnet.Tags),
    cidr: subnet.CidrBlock,
    availabilityZone: subnet.AvailabilityZone,
    flowLogs: subnetRefs,
    traffic: trafficOf(subnetRefs),
    interfaces,
  };
}
