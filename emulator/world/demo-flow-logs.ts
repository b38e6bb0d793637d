import { toLogFormat } from "../../lib/flow/format";
import { DAY, type DemoContext, type Ec2Item, mustGet } from "./demo-context";
import type { DemoInterface } from "./demo-interfaces";
import type { DemoNetwork } from "./demo-network";
import { buildRole, roleArn } from "./demo-roles";
import type { FlowLogResource, FlowLogSpec, RoleSpec } from "./demo-spec";
import { FLOW_LOGS_SERVICE } from "./demo-spec-logs";
import type { WorldIam } from "./types";

export interface DemoFlowLogs {
  flowLogs: Ec2Item<"FlowLogs">[];
  roles: NonNullable<WorldIam["Roles"]>;
}

/**
 * The flow logs and their delivery roles. A flow log whose role VPC Flow Logs cannot assume shows
 * DeliverLogsStatus FAILED with AWS's "Access error" (create-flow-logs.md §4) and never delivers.
 * The world carries no log events: the emulator's simulator fills the history (see DESIGN.md).
 */
export function buildFlowLogs(
  ctx: DemoContext,
  net: DemoNetwork,
  interfaces: readonly DemoInterface[],
  specs: readonly FlowLogSpec[],
  roleSpecs: readonly RoleSpec[],
): DemoFlowLogs {
  const roles = new Map(roleSpecs.map((spec) => [spec.name, spec]));
  const instanceEnis = new Map(interfaces.flatMap((i) => (i.kind === "instance" ? [[i.key, i.eniId]] : [])));
  const resourceId = (resource: FlowLogResource): string => {
    if ("vpc" in resource) return net.vpc(resource.vpc).id;
    if ("subnet" in resource) return net.subnet(resource.subnet).id;
    return mustGet(instanceEnis, resource.instance, "instance");
  };
  const flowLogs = specs.map((spec): Ec2Item<"FlowLogs"> => {
    const rng = ctx.rng(`created:${spec.key}`);
    const role = mustGet(roles, spec.role, "delivery role");
    const delivers = role.trustedService === FLOW_LOGS_SERVICE;
    return {
      CreationTime: ctx.timeBefore(rng.int(3, 30) * DAY + rng.int(0, DAY - 1), true),
      DeliverLogsPermissionArn: roleArn(ctx, role.name),
      DeliverLogsStatus: delivers ? "SUCCESS" : "FAILED",
      ...(delivers ? {} : { DeliverLogsErrorMessage: "Access error" }),
      FlowLogId: ctx.ids.id("fl", spec.key),
      FlowLogStatus: "ACTIVE",
      LogGroupName: spec.logGroupName,
      ResourceId: resourceId(spec.resource),
      TrafficType: spec.trafficType,
      LogDestinationType: "cloud-watch-logs",
      LogDestination: ctx.arn("logs", `log-group:${spec.logGroupName}`),
      LogFormat: toLogFormat(spec.fields),
      MaxAggregationInterval: spec.maxAggregationInterval,
      Tags: [{ Key: "Name", Value: spec.key }],
    };
  });
  return { flowLogs, roles: roleSpecs.map((spec) => buildRole(ctx, spec)) };
}
