import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { ClientTokenRecord, EmulatorState, FlowLogItem, StateTx } from "../../state/emulator-state";
import type { World } from "../../world/types";
import { AwsError, invalidParameterValue, missingParameter } from "../aws-error";
import { type IdRules, idError } from "./describe";
import { describeSpecs } from "./describe-specs";
import { checkFlowLogRequest, type FlowLogRequest, type FlowLogResourceType } from "./flow-log-request";

type Input = Record<string, unknown>;
type Unsuccessful = ClientTokenRecord["unsuccessful"][number];

const spec = (action: string): IdRules => {
  const found = describeSpecs.find((s) => s.action === action);
  if (!found) throw new Error(`no describe spec ${action}`);
  return found;
};

// Where each resource type's ids live in the world, with EC2's NotFound / Malformed rules for them.
const RESOURCES: Record<FlowLogResourceType, { rules: IdRules; ids: (world: World) => unknown[] }> = {
  VPC: { rules: spec("DescribeVpcs"), ids: (w) => (w.ec2?.Vpcs ?? []).map((v) => v.VpcId) },
  Subnet: { rules: spec("DescribeSubnets"), ids: (w) => (w.ec2?.Subnets ?? []).map((s) => s.SubnetId) },
  NetworkInterface: {
    rules: spec("DescribeNetworkInterfaces"),
    ids: (w) => (w.ec2?.NetworkInterfaces ?? []).map((n) => n.NetworkInterfaceId),
  },
  RegionalNatGateway: {
    rules: spec("DescribeNatGateways"),
    ids: (w) => (w.ec2?.NatGateways ?? []).map((n) => n.NatGatewayId),
  },
  // The world file holds no transit gateways: every id is unknown.
  TransitGateway: {
    rules: {
      idMember: "",
      idField: "",
      prefix: "tgw",
      noun: "transitGateway",
      notFoundCode: "InvalidTransitGatewayID.NotFound",
      malformedCode: "InvalidTransitGatewayID.Malformed",
    },
    ids: () => [],
  },
  TransitGatewayAttachment: {
    rules: {
      idMember: "",
      idField: "",
      prefix: "tgw-attach",
      noun: "transitGatewayAttachment",
      notFoundCode: "InvalidTransitGatewayAttachmentID.NotFound",
      malformedCode: "InvalidTransitGatewayAttachmentID.Malformed",
    },
    ids: () => [],
  },
};

const ALREADY_EXISTS =
  "Error. There is an existing Flow Log with the same configuration and log destination.";

const failure = (resourceId: string, code: string, message: string): Unsuccessful => ({
  ResourceId: resourceId,
  Error: { Code: code, Message: message },
});

/** Same resource, traffic and destination: AWS's "same configuration and log destination". */
const sameConfiguration = (item: FlowLogItem, req: FlowLogRequest, resourceId: string): boolean =>
  item.ResourceId === resourceId &&
  (item.TrafficType ?? "") === (req.trafficType ?? "") &&
  (item.LogDestinationType ?? "cloud-watch-logs") === req.destinationType &&
  (req.destinationType === "cloud-watch-logs"
    ? item.LogGroupName === req.logGroupName
    : item.LogDestination?.replace(/\/$/, "") === req.logDestination.replace(/\/$/, ""));

function newFlowLog(req: FlowLogRequest, resourceId: string, world: World, now: number): FlowLogItem {
  const cwl = req.destinationType === "cloud-watch-logs";
  return {
    CreationTime: new Date(now).toISOString(),
    ...(req.deliverLogsPermissionArn ? { DeliverLogsPermissionArn: req.deliverLogsPermissionArn } : {}),
    ...(req.deliverCrossAccountRole ? { DeliverCrossAccountRole: req.deliverCrossAccountRole } : {}),
    DeliverLogsStatus: "SUCCESS",
    FlowLogId: `fl-${randomBytes(9).toString("hex").slice(0, 17)}`,
    FlowLogStatus: "ACTIVE",
    ...(cwl ? { LogGroupName: req.logGroupName } : {}),
    ResourceId: resourceId,
    ...(req.trafficType ? { TrafficType: req.trafficType } : {}),
    LogDestinationType: req.destinationType,
    LogDestination: cwl
      ? `arn:aws:logs:${world.region}:${world.accountId}:log-group:${req.logGroupName}`
      : req.logDestination,
    LogFormat: req.logFormat,
    ...(req.tags.length > 0 ? { Tags: req.tags } : {}),
    MaxAggregationInterval: req.maxAggregationInterval,
    ...(req.destinationOptions ? { DestinationOptions: req.destinationOptions } : {}),
    ...(req.tagFieldSpecifications ? { TagFieldSpecifications: req.tagFieldSpecifications } : {}),
  } as FlowLogItem;
}

