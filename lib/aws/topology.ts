import "server-only";
import type { EC2Client } from "@aws-sdk/client-ec2";
import type { RawTopology } from "@/lib/topology/types";
import {
  loadFlowLogs,
  loadNetworkInterfaces,
  loadReservations,
  loadSubnets,
  loadVpcs,
} from "./ec2-inventory";

/** Everything the overview needs from EC2, every page of every Describe call, fetched in parallel. */
export async function loadTopology(ec2: EC2Client): Promise<RawTopology> {
  const [Vpcs, Subnets, NetworkInterfaces, Reservations, FlowLogs] = await Promise.all([
    loadVpcs(ec2),
    loadSubnets(ec2),
    loadNetworkInterfaces(ec2),
    loadReservations(ec2),
    loadFlowLogs(ec2),
  ]);
  return { Vpcs, Subnets, NetworkInterfaces, Reservations, FlowLogs };
}
