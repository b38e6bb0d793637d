import "server-only";
import { type EC2Client, type FlowLog, paginateDescribeFlowLogs } from "@aws-sdk/client-ec2";
import { nameTag } from "@/lib/topology/tags";
import { buildEnrichmentIndex } from "@/lib/traffic/enrich";
import { type ScopedFlowLog, type ScopeInterface, type ScopeLevel, scopedFlowLog } from "./flow-log-choice";
import { resolveCoverage, type ScopeCoverage } from "./flow-log-coverage";
import { collect, mapLimit } from "./pages";
import type { VpcInventory } from "./vpc-inventory";

export type { LogUse, ScopedFlowLog, ScopeInterface, ScopeLevel } from "./flow-log-choice";

/** A VPC, or one subnet or interface in it. */
export interface ScopeTarget {
  vpcId: string;
  subnetId?: string;
  eniId?: string;
}

export interface FlowLogScope extends ScopeCoverage {
  target: ScopeTarget;
  level: ScopeLevel;
  interfaces: ScopeInterface[];
  /** Every active flow log on the VPC, the subnets and interfaces in scope, queryable or not. */
  flowLogs: ScopedFlowLog[];
}

/** A subnet or interface that is not in the VPC (the request names it: a 404, not a 500). */
export class ScopeNotFoundError extends Error {
  constructor(
    readonly field: "vpc" | "subnet" | "eni",
    message: string,
  ) {
    super(message);
    this.name = "ScopeNotFoundError";
  }
}

// Filter values per DescribeFlowLogs call: EC2 caps the values of one filter at 200.
const RESOURCE_IDS_PER_CALL = 200;

/** The flow logs on any of these resources: resource-id filters in batches, a few batches at a time. */
export async function describeFlowLogsOn(ec2: EC2Client, resourceIds: readonly string[]): Promise<FlowLog[]> {
  const ids = [...new Set(resourceIds)];
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += RESOURCE_IDS_PER_CALL)
    batches.push(ids.slice(i, i + RESOURCE_IDS_PER_CALL));
  const pages = await mapLimit(batches, 4, (batch) =>
    collect(
      paginateDescribeFlowLogs(
        { client: ec2, pageSize: 1000 },
        { Filter: [{ Name: "resource-id", Values: batch }] },
      ),
      (page) => page.FlowLogs,
    ),
  );
  const byId = new Map(pages.flat().map((log) => [log.FlowLogId ?? "", log]));
  return [...byId.values()];
}

function scopeInterfaces(inventory: VpcInventory, target: ScopeTarget): ScopeInterface[] {
  const index = buildEnrichmentIndex(inventory);
  return inventory.interfaces
    .filter(
      (eni) =>
        eni.NetworkInterfaceId &&
        eni.VpcId === target.vpcId &&
        (target.subnetId === undefined || eni.SubnetId === target.subnetId) &&
        (target.eniId === undefined || eni.NetworkInterfaceId === target.eniId),
    )
    .map((eni) => {
      const id = eni.NetworkInterfaceId ?? "";
      return { id, subnetId: eni.SubnetId, label: index.interface(id).label };
    });
}

function checkTarget(inventory: VpcInventory, target: ScopeTarget): ScopeLevel {
  if (target.eniId !== undefined) {
    const eni = inventory.interfaces.find((e) => e.NetworkInterfaceId === target.eniId);
    if (!eni || (target.subnetId !== undefined && eni.SubnetId !== target.subnetId))
      throw new ScopeNotFoundError(
        "eni",
        `Interface ${target.eniId} is not in ${target.subnetId ?? target.vpcId}.`,
      );
    return "interface";
  }
  if (target.subnetId !== undefined) {
    if (!inventory.subnets.some((s) => s.SubnetId === target.subnetId && s.VpcId === target.vpcId))
      throw new ScopeNotFoundError("subnet", `Subnet ${target.subnetId} is not in ${target.vpcId}.`);
    return "subnet";
  }
  return "vpc";
}

/**
 * Which flow logs cover a VPC, subnet or interface, and how to read them: one DescribeFlowLogs per
 * 200 resources (the VPC, the subnets in scope, the interfaces in scope), then the choice per
 * interface (flow-log-coverage.ts).
 */
export async function loadFlowLogScope(
  ec2: EC2Client,
  inventory: VpcInventory,
  target: ScopeTarget,
): Promise<FlowLogScope> {
  const level = checkTarget(inventory, target);
  const interfaces = scopeInterfaces(inventory, target);
  const subnetIds = new Set(interfaces.flatMap((eni) => (eni.subnetId ? [eni.subnetId] : [])));
  if (target.subnetId) subnetIds.add(target.subnetId);
  if (level === "vpc")
    for (const s of inventory.subnets) if (s.VpcId === target.vpcId && s.SubnetId) subnetIds.add(s.SubnetId);
  const raw = await describeFlowLogsOn(ec2, [target.vpcId, ...subnetIds, ...interfaces.map((e) => e.id)]);
  const flowLogs = raw.flatMap((log) => scopedFlowLog(log) ?? []);
  const label = (resourceId: string): string => {
    if (resourceId === target.vpcId) return nameTag(inventory.vpc.Tags) ?? resourceId;
    const subnet = inventory.subnets.find((s) => s.SubnetId === resourceId);
    if (subnet) return nameTag(subnet.Tags) ?? resourceId;
    return interfaces.find((e) => e.id === resourceId)?.label ?? resourceId;
  };
  const coverage = resolveCoverage(target.vpcId, interfaces, flowLogs, label);
  return { target, level, interfaces, flowLogs, ...coverage };
}