function create(
  tx: StateTx,
  req: FlowLogRequest,
  now: number,
  world: World,
): Omit<ClientTokenRecord, "fingerprint"> {
  const resource = RESOURCES[req.resourceType];
  const known = new Set(resource.ids(world));
  const existing = world.ec2?.FlowLogs ?? [];
  const flowLogIds: string[] = [];
  const unsuccessful: Unsuccessful[] = [];
  let duplicates = 0;
  for (const id of req.resourceIds) {
    if (!known.has(id)) {
      const error = idError(resource.rules, [id]);
      unsuccessful.push(failure(id, error.code, error.message));
    } else if (existing.some((item) => sameConfiguration(item, req, id))) {
      duplicates++;
      unsuccessful.push(failure(id, "FlowLogAlreadyExists", ALREADY_EXISTS));
    } else {
      const item = newFlowLog(req, id, world, now);
      tx.addFlowLog(item);
      flowLogIds.push(String(item.FlowLogId));
    }
  }
  // A request that only repeats existing flow logs fails as a whole, as AWS answers it.
  if (duplicates === req.resourceIds.length) throw new AwsError("FlowLogAlreadyExists", ALREADY_EXISTS);
  return { flowLogIds, unsuccessful };
}

const dryRun = () =>
  new AwsError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);

/**
 * CreateFlowLogs: request checks, DryRun, ClientToken idempotency, then one flow log per resource.
 * Signed for another region than the account's, it sees no resources there.
 */
export async function createFlowLogs(input: Input, state: EmulatorState, now: number, region = state.region) {
  const req = checkFlowLogRequest(input);
  if (input.DryRun === true) throw dryRun();
  const token =
    typeof input.ClientToken === "string" && input.ClientToken !== "" ? input.ClientToken : undefined;
  if (token !== undefined && token.length > 64)
    throw invalidParameterValue("ClientToken must be at most 64 characters.");
  const { DryRun: _dry, ClientToken: _token, ...params } = input;
  const fingerprint = createHash("sha256").update(JSON.stringify(params)).digest("hex");
  const record = await state.transact((tx) => {
    const key = `${region}/${token}`;
    const previous = token === undefined ? undefined : tx.clientToken(key);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        throw new AwsError(
          "IdempotentParameterMismatch",
          "The client token has already been used with different parameters.",
        );
      }
      return previous;
    }
    const home = region === state.region;
    const world = home ? tx.world : { accountId: state.accountId, region };
    const result = { fingerprint, ...create(tx, req, now, world) };
    if (token !== undefined) tx.setClientToken(key, result);
    return result;
  });
  return {
    ClientToken: token ?? randomUUID(),
    FlowLogIds: record.flowLogIds,
    Unsuccessful: record.unsuccessful,
  };
}

/** DeleteFlowLogs: unknown ids are reported per item in Unsuccessful, the others deleted. */
export async function deleteFlowLogs(input: Input, state: EmulatorState, region = state.region) {
  const ids = Array.isArray(input.FlowLogIds)
    ? input.FlowLogIds.filter((id): id is string => typeof id === "string")
    : [];
  if (ids.length === 0) throw missingParameter("FlowLogIds");
  if (ids.length > 1000) throw invalidParameterValue("The number of FlowLogIds exceeds the maximum of 1000.");
  if (input.DryRun === true) throw dryRun();
  const unsuccessful = await state.transact((tx) => {
    const flowLogs = region === state.region ? (tx.world.ec2?.FlowLogs ?? []) : [];
    const known = new Set(flowLogs.map((f) => f.FlowLogId));
    const missing = [...new Set(ids)].filter((id) => !known.has(id));
    for (const id of new Set(ids)) if (known.has(id)) tx.deleteFlowLog(id);
    const message = `These flow log ids in the input list are not found: [TotalCount: ${missing.length}] ${missing.join(" ")}`;
    return missing.map((id) => failure(id, "InvalidFlowLogId.NotFound", message));
  });
  return { Unsuccessful: unsuccessful };
}
