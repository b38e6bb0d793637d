import type { FlowLog } from "@aws-sdk/client-ec2";
import {
  type CliShape,
  WORLD_EC2_KEYS,
  type World,
  type WorldEc2,
  type WorldEc2Key,
  type WorldRole,
  type WorldTrafficFlow,
} from "../world/types";
import { parseRoleArn, permitsDelivery, trustsService } from "./trust-policy";

export type FlowLogItem = CliShape<FlowLog>;

export type StateKind = WorldEc2Key | "Roles" | "RolePolicies" | "ClientTokens" | "Traffic";

const EC2_KEYS: readonly WorldEc2Key[] = WORLD_EC2_KEYS;

// Items the API can change are keyed by their id; the rest only need a stable order.
const ID_MEMBER: Partial<Record<StateKind, string>> = { FlowLogs: "FlowLogId", Roles: "RoleName" };

/** The world's ec2 and iam as (kind, id, doc) items, in the world's order. */
export function itemsFromWorld(world: World): { kind: StateKind; id: string; doc: unknown }[] {
  const out: { kind: StateKind; id: string; doc: unknown }[] = [];
  const add = (kind: StateKind, docs: readonly object[] | undefined) =>
    docs?.forEach((doc, i) => {
      const member = ID_MEMBER[kind];
      const id = member ? (doc as Record<string, unknown>)[member] : undefined;
      out.push({ kind, id: typeof id === "string" ? id : `#${i}`, doc });
    });
  for (const key of EC2_KEYS) add(key, world.ec2?.[key]);
  add("Roles", world.iam?.Roles);
  add("Traffic", world.traffic);
  return out;
}

interface Entry {
  seq: number;
  managed: boolean;
  doc: unknown;
}

const ordered = (entries: Map<string, Entry> | undefined): Entry[] =>
  [...(entries?.values() ?? [])].sort((a, b) => a.seq - b.seq);

/**
 * DeliverLogsStatus of a flow log created through the API: CloudWatch Logs delivery needs a role of
 * this account whose trust policy lets vpc-flow-logs.amazonaws.com assume it and, when the emulator knows
 * the role's permissions (inline policies put through the API), lets it create streams and put events in
 * the log group; otherwise AWS shows FAILED with "Access error" (create-flow-logs.md §4). Roles of the
 * world file come without their permissions, so theirs are taken as sufficient.
 */
export function withDeliveryStatus(
  item: FlowLogItem,
  roles: readonly WorldRole[],
  accountId: string,
  policiesOf: (roleName: string) => readonly unknown[] = () => [],
): FlowLogItem {
  const { DeliverLogsErrorMessage: _previous, ...rest } = item;
  if (item.LogDestinationType !== "cloud-watch-logs") return { ...rest, DeliverLogsStatus: "SUCCESS" };
  const arn = parseRoleArn(item.DeliverLogsPermissionArn ?? "");
  const role = arn?.accountId === accountId ? roles.find((r) => r.RoleName === arn.roleName) : undefined;
  const policies = role?.RoleName ? policiesOf(role.RoleName) : [];
  const groupArn = item.LogDestination ?? `arn:aws:logs:*:${accountId}:log-group:${item.LogGroupName ?? ""}`;
  const permitted = policies.length === 0 || permitsDelivery(policies, groupArn.replace(/:\*$/, ""));
  if (role && trustsService(role.AssumeRolePolicyDocument) && permitted)
    return { ...rest, DeliverLogsStatus: "SUCCESS" };
  return { ...rest, DeliverLogsStatus: "FAILED", DeliverLogsErrorMessage: "Access error" };
}

/** The account as a World, items in creation order; API-made flow logs get their delivery status now. */
export function buildWorld(accountId: string, region: string, kinds: Map<string, Map<string, Entry>>): World {
  const roles = ordered(kinds.get("Roles")).map((e) => e.doc as WorldRole);
  // Inline policies are keyed "role/policy" (role names hold no "/").
  const policies = new Map<string, unknown[]>();
  for (const [key, entry] of kinds.get("RolePolicies") ?? []) {
    const roleName = key.slice(0, key.indexOf("/"));
    policies.set(roleName, [...(policies.get(roleName) ?? []), entry.doc]);
  }
  const policiesOf = (roleName: string) => policies.get(roleName) ?? [];
  const ec2: WorldEc2 = {};
  for (const key of EC2_KEYS) {
    const entries = ordered(kinds.get(key));
    if (entries.length === 0) continue;
    const docs =
      key === "FlowLogs"
        ? entries.map((e) =>
            e.managed ? withDeliveryStatus(e.doc as FlowLogItem, roles, accountId, policiesOf) : e.doc,
          )
        : entries.map((e) => e.doc);
    Object.assign(ec2, { [key]: docs });
  }
  const traffic = ordered(kinds.get("Traffic")).map((e) => e.doc as WorldTrafficFlow);
  return { accountId, region, ec2, iam: { Roles: roles }, ...(traffic.length > 0 ? { traffic } : {}) };
}
