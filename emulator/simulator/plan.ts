import { protocolNumber } from "../../lib/flow/protocols";
import { ipInCidr, isPrivateIp, parseCidr } from "../../lib/net/ip";
import type { IpPermission } from "../../lib/topology/types";
import type { Eni, Topology } from "./topology";
import { indexOf } from "./topology-index";

export interface Port {
  protocol: number;
  /** 0 for ICMP echo. */
  port: number;
}

export interface PeerPair extends Port {
  client: Eni;
  server: Eni;
}

export interface Listener extends Port {
  server: Eni;
  /** ENIs that a rule names as clients of this port. */
  clients: ReadonlySet<string>;
}

export interface CidrTarget extends Port {
  eni: Eni;
  cidrs: string[];
}

/** Who talks to whom, read from the world's security-group rules (cached per topology). */
export interface TrafficPlan {
  /** Active, non-NAT ENIs with a public IPv4 address: what internet clients and scanners reach. */
  publicEnis: Eni[];
  /** Ports a public ENI's groups open to 0.0.0.0/0 (its web ports). */
  openPorts: ReadonlyMap<string, Port[]>;
  /** Ports a group opens to specific public CIDRs or prefix lists (offices, partners). */
  adminSources: CidrTarget[];
  peers: PeerPair[];
  listeners: Listener[];
  /** Instance ENIs that are up: they reach the internet, the DNS resolver, the metadata service. */
  instances: Eni[];
  /** Egress rules that name specific public destinations: an instance's intent to reach them. */
  egressTargets: CidrTarget[];
}

const ADMIN_PORTS = new Set([22, 23, 3389, 5900, 5985, 5986]);
const MAX_CLIENTS_PER_PORT = 6;

/** The ports a rule covers that are worth generating traffic on: single ports, the start of a range. */
export function portsOf(perm: IpPermission): Port[] {
  const protocol = protocolNumber(perm.IpProtocol ?? "-1");
  if (protocol === 1) return perm.FromPort === 8 || perm.FromPort === -1 ? [{ protocol, port: 0 }] : [];
  if (protocol !== 6 && protocol !== 17) return [];
  const from = perm.FromPort ?? 0;
  const to = perm.ToPort ?? from;
  if (from < 0 || to < from) return [];
  if (to - from < 4) return Array.from({ length: to - from + 1 }, (_, i) => ({ protocol, port: from + i }));
  return to - from <= 1000 ? [{ protocol, port: from }] : [];
}

type Source = { group: string } | { cidr: string };

function sourcesOf(perm: IpPermission, topology: Topology): Source[] {
  return [
    ...(perm.IpRanges ?? []).flatMap((r) => (r.CidrIp ? [{ cidr: r.CidrIp }] : [])),
    ...(perm.PrefixListIds ?? []).flatMap((p) =>
      p.PrefixListId ? topology.prefixListCidrs(p.PrefixListId).map((cidr) => ({ cidr })) : [],
    ),
    ...(perm.UserIdGroupPairs ?? []).flatMap((g) => (g.GroupId ? [{ group: g.GroupId }] : [])),
  ];
}

const cidrsOf = (sources: Source[]): string[] => sources.flatMap((s) => ("cidr" in s ? [s.cidr] : []));
const isPrivateBlock = (cidr: string) => isPrivateIp(cidr.split("/")[0] ?? "");
const isWorld = (cidr: string) => parseCidr(cidr)?.prefix === 0;

/** ENIs of `vpcId` a source names: members of a group, or addresses inside a private block. */
function peersOf(topology: Topology, source: Source, vpcId: string): readonly Eni[] {
  const index = indexOf(topology);
  if ("group" in source) return index.byGroup(source.group).filter((e) => e.vpcId === vpcId);
  if (!isPrivateBlock(source.cidr) || isWorld(source.cidr)) return [];
  return index.byVpc(vpcId).filter((e) => ipInCidr(e.ip, source.cidr));
}

const cache = new WeakMap<Topology, TrafficPlan>();

export function planFor(topology: Topology): TrafficPlan {
  let plan = cache.get(topology);
  if (!plan) {
    plan = derivePlan(topology);
    cache.set(topology, plan);
  }
  return plan;
}

function derivePlan(topology: Topology): TrafficPlan {
  const active = topology.enis.filter((e) => e.active);
  const publicEnis = active.filter((e) => e.publicIp && !e.natGatewayId);
  const openPorts = new Map<string, Port[]>();
  const adminSources: CidrTarget[] = [];
  const egressTargets: CidrTarget[] = [];
  const pairs = new Map<string, PeerPair>();
  const listeners = new Map<string, Listener & { clients: Set<string> }>();
  const addPair = (client: Eni, server: Eni, p: Port) => {
    if (client.id === server.id) return;
    const key = `${server.id}|${p.protocol}|${p.port}`;
    const listener = listeners.get(key) ?? { server, ...p, clients: new Set<string>() };
    listeners.set(key, listener);
    if (listener.clients.size >= MAX_CLIENTS_PER_PORT || listener.clients.has(client.id)) return;
    listener.clients.add(client.id);
    pairs.set(`${client.id}>${key}`, { client, server, ...p });
  };
  for (const eni of topology.enis) {
    for (const group of eni.groups) {
      for (const perm of group.IpPermissions ?? []) {
        const ports = portsOf(perm);
        const sources = sourcesOf(perm, topology);
        const publicCidrs = cidrsOf(sources).filter((c) => !isPrivateBlock(c) && !isWorld(c));
        if (eni.publicIp && cidrsOf(sources).some(isWorld)) {
          const web = ports.filter((p) => p.protocol === 6 && !ADMIN_PORTS.has(p.port));
          openPorts.set(eni.id, [...(openPorts.get(eni.id) ?? []), ...web]);
        }
        if (publicCidrs.length > 0)
          for (const p of ports) adminSources.push({ eni, ...p, cidrs: publicCidrs });
        for (const source of sources)
          for (const client of peersOf(topology, source, eni.vpcId))
            for (const p of ports) addPair(client, eni, p);
      }
      for (const perm of group.IpPermissionsEgress ?? []) {
        const ports = portsOf(perm);
        const sources = sourcesOf(perm, topology);
        const publicCidrs = cidrsOf(sources).filter((c) => !isPrivateBlock(c) && !isWorld(c));
        if (publicCidrs.length > 0)
          for (const p of ports) egressTargets.push({ eni, ...p, cidrs: publicCidrs });
        for (const source of sources)
          for (const server of peersOf(topology, source, eni.vpcId))
            for (const p of ports) addPair(eni, server, p);
      }
    }
  }
  return {
    publicEnis,
    openPorts,
    adminSources: adminSources.filter((a) => a.eni.active && a.eni.publicIp),
    peers: [...pairs.values()].filter((p) => p.client.active),
    listeners: [...listeners.values()],
    instances: active.filter((e) => e.instanceId),
    egressTargets: egressTargets.filter((t) => t.eni.active),
  };
}
