import "server-only";
import { type FlowLog, paginateDescribeFlowLogs } from "@aws-sdk/client-ec2";
import { awsClients } from "./clients";

/** Every flow log of the region, all pages. */
export async function listFlowLogs(region: string): Promise<FlowLog[]> {
  const logs: FlowLog[] = [];
  for await (const page of paginateDescribeFlowLogs({ client: awsClients(region).ec2, pageSize: 1000 }, {})) {
    logs.push(...(page.FlowLogs ?? []));
  }
  return logs;
}
