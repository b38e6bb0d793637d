import type { FlowFormat, FlowScope } from "@/lib/insights";

/** What the planner needs of a flow log (lib/aws/flow-log-choice ScopedFlowLog has it). */
export interface PlanLog {
  id: string;
  logGroupName?: string;
  logFormat: string;
  format?: FlowFormat;
}

export interface PlanUse {
  flowLog: PlanLog;
  interfaceIds: string[];
}

export interface PlanTarget {
  vpcId: string;
  subnetId?: string;
  eniId?: string;
}

/** One (log group, format): the compiler makes one or more query strings of it. */
export interface QueryPlan {
  logGroupName: string;
  format: FlowFormat;
  scope: FlowScope;
  flowLogIds: string[];
}

/**
 * Groups the uses by (log group, format). A group's scope is the interfaces it is read for; where
 * every log writing to the group in this scope is read for all it covers, the VPC (or subnet) id
 * goes first, so formats with vpc-id/subnet-id also count interfaces deleted since.
 */
export function planQueries(
  target: PlanTarget,
  uses: readonly PlanUse[],
  covers: (flowLogId: string) => readonly string[],
): QueryPlan[] {
  const groups = new Map<string, { uses: PlanUse[]; format: FlowFormat; logGroupName: string }>();
  for (const use of uses) {
    const { logGroupName, format, logFormat } = use.flowLog;
    if (!logGroupName || !format) continue;
    const key = JSON.stringify([logGroupName, logFormat.trim()]);
    const group = groups.get(key) ?? { uses: [], format, logGroupName };
    group.uses.push(use);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ uses: list, format, logGroupName }) => {
    const interfaceIds = [...new Set(list.flatMap((u) => u.interfaceIds))].sort();
    const whole = list.every((u) => covers(u.flowLog.id).every((eni) => interfaceIds.includes(eni)));
    const scope: FlowScope =
      target.eniId !== undefined || !whole
        ? { interfaceIds }
        : target.subnetId !== undefined
          ? { subnetIds: [target.subnetId], interfaceIds }
          : { vpcId: target.vpcId, interfaceIds };
    return { logGroupName, format, scope, flowLogIds: list.map((u) => u.flowLog.id).sort() };
  });
}
