import "server-only";
import type { EC2Client } from "@aws-sdk/client-ec2";
import type { Instance, NetworkInterface, Subnet, Vpc } from "@/lib/topology/types";
import { loadNetworkInterfaces, loadReservations, loadSubnets, loadVpcs } from "./ec2-inventory";

/** What a traffic view needs from EC2: the region's VPCs and subnets (for CIDRs), the VPC's interfaces and instances. */
export interface VpcInventory {
  vpc: Vpc;
  vpcs: Vpc[];
  subnets: Subnet[];
  interfaces: NetworkInterface[];
  instances: Instance[];
}

/** Four Describe calls in parallel; undefined when the VPC does not exist in the region. */
export async function loadVpcInventory(ec2: EC2Client, vpcId: string): Promise<VpcInventory | undefined> {
  const scope = { vpcIds: [vpcId] };
  const [vpcs, subnets, interfaces, reservations] = await Promise.all([
    loadVpcs(ec2),
    loadSubnets(ec2),
    loadNetworkInterfaces(ec2, scope),
    loadReservations(ec2, scope),
  ]);
  const vpc = vpcs.find((v) => v.VpcId === vpcId);
  if (!vpc) return undefined;
  return { vpc, vpcs, subnets, interfaces, instances: reservations.flatMap((r) => r.Instances ?? []) };
}
