import { fileURLToPath } from "node:url";
import {
  EC2Client,
  type EC2PaginationConfiguration,
  type Filter,
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
} from "@aws-sdk/client-ec2";
import { STSClient } from "@aws-sdk/client-sts";
import { type RunningEmulator, startEmulator } from "../server";
import { loadWorldFile } from "../world/load";
import type { World, WorldEc2Key } from "../world/types";

export const smallWorldPath = fileURLToPath(
  new URL("../../tests/fixtures/worlds/small.json", import.meta.url),
);
export const loadSmallWorld = (): World => loadWorldFile(smallWorldPath);

export interface Harness {
  emulator: RunningEmulator;
  ec2: EC2Client;
  sts: STSClient;
  clientsFor(region: string): { ec2: EC2Client; sts: STSClient };
}

const credentials = { accessKeyId: "AKIDFLOWSCOPETEST", secretAccessKey: "any-secret" };

/** The emulator in-process on a random port, with real SDK clients pointed at it. */
export async function startHarness(world: World, pageSize?: number): Promise<Harness> {
  const emulator = await startEmulator({ world, port: 0, pageSize });
  const clientsFor = (region: string) => {
    const config = { endpoint: emulator.url, region, credentials, maxAttempts: 1 };
    return { ec2: new EC2Client(config), sts: new STSClient(config) };
  };
  return { emulator, ...clientsFor(world.region), clientsFor };
}

export interface DescribeInput {
  Filters?: Filter[];
  Filter?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  [idList: `${string}Ids`]: string[] | undefined;
}

type Pager = (client: EC2Client, input: DescribeInput, pageSize?: number) => AsyncIterable<object>;

export interface DescribeCase {
  action: string;
  worldKey: WorldEc2Key;
  resultKey: string;
  idMember: string;
  idField: string;
  /** The smallest MaxResults AWS accepts for the action. */
  minPage: number;
  pager: Pager;
}

const row = (
  action: string,
  worldKey: WorldEc2Key,
  resultKey: string,
  idMember: string,
  idField: string,
  minPage: number,
  pager: Pager,
): DescribeCase => ({ action, worldKey, resultKey, idMember, idField, minPage, pager });

const pager =
  <I extends object>(
    paginate: (config: EC2PaginationConfiguration, input: I) => AsyncIterable<object>,
  ): Pager =>
  (client, input, pageSize) =>
    paginate({ client, pageSize }, input as I);

// biome-ignore format: one row per action reads as a table
export const describeCases: readonly DescribeCase[] = [
  row("DescribeVpcs", "Vpcs", "Vpcs", "VpcIds", "VpcId", 5, pager(paginateDescribeVpcs)),
  row("DescribeSubnets", "Subnets", "Subnets", "SubnetIds", "SubnetId", 5, pager(paginateDescribeSubnets)),
  row("DescribeNetworkInterfaces", "NetworkInterfaces", "NetworkInterfaces", "NetworkInterfaceIds", "NetworkInterfaceId", 5, pager(paginateDescribeNetworkInterfaces)),
  row("DescribeSecurityGroups", "SecurityGroups", "SecurityGroups", "GroupIds", "GroupId", 5, pager(paginateDescribeSecurityGroups)),
  row("DescribeNetworkAcls", "NetworkAcls", "NetworkAcls", "NetworkAclIds", "NetworkAclId", 5, pager(paginateDescribeNetworkAcls)),
  row("DescribeRouteTables", "RouteTables", "RouteTables", "RouteTableIds", "RouteTableId", 5, pager(paginateDescribeRouteTables)),
  row("DescribeInstances", "Reservations", "Reservations", "InstanceIds", "InstanceId", 5, pager(paginateDescribeInstances)),
  row("DescribeInternetGateways", "InternetGateways", "InternetGateways", "InternetGatewayIds", "InternetGatewayId", 5, pager(paginateDescribeInternetGateways)),
  row("DescribeNatGateways", "NatGateways", "NatGateways", "NatGatewayIds", "NatGatewayId", 5, pager(paginateDescribeNatGateways)),
  row("DescribeManagedPrefixLists", "ManagedPrefixLists", "PrefixLists", "PrefixListIds", "PrefixListId", 1, pager(paginateDescribeManagedPrefixLists)),
  row("DescribeFlowLogs", "FlowLogs", "FlowLogs", "FlowLogIds", "FlowLogId", 1, pager(paginateDescribeFlowLogs)),
];

/** The request's filter list: DescribeNatGateways and DescribeFlowLogs name the member `Filter`. */
export const withFilters = (c: DescribeCase, filters: Filter[]): DescribeInput =>
  c.action === "DescribeNatGateways" || c.action === "DescribeFlowLogs"
    ? { Filter: filters }
    : { Filters: filters };

export const describeCase = (action: string): DescribeCase => {
  const found = describeCases.find((c) => c.action === action);
  if (!found) throw new Error(`no describe case ${action}`);
  return found;
};

/** Every item of every page, through the SDK's own paginator. */
export async function listAll(
  client: EC2Client,
  c: DescribeCase,
  input: DescribeInput = {},
  pageSize?: number,
) {
  const items: unknown[] = [];
  let pages = 0;
  for await (const page of c.pager(client, input, pageSize)) {
    pages++;
    const list = (page as Record<string, unknown>)[c.resultKey];
    if (Array.isArray(list)) items.push(...list);
  }
  return { items, pages };
}

const ISO_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** Normalizes Date (SDK side) and ISO strings (world side) to one ISO form; nothing else changes. */
export function normalize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return ISO_TIMESTAMP.test(value) ? new Date(value).toISOString() : value;
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  }
  return value;
}

/** World items as the SDK should return them (the inline prefix-list `Entries` are not part of the shape). */
export function expectedItems(world: World, key: WorldEc2Key): unknown[] {
  const items: readonly object[] = world.ec2?.[key] ?? [];
  return items.map((item) => {
    if (key !== "ManagedPrefixLists") return normalize(item);
    const { Entries: _entries, ...rest } = item as Record<string, unknown>;
    return normalize(rest);
  });
}
