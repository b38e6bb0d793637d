import { aclForSubnet } from "../../lib/diagnosis/network-acls";
import { routeTableForSubnet } from "../../lib/diagnosis/routes";
import type { NetworkAcl, RouteTable } from "../../lib/topology/types";
import type { Eni, Topology } from "./topology";

/**
 * Lookups the simulator makes for every packet, memoized per topology: with thousands of interfaces a
 * linear search of the route tables, network ACLs or interfaces each time would dominate.
 */
export interface TopologyIndex {
  routeTable(eni: Eni): RouteTable | undefined;
  acl(eni: Eni): NetworkAcl | undefined;
  byVpc(vpcId: string): readonly Eni[];
  byGroup(groupId: string): readonly Eni[];
  byInstance(instanceId: string): readonly Eni[];
  bySubnet(subnetId: string): readonly Eni[];
}

const cache = new WeakMap<Topology, TopologyIndex>();

const groupBy = (enis: readonly Eni[], keys: (e: Eni) => readonly (string | undefined)[]) => {
  const out = new Map<string, Eni[]>();
  for (const eni of enis)
    for (const key of keys(eni)) {
      if (key === undefined) continue;
      const list = out.get(key);
      if (list) list.push(eni);
      else out.set(key, [eni]);
    }
  return out;
};

export function indexOf(topology: Topology): TopologyIndex {
  const known = cache.get(topology);
  if (known) return known;
  const byVpc = groupBy(topology.enis, (e) => [e.vpcId]);
  const byGroup = groupBy(topology.enis, (e) => e.groups.map((g) => g.GroupId));
  const byInstance = groupBy(topology.enis, (e) => [e.instanceId]);
  const bySubnet = groupBy(topology.enis, (e) => [e.subnet.SubnetId]);
  const tables = new Map<string, RouteTable | undefined>();
  const acls = new Map<string, NetworkAcl | undefined>();
  const memo = <T>(map: Map<string, T>, key: string, make: () => T): T => {
    if (map.has(key)) return map.get(key) as T;
    const value = make();
    map.set(key, value);
    return value;
  };
  const index: TopologyIndex = {
    routeTable: (eni) =>
      memo(tables, eni.subnet.SubnetId, () =>
        routeTableForSubnet(topology.routeTables, eni.subnet.SubnetId, eni.vpcId),
      ),
    acl: (eni) =>
      memo(acls, eni.subnet.SubnetId, () => aclForSubnet(topology.acls, eni.subnet.SubnetId, eni.vpcId)),
    byVpc: (id) => byVpc.get(id) ?? [],
    byGroup: (id) => byGroup.get(id) ?? [],
    byInstance: (id) => byInstance.get(id) ?? [],
    bySubnet: (id) => bySubnet.get(id) ?? [],
  };
  cache.set(topology, index);
  return index;
}
