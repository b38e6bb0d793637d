import ipaddr from "ipaddr.js";
import { parseCidr } from "../../lib/net/ip";
import { addressOf, type Conversation } from "./conversation";
import { offsetIpv4 } from "./kit";
import type { Topology } from "./topology";

// Instance metadata, Amazon Time Sync, and the link-local Amazon DNS address (flow-log-records.md §7).
const LINK_LOCAL = ["169.254.169.254", "169.254.169.123", "169.254.169.253"];

const cache = new WeakMap<Topology, ReadonlySet<string>>();

/** Addresses whose traffic flow logs never record: the above, each VPC's DNS (+2) and router (+1). */
export function unrecordedAddresses(topology: Topology): ReadonlySet<string> {
  const known = cache.get(topology);
  if (known) return known;
  const out = new Set(LINK_LOCAL);
  const blocks = [
    ...[...topology.vpcs.values()].flatMap((v) => [
      v.CidrBlock,
      ...(v.CidrBlockAssociationSet ?? []).map((a) => a.CidrBlock),
    ]),
    ...topology.enis.map((e) => e.subnet.CidrBlock),
  ];
  for (const block of blocks) {
    const cidr = parseCidr(block ?? "");
    if (cidr?.family !== "ipv4") continue;
    const base = ipaddr.IPv4.networkAddressFromCIDR(cidr.text).toByteArray();
    out.add(offsetIpv4(base, 1));
    out.add(offsetIpv4(base, 2));
  }
  cache.set(topology, out);
  return out;
}

/** True for traffic a flow log leaves out: the Amazon DNS server, metadata, time sync, DHCP, the router. */
export function neverRecorded(topology: Topology, c: Conversation): boolean {
  if (c.protocol === 17 && [67, 68].includes(c.serverPort)) return true;
  const addresses = unrecordedAddresses(topology);
  return addresses.has(addressOf(c.client)) || addresses.has(addressOf(c.server));
}
