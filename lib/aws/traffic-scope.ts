import "server-only";
import type { EC2Client } from "@aws-sdk/client-ec2";
import { LRUCache } from "lru-cache";
import { type FlowLogScope, loadFlowLogScope, ScopeNotFoundError, type ScopeTarget } from "./flow-log-scope";
import { loadVpcInventory, type VpcInventory } from "./vpc-inventory";

export interface TrafficScope {
  inventory: VpcInventory;
  scope: FlowLogScope;
}

type Context = { ec2: EC2Client; target: ScopeTarget };

// The panels of one page view ask for the same scope at once: one set of Describe calls serves them.
const scopes = new LRUCache<string, TrafficScope, Context>({
  max: 200,
  ttl: 60_000,
  fetchMethod: async (_key, _stale, { context }) => {
    const inventory = await loadVpcInventory(context.ec2, context.target.vpcId);
    if (!inventory)
      throw new ScopeNotFoundError("vpc", `VPC ${context.target.vpcId} was not found in this region.`);
    return { inventory, scope: await loadFlowLogScope(context.ec2, inventory, context.target) };
  },
});

/** The VPC's inventory and the flow logs covering the target, cached for a minute and shared. */
export async function loadTrafficScope(
  ec2: EC2Client,
  region: string,
  target: ScopeTarget,
): Promise<TrafficScope> {
  const key = JSON.stringify([region, target.vpcId, target.subnetId ?? null, target.eniId ?? null]);
  const value = await scopes.fetch(key, { context: { ec2, target } });
  if (!value) throw new ScopeNotFoundError("vpc", `VPC ${target.vpcId} was not found in this region.`);
  return value;
}

/** For tests that change the world between requests. */
export function clearTrafficScopes(): void {
  scopes.clear();
}
