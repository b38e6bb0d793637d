/** The demo world with simulated history in an in-memory store, and name lookups for its tests. */
import { runQuery } from "../insights/run-query";
import { createSimulator, type Simulator } from "../simulator/index";
import { type EmulatorData, openEmulatorData } from "../state/open-data";
import { buildDemoWorld } from "./demo";
import type { World } from "./types";

export const HISTORY_NOW = Date.parse("2026-06-01T12:00:00Z");
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const PROD_LOG = "/flowscope/demo/prod-vpc";
export const BASTION_LOG = "/flowscope/demo/prod-bastion-rejects";
export const STAGING_LOG = "/flowscope/demo/staging-public-a-rejects";
export const BROKEN_LOG = "/flowscope/demo/staging-app-1";
export const PROD_CIDR = "10.0.0.0/16";
export const APP_SUBNETS = "10.0.16.0/22";

export interface DemoHistory {
  world: World;
  data: EmulatorData;
  simulator: Simulator;
  names: Names;
  /** Runs a Logs Insights query over the history; rows as field → value. */
  query(logGroupName: string, queryString: string): Promise<Record<string, string>[]>;
}

/** The demo world seeded at HISTORY_NOW and `hours` of history delivered (5-minute delivery delay). */
export async function demoHistory(hours: number): Promise<DemoHistory> {
  const world = buildDemoWorld({ seed: 1, now: new Date(HISTORY_NOW) });
  const data = await openEmulatorData({ world, now: HISTORY_NOW });
  const simulator = createSimulator({
    state: data.state,
    store: data.store,
    deliveryDelayMs: 5 * MINUTE,
    seed: 1,
    catchUpMs: hours * HOUR,
  });
  await simulator.catchUp(HISTORY_NOW);
  const query = async (logGroupName: string, queryString: string) => {
    const result = await runQuery(data.store, {
      logGroupNames: [logGroupName],
      startTime: (HISTORY_NOW - hours * HOUR) / 1000,
      endTime: HISTORY_NOW / 1000,
      queryString,
      limit: 10_000,
    });
    return result.rows.map((row) => Object.fromEntries(row.map((f) => [f.field, f.value])));
  };
  return { world, data, simulator, names: namesOf(world), query };
}

const nameTag = (tags: readonly { Key?: string; Value?: string }[] | undefined) =>
  tags?.find((t) => t.Key === "Name")?.Value;

export interface Names {
  /** An instance's primary interface by the instance's Name tag. */
  eni(instance: string): { id: string; ip: string };
  instanceId(instance: string): string;
  /** The interfaces of a subnet, by the subnet's Name tag. */
  subnetEnis(subnet: string): { id: string; ip: string }[];
  /** The interfaces of a load balancer, by its name (Description `ELB app/<name>/…`). */
  loadBalancer(name: string): { id: string; ip: string }[];
}

export function namesOf(world: World): Names {
  const ec2 = world.ec2 ?? {};
  const instances = (ec2.Reservations ?? []).flatMap((r) => r.Instances ?? []);
  const enis = (ec2.NetworkInterfaces ?? []).map((e) => ({
    id: e.NetworkInterfaceId ?? "",
    ip: e.PrivateIpAddress ?? "",
    subnetId: e.SubnetId ?? "",
    instanceId: e.Attachment?.InstanceId,
    description: e.Description ?? "",
  }));
  const plain = (list: typeof enis) => list.map(({ id, ip }) => ({ id, ip }));
  const instanceId = (name: string) => {
    const id = instances.find((i) => nameTag(i.Tags) === name)?.InstanceId;
    if (!id) throw new Error(`no instance ${name}`);
    return id;
  };
  return {
    instanceId,
    eni: (name) => {
      const id = instanceId(name);
      const [eni] = plain(enis.filter((e) => e.instanceId === id));
      if (!eni) throw new Error(`no interface for ${name}`);
      return eni;
    },
    subnetEnis: (name) => {
      const subnet = (ec2.Subnets ?? []).find((s) => nameTag(s.Tags) === name);
      return plain(enis.filter((e) => e.subnetId === subnet?.SubnetId));
    },
    loadBalancer: (name) => plain(enis.filter((e) => e.description.startsWith(`ELB app/${name}/`))),
  };
}

/** `['eni-a', 'eni-b']` for an Insights `in` list. */
export const list = (values: readonly string[]): string => `[${values.map((v) => `'${v}'`).join(", ")}]`;

/** count by a key column of stats rows (`n` is the count column). */
export const countsBy = (rows: Record<string, string>[], key: string): Record<string, number> =>
  Object.fromEntries(rows.map((r) => [r[key] ?? "", Number(r.n)]));
