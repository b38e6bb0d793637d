import "server-only";
import {
  type EC2Client,
  type Filter,
  type FlowLog,
  type InternetGateway,
  type ManagedPrefixList,
  type NatGateway,
  type NetworkAcl,
  type NetworkInterface,
  type PrefixListEntry,
  paginateDescribeFlowLogs,
  paginateDescribeInstances,
  paginateDescribeInternetGateways,
  paginateDescribeManagedPrefixLists,
  paginateDescribeNatGateways,
  paginateDescribeNetworkAcls,
  paginateDescribeNetworkInterfaces,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcs,
  paginateGetManagedPrefixListEntries,
  type Reservation,
  type RouteTable,
  type SecurityGroup,
  type Subnet,
  type Vpc,
} from "@aws-sdk/client-ec2";
import { collect, mapLimit } from "./pages";

/** Which VPCs to read; no ids = every VPC of the region. */
export interface VpcScope {
  vpcIds?: readonly string[];
}

/** A managed prefix list with its CIDRs (GetManagedPrefixListEntries) inline. */
export type PrefixListWithEntries = ManagedPrefixList & { Entries: PrefixListEntry[] };

const byVpc = (scope: VpcScope | undefined, name = "vpc-id"): Filter[] | undefined =>
  scope?.vpcIds?.length ? [{ Name: name, Values: [...scope.vpcIds] }] : undefined;

// The largest page each call accepts (ec2-shapes.md): fewer round trips on big accounts.
const pages = (client: EC2Client, pageSize = 1000) => ({ client, pageSize });

export const loadVpcs = (ec2: EC2Client, scope?: VpcScope): Promise<Vpc[]> =>
  collect(paginateDescribeVpcs(pages(ec2), { Filters: byVpc(scope) }), (p) => p.Vpcs);

export const loadSubnets = (ec2: EC2Client, scope?: VpcScope): Promise<Subnet[]> =>
  collect(paginateDescribeSubnets(pages(ec2), { Filters: byVpc(scope) }), (p) => p.Subnets);

export const loadNetworkInterfaces = (ec2: EC2Client, scope?: VpcScope): Promise<NetworkInterface[]> =>
  collect(
    paginateDescribeNetworkInterfaces(pages(ec2), { Filters: byVpc(scope) }),
    (p) => p.NetworkInterfaces,
  );

export const loadSecurityGroups = (ec2: EC2Client, scope?: VpcScope): Promise<SecurityGroup[]> =>
  collect(paginateDescribeSecurityGroups(pages(ec2), { Filters: byVpc(scope) }), (p) => p.SecurityGroups);

export const loadNetworkAcls = (ec2: EC2Client, scope?: VpcScope): Promise<NetworkAcl[]> =>
  collect(paginateDescribeNetworkAcls(pages(ec2), { Filters: byVpc(scope) }), (p) => p.NetworkAcls);

export const loadRouteTables = (ec2: EC2Client, scope?: VpcScope): Promise<RouteTable[]> =>
  collect(paginateDescribeRouteTables(pages(ec2, 100), { Filters: byVpc(scope) }), (p) => p.RouteTables);

/** DescribeInstances: the instances, grouped in their reservations as EC2 returns them. */
export const loadReservations = (ec2: EC2Client, scope?: VpcScope): Promise<Reservation[]> =>
  collect(paginateDescribeInstances(pages(ec2), { Filters: byVpc(scope) }), (p) => p.Reservations);

export const loadInternetGateways = (ec2: EC2Client, scope?: VpcScope): Promise<InternetGateway[]> =>
  collect(
    paginateDescribeInternetGateways(pages(ec2), { Filters: byVpc(scope, "attachment.vpc-id") }),
    (p) => p.InternetGateways,
  );

export const loadNatGateways = (ec2: EC2Client, scope?: VpcScope): Promise<NatGateway[]> =>
  collect(paginateDescribeNatGateways(pages(ec2), { Filter: byVpc(scope) }), (p) => p.NatGateways);

/** Every flow log of the region (VPC, subnet, interface and transit gateway ones alike). */
export const loadFlowLogs = (ec2: EC2Client): Promise<FlowLog[]> =>
  collect(paginateDescribeFlowLogs(pages(ec2), {}), (p) => p.FlowLogs);

export const loadPrefixListEntries = (ec2: EC2Client, prefixListId: string): Promise<PrefixListEntry[]> =>
  collect(
    paginateGetManagedPrefixListEntries(pages(ec2, 100), { PrefixListId: prefixListId }),
    (p) => p.Entries,
  );

/**
 * Every managed prefix list the account sees (its own and AWS's), each with its entries. Prefix lists
 * are regional, not per VPC; the entry calls run a few at a time to stay clear of EC2's request rate.
 */
export async function loadManagedPrefixLists(ec2: EC2Client): Promise<PrefixListWithEntries[]> {
  const lists = await collect(paginateDescribeManagedPrefixLists(pages(ec2, 100), {}), (p) => p.PrefixLists);
  return mapLimit(lists, 4, async (list) => ({
    ...list,
    Entries: list.PrefixListId ? await loadPrefixListEntries(ec2, list.PrefixListId) : [],
  }));
}
