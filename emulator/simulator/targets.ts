import { formatVersion, parseLogFormat } from "../../lib/flow/fields";
import { DEFAULT_LOG_FORMAT } from "../../lib/flow/format";
import type { World } from "../world/types";

export type TagResource = "instance" | "network-interface" | "auto-scaling-group";

/** A flow log that delivers to CloudWatch Logs, reduced to what delivery needs. */
export interface DeliveryTarget {
  flowLogId: string;
  resourceId: string;
  logGroupName: string;
  fields: string[];
  version: number;
  /** Seconds: 60 or 600. */
  interval: number;
  trafficType: "ALL" | "ACCEPT" | "REJECT";
  /** Epoch ms. */
  creationTime: number;
  /** TagFieldSpecifications: the tag keys behind instance-tag, interface-tag, asg-tag (and their -2). */
  tagKeys: Partial<Record<TagResource, string[]>>;
}

/** `arn:aws:logs:region:account:log-group:NAME[:*]` → NAME. */
function groupFromArn(arn: string | undefined): string | undefined {
  const match = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:(.+?)(?::\*)?$/.exec(arn ?? "");
  return match?.[1];
}

type FlowLogShape = NonNullable<NonNullable<World["ec2"]>["FlowLogs"]>[number];

/** The world's flow logs that deliver now: ACTIVE, to CloudWatch Logs, not FAILED, with a readable format. */
export function deliveryTargets(world: World, log: (line: string) => void = () => {}): DeliveryTarget[] {
  const out: DeliveryTarget[] = [];
  for (const flowLog of world.ec2?.FlowLogs ?? []) {
    const target = toTarget(flowLog);
    if (typeof target === "string") {
      if (target) log(`simulator: flow log ${flowLog.FlowLogId ?? "?"} skipped: ${target}`);
    } else {
      out.push(target);
    }
  }
  return out;
}

/** The target, or why there is none ("" when the flow log simply does not deliver to CloudWatch Logs). */
function toTarget(flowLog: FlowLogShape): DeliveryTarget | string {
  const type = flowLog.LogDestinationType;
  const cloudWatch =
    type === "cloud-watch-logs" || (type === undefined && flowLog.LogGroupName !== undefined);
  if (!cloudWatch || (flowLog.FlowLogStatus ?? "ACTIVE") !== "ACTIVE") return "";
  if (flowLog.DeliverLogsStatus === "FAILED") return "";
  const logGroupName = flowLog.LogGroupName ?? groupFromArn(flowLog.LogDestination);
  if (!flowLog.FlowLogId || !flowLog.ResourceId || !logGroupName) return "no id, resource or log group";
  const parsed = parseLogFormat(flowLog.LogFormat ?? DEFAULT_LOG_FORMAT);
  if (!parsed.ok) return `LogFormat is ${parsed.problem} (${parsed.tokens.join(" ")})`;
  const trafficType = flowLog.TrafficType ?? "ALL";
  if (trafficType !== "ALL" && trafficType !== "ACCEPT" && trafficType !== "REJECT")
    return `TrafficType ${trafficType}`;
  const creationTime = flowLog.CreationTime ? Date.parse(flowLog.CreationTime) : 0;
  const tagKeys: DeliveryTarget["tagKeys"] = {};
  for (const spec of flowLog.TagFieldSpecifications ?? []) {
    const resource = spec.ResourceType as TagResource | undefined;
    if (resource) tagKeys[resource] = spec.TagKeys ?? [];
  }
  return {
    flowLogId: flowLog.FlowLogId,
    resourceId: flowLog.ResourceId,
    logGroupName,
    fields: parsed.fields.map((f) => f.name),
    version: formatVersion(parsed.fields),
    interval: flowLog.MaxAggregationInterval === 60 ? 60 : 600,
    trafficType,
    creationTime: Number.isNaN(creationTime) ? 0 : creationTime,
    tagKeys,
  };
}
