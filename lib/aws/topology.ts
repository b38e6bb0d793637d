import "server-only";
import {
  type EC2Client,
  paginateDescribeFlowLogs,
  paginateDescribeInstances,
  paginateDescribeNetworkInterfaces,
  paginateDescribeSubnets,
  paginateDescribeVpcs,
} from "@aws-sdk/client-ec2";
import type { RawTopology } from "@/lib/topology/types";

async function collect<P, T>(pages: AsyncIterable<P>, pick: (page: P) => T[] | undefined): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages) items.push(...(pick(page) ?? []));
  return items;
}

/** Everything the overview needs from EC2, every page of every Describe call, fetched in parallel. */
export async function loadTopology(ec2: EC2Client): Promise<RawTopology> {
  const cfg = { client: ec2, pageSize: 1000 };
  const [Vpcs, Subnets, NetworkInterfaces, Reservations, FlowLogs] = await Promise.all([
    collect(paginateDescribeVpcs(cfg, {}), (p) => p.Vpcs),
    collect(paginateDescribeSubnets(cfg, {}), (p) => p.Subnets),
    collect(paginateDescribeNetworkInterfaces(cfg, {}), (p) => p.NetworkInterfaces),
    collect(paginateDescribeInstances(cfg, {}), (p) => p.Reservations),
    collect(paginateDescribeFlowLogs(cfg, {}), (p) => p.FlowLogs),
  ]);
  return { Vpcs, Subnets, NetworkInterfaces, Reservations, FlowLogs };
}
