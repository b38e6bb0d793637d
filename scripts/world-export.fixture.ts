import type { World, WorldLogGroup } from "@/emulator/world/types";

/**
 * The world with a few flow records in every CloudWatch Logs group its flow logs name, in the hour before
 * `now`: a stream for every interface of the account in every group, as a shared log group would hold,
 * so that an export's VPC filter has something to leave out. Groups the world already has stay as they are.
 */
export function withFlowRecords(world: World, now: Date): World {
  const enis = (world.ec2?.NetworkInterfaces ?? []).map((n) => n.NetworkInterfaceId ?? "");
  const present = new Set(world.logs?.map((g) => g.logGroupName));
  const names = (world.ec2?.FlowLogs ?? [])
    .filter((f) => f.LogDestinationType === "cloud-watch-logs" && f.LogGroupName)
    .map((f) => f.LogGroupName ?? "")
    .filter((name) => !present.has(name));
  const groups = [...new Set(names)].map(
    (logGroupName): WorldLogGroup => ({
      logGroupName,
      streams: enis.map((eni, k) => ({
        logStreamName: `${eni}-all`,
        events: [0, 1, 2].map((i) => {
          const start = Math.floor(now.getTime() / 1000) - 60 * (k * 3 + 3 - i);
          const message = `2 ${world.accountId} ${eni} 10.0.0.${k + 1} 10.0.1.${i + 1} 443 ${40_000 + k} 6 1 100 ${start} ${start + 60} ACCEPT OK`;
          return { timestamp: start * 1000, message };
        }),
      })),
    }),
  );
  return { ...world, logs: [...(world.logs ?? []), ...groups] };
}

/** The VPC a flow log's resource (VPC, subnet or interface) is in. */
export function vpcOfResource(world: World, resourceId: string | undefined): string | undefined {
  const ec2 = world.ec2 ?? {};
  if (ec2.Vpcs?.some((v) => v.VpcId === resourceId)) return resourceId;
  return (
    ec2.Subnets?.find((s) => s.SubnetId === resourceId)?.VpcId ??
    ec2.NetworkInterfaces?.find((n) => n.NetworkInterfaceId === resourceId)?.VpcId
  );
}

/**
 * What AWS holds of a world. Other keys (such as the simulator's extra traffic) are emulator input that
 * no AWS API returns, so an export cannot have them.
 */
export function awsPart({ accountId, region, ec2, iam, logs }: World): World {
  return { accountId, region, ec2, iam, ...(logs ? { logs } : {}) };
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ID_OF: Record<string, string> = {
  Vpcs: "VpcId",
  Subnets: "SubnetId",
  NetworkInterfaces: "NetworkInterfaceId",
  SecurityGroups: "GroupId",
  NetworkAcls: "NetworkAclId",
  RouteTables: "RouteTableId",
  Reservations: "ReservationId",
  InternetGateways: "InternetGatewayId",
  NatGateways: "NatGatewayId",
  ManagedPrefixLists: "PrefixListId",
  FlowLogs: "FlowLogId",
  Roles: "Arn",
  logs: "logGroupName",
  streams: "logStreamName",
};

/**
 * The same content whatever the order: top-level lists sorted by id (an export sorts them, a world file
 * need not), and timestamps as instants (`…:03+00:00` and `…:03.000000+00:00` are one Date to the SDK).
 */
export function canonical(value: unknown, key = ""): unknown {
  if (typeof value === "string" && ISO_TIME.test(value)) return new Date(value).toISOString();
  if (Array.isArray(value)) {
    const items = value.map((item) => canonical(item));
    const id = ID_OF[key];
    if (!id) return items;
    const idOf = (item: unknown) => String((item as Record<string, unknown>)[id]);
    return items.sort((a, b) => idOf(a).localeCompare(idOf(b)));
  }
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v, k)]));
  }
  return value;
}
