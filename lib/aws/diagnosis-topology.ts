import "server-only";
/** The topology of the account the AWS SDK reaches (real AWS, or AWS_ENDPOINT_URL). */
import type { EC2Client } from "@aws-sdk/client-ec2";
import {
  loadInternetGateways,
  loadManagedPrefixLists,
  loadNatGateways,
  loadNetworkAcls,
  loadNetworkInterfaces,
  loadReservations,
  loadRouteTables,
  loadSecurityGroups,
  loadSubnets,
  loadVpcs,
} from "@/lib/aws/ec2-inventory";
import type { DiagnosisTopology } from "@/lib/diagnosis/verdict";

export async function liveTopology(ec2: EC2Client): Promise<DiagnosisTopology> {
  const [Vpcs, Subnets, NetworkInterfaces, SecurityGroups, NetworkAcls, RouteTables, Reservations] =
    await Promise.all([
      loadVpcs(ec2),
      loadSubnets(ec2),
      loadNetworkInterfaces(ec2),
      loadSecurityGroups(ec2),
      loadNetworkAcls(ec2),
      loadRouteTables(ec2),
      loadReservations(ec2),
    ]);
  const [InternetGateways, NatGateways, ManagedPrefixLists] = await Promise.all([
    loadInternetGateways(ec2),
    loadNatGateways(ec2),
    loadManagedPrefixLists(ec2),
  ]);
  return {
    Vpcs,
    Subnets,
    NetworkInterfaces,
    SecurityGroups,
    NetworkAcls,
    RouteTables,
    Reservations,
    InternetGateways,
    NatGateways,
    ManagedPrefixLists,
  } as DiagnosisTopology;
}
