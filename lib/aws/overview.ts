import "server-only";
import { computeCoverage, type VpcCoverage } from "@/lib/topology/coverage";
import { awsClients } from "./clients";
import { loadTopology } from "./topology";

/** The VPCs of one region with their flow-log coverage. */
export async function loadOverview(region: string): Promise<VpcCoverage[]> {
  return computeCoverage(await loadTopology(awsClients(region).ec2));
}
