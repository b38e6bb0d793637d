import "server-only";
import type { FlowLog } from "@aws-sdk/client-ec2";
import { awsClients } from "./clients";
import { loadFlowLogs } from "./ec2-inventory";

/** Every flow log of the region, all pages. */
export function listFlowLogs(region: string): Promise<FlowLog[]> {
  return loadFlowLogs(awsClients(region).ec2);
}
