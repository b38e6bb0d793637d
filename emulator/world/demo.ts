import { createContext, DEMO_DEFAULT_NOW, DEMO_DEFAULT_SEED } from "./demo-context";
import { buildFlowLogs } from "./demo-flow-logs";
import { buildInstances } from "./demo-instances";
import { createAddressAllocator } from "./demo-ip";
import { buildManagedEnis } from "./demo-managed-enis";
import { buildNetworkAcls } from "./demo-nacls";
import { buildNatGateways } from "./demo-nat";
import { buildInternetGateways, buildSubnets, buildVpcs, indexNetwork } from "./demo-network";
import { buildRouteTables } from "./demo-routing";
import { buildSecurity } from "./demo-security";
import { demoSpec } from "./demo-spec-scale";
import { buildTraffic } from "./demo-traffic";
import type { World } from "./types";

export { DEMO_ACCOUNT_ID, DEMO_DEFAULT_NOW, DEMO_DEFAULT_SEED, DEMO_REGION } from "./demo-context";

export interface DemoWorldOptions {
  /** PRNG seed (an integer). Ids and addresses derive from it. Default 1. */
  seed?: number;
  /** The moment the world is built at: creation and launch times lie before it. Default 2026-06-01T12:00Z. */
  now?: Date;
  /** 1 (default) is the demo; more adds generated service VPCs for benchmarks (demo-spec-scale.ts). */
  scale?: number;
}

/**
 * The demo account: prod and staging VPCs with their subnets, gateways, endpoint, security groups,
 * NACLs, route tables, instances, managed interfaces, flow logs and delivery roles, plus the traffic
 * the rules do not imply. No log events: the emulator's simulator writes the history when it seeds.
 * Pure: the same seed, `now` and scale give a byte-identical world.
 */
export function buildDemoWorld(opts: DemoWorldOptions = {}): World {
  const ctx = createContext(opts.seed ?? DEMO_DEFAULT_SEED, opts.now ?? DEMO_DEFAULT_NOW);
  const spec = demoSpec(opts.scale ?? 1);
  const net = indexNetwork(ctx, spec.vpcs);
  const security = buildSecurity(ctx, net, spec.securityGroups, spec.prefixLists);
  const addresses = createAddressAllocator(ctx);
  const nat = buildNatGateways(ctx, net, addresses);
  const instances = buildInstances(ctx, net, security, addresses, spec.instances);
  const managed = buildManagedEnis(ctx, net, security, addresses, spec);
  const interfaces = [...instances.interfaces, ...managed.interfaces, ...nat.interfaces];
  const subnetCidrs = new Map(net.subnets.map((s) => [s.id, s.spec.cidr]));
  const used = (subnetId: string) => addresses.countIn(subnetCidrs.get(subnetId) ?? "");
  const flow = buildFlowLogs(ctx, net, interfaces, spec.flowLogs, spec.roles);
  const world: World = {
    accountId: ctx.accountId,
    region: ctx.region,
    ec2: {
      Vpcs: buildVpcs(ctx, net),
      Subnets: buildSubnets(ctx, net, used),
      NetworkInterfaces: [
        ...instances.networkInterfaces,
        ...managed.networkInterfaces,
        ...nat.networkInterfaces,
      ],
      SecurityGroups: security.securityGroups,
      NetworkAcls: buildNetworkAcls(ctx, net, spec.nacls),
      RouteTables: buildRouteTables(ctx, net, spec.routeTables, security.prefixListId),
      Reservations: instances.reservations,
      InternetGateways: buildInternetGateways(ctx, net),
      NatGateways: nat.natGateways,
      ManagedPrefixLists: security.prefixLists,
      FlowLogs: flow.flowLogs,
    },
    iam: { Roles: flow.roles },
    traffic: buildTraffic(security, interfaces, spec.traffic),
  };
  // A plain tree: builders share some sub-objects, and callers (the emulator) may mutate their copy.
  return structuredClone(world);
}
