import { createContext, DEMO_DEFAULT_NOW, DEMO_DEFAULT_SEED } from "./demo-context";
import { buildFlowLogs } from "./demo-flow-logs";
import { buildInstances } from "./demo-instances";
import { createAddressAllocator } from "./demo-ip";
import { buildNetworkAcls } from "./demo-nacls";
import { buildNatGateways } from "./demo-nat";
import { buildInternetGateways, buildSubnets, buildVpcs, indexNetwork } from "./demo-network";
import { buildRouteTables } from "./demo-routing";
import { buildSecurity } from "./demo-security";
import type { World } from "./types";

export { DEMO_ACCOUNT_ID, DEMO_DEFAULT_NOW, DEMO_DEFAULT_SEED, DEMO_REGION } from "./demo-context";

export interface DemoWorldOptions {
  /** PRNG seed (an integer). Ids, addresses and traffic all derive from it. Default 1. */
  seed?: number;
  /** The moment the world is built at: log events fall in the hour before it. Default 2026-06-01T12:00Z. */
  now?: Date;
}

/**
 * The demo account: prod and staging VPCs with subnets, gateways, security groups, NACLs, route
 * tables, instances, two flow logs with their delivery role and a little traffic in their log groups.
 * Pure: the same seed and `now` give a byte-identical world.
 */
export function buildDemoWorld(opts: DemoWorldOptions = {}): World {
  const ctx = createContext(opts.seed ?? DEMO_DEFAULT_SEED, opts.now ?? DEMO_DEFAULT_NOW);
  const net = indexNetwork(ctx);
  const security = buildSecurity(ctx, net);
  const addresses = createAddressAllocator(ctx);
  const nat = buildNatGateways(ctx, net, addresses);
  const instances = buildInstances(ctx, net, security, addresses);
  const interfaces = [...instances.interfaces, ...nat.interfaces];
  const subnetCidrs = new Map(net.subnets.map((s) => [s.id, s.spec.cidr]));
  const used = (subnetId: string) => addresses.countIn(subnetCidrs.get(subnetId) ?? "");
  const flow = buildFlowLogs(ctx, net, interfaces);
  const world: World = {
    accountId: ctx.accountId,
    region: ctx.region,
    ec2: {
      Vpcs: buildVpcs(ctx, net),
      Subnets: buildSubnets(ctx, net, used),
      NetworkInterfaces: [...instances.networkInterfaces, ...nat.networkInterfaces],
      SecurityGroups: security.securityGroups,
      NetworkAcls: buildNetworkAcls(ctx, net),
      RouteTables: buildRouteTables(ctx, net),
      Reservations: instances.reservations,
      InternetGateways: buildInternetGateways(ctx, net),
      NatGateways: nat.natGateways,
      ManagedPrefixLists: security.prefixLists,
      FlowLogs: flow.flowLogs,
    },
    iam: { Roles: flow.roles },
    logs: flow.logs,
  };
  // A plain tree: builders share some sub-objects, and callers (the emulator) may mutate their copy.
  return structuredClone(world);
}
