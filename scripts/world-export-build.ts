import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { EC2Client, FlowLog } from "@aws-sdk/client-ec2";
import type { IAMClient } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, type STSClient } from "@aws-sdk/client-sts";
import type { World, WorldEc2 } from "@/emulator/world/types";
import * as inventory from "@/lib/aws/ec2-inventory";
import { loadRolesByArn } from "@/lib/aws/iam-roles";
import { flowLogGroups, sampleFlowRecords } from "./world-export-logs";
import { sortedBy, toCliShape, worldRole } from "./world-export-shape";

export interface ExportClients {
  ec2: EC2Client;
  iam: IAMClient;
  logs: CloudWatchLogsClient;
  sts: STSClient;
}

export interface ExportOptions {
  region: string;
  /** Only these VPCs (and what is in them); empty = the whole region. */
  vpcIds: readonly string[];
  /** Add flow records from this moment (ms since the epoch) on; undefined = no records. */
  recordsSince?: number;
  /** Per log group. */
  maxRecords: number;
  /** Progress and warnings, one line each. */
  log: (line: string) => void;
}

/** An AWS-style error for what the account does not have, so the CLI reports it like the SDK's. */
export class ExportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

/** Reads the account through the SDK clients and writes it as a world file (DESIGN.md "The world file"). */
export async function exportWorld(clients: ExportClients, options: ExportOptions): Promise<World> {
  const { log, region } = options;
  const identity = await clients.sts.send(new GetCallerIdentityCommand({}));
  const accountId = identity.Account ?? "";
  log(
    `account ${accountId}, region ${region}${options.vpcIds.length ? `, ${options.vpcIds.join(" ")}` : ""}`,
  );
  const ec2 = await readEc2(clients.ec2, options.vpcIds);
  const { FlowLogs } = ec2;
  log(summary(ec2));

  const arns = FlowLogs.map((f) => f.DeliverLogsPermissionArn).filter((a): a is string => Boolean(a));
  const { roles, missing } = await loadRolesByArn(clients.iam, [...new Set(arns)]);
  for (const arn of missing) log(`warning: delivery role ${arn} is not a role of this account; not exported`);

  const world: World = {
    accountId,
    region,
    ec2: worldEc2(ec2),
    iam: { Roles: sortedBy(roles.map(worldRole), (r) => r.Arn) },
  };
  if (options.recordsSince === undefined) {
    log("no flow records exported (add --records-since 2h for a sample)");
    return world;
  }
  const interfaceIds = options.vpcIds.length
    ? new Set(ec2.NetworkInterfaces.map((n) => n.NetworkInterfaceId ?? ""))
    : undefined;
  world.logs = await sampleFlowRecords(clients.logs, flowLogGroups(FlowLogs), {
    since: options.recordsSince,
    maxRecords: options.maxRecords,
    interfaceIds,
    log,
  });
  return world;
}

type Ec2Read = Awaited<ReturnType<typeof readEc2>>;

async function readEc2(ec2: EC2Client, vpcIds: readonly string[]) {
  const scope = { vpcIds };
  const [Vpcs, Subnets, NetworkInterfaces, SecurityGroups, NetworkAcls, RouteTables, Reservations] =
    await Promise.all([
      inventory.loadVpcs(ec2, scope),
      inventory.loadSubnets(ec2, scope),
      inventory.loadNetworkInterfaces(ec2, scope),
      inventory.loadSecurityGroups(ec2, scope),
      inventory.loadNetworkAcls(ec2, scope),
      inventory.loadRouteTables(ec2, scope),
      inventory.loadReservations(ec2, scope),
    ]);
  const [InternetGateways, NatGateways, ManagedPrefixLists, allFlowLogs] = await Promise.all([
    inventory.loadInternetGateways(ec2, scope),
    inventory.loadNatGateways(ec2, scope),
    inventory.loadManagedPrefixLists(ec2),
    inventory.loadFlowLogs(ec2),
  ]);
  const unknown = vpcIds.filter((id) => !Vpcs.some((v) => v.VpcId === id));
  if (unknown.length > 0) {
    throw new ExportError("InvalidVpcID.NotFound", `The vpc ID '${unknown.join("', '")}' does not exist`);
  }
  const inScope = new Set([
    ...Vpcs.map((v) => v.VpcId),
    ...Subnets.map((s) => s.SubnetId),
    ...NetworkInterfaces.map((n) => n.NetworkInterfaceId),
  ]);
  // Flow logs have no vpc-id filter: keep those on the VPCs, their subnets and their interfaces.
  const FlowLogs = vpcIds.length
    ? allFlowLogs.filter((f: FlowLog) => inScope.has(f.ResourceId))
    : allFlowLogs;
  const ec2Read = {
    Vpcs,
    Subnets,
    NetworkInterfaces,
    SecurityGroups,
    NetworkAcls,
    RouteTables,
    Reservations,
  };
  return { ...ec2Read, InternetGateways, NatGateways, ManagedPrefixLists, FlowLogs };
}

function summary(ec2: Ec2Read): string {
  const instances = ec2.Reservations.reduce((n, r) => n + (r.Instances?.length ?? 0), 0);
  return (
    `${ec2.Vpcs.length} VPCs, ${ec2.Subnets.length} subnets, ${ec2.NetworkInterfaces.length} interfaces, ` +
    `${instances} instances, ${ec2.SecurityGroups.length} security groups, ${ec2.FlowLogs.length} flow logs`
  );
}

/** Each list in the CLI's shapes, sorted by its id. */
function worldEc2(ec2: Ec2Read): WorldEc2 {
  const cli = <T extends object>(items: T[], id: (item: T) => string | undefined) =>
    sortedBy(items, id).map((item) => toCliShape(item));
  return {
    Vpcs: cli(ec2.Vpcs, (v) => v.VpcId),
    Subnets: cli(ec2.Subnets, (s) => s.SubnetId),
    NetworkInterfaces: cli(ec2.NetworkInterfaces, (n) => n.NetworkInterfaceId),
    SecurityGroups: cli(ec2.SecurityGroups, (g) => g.GroupId),
    NetworkAcls: cli(ec2.NetworkAcls, (a) => a.NetworkAclId),
    RouteTables: cli(ec2.RouteTables, (t) => t.RouteTableId),
    Reservations: cli(ec2.Reservations, (r) => r.ReservationId),
    InternetGateways: cli(ec2.InternetGateways, (g) => g.InternetGatewayId),
    NatGateways: cli(ec2.NatGateways, (g) => g.NatGatewayId),
    ManagedPrefixLists: cli(ec2.ManagedPrefixLists, (l) => l.PrefixListId),
    FlowLogs: cli(ec2.FlowLogs, (f) => f.FlowLogId),
  };
}
