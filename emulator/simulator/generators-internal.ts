import ipaddr from "ipaddr.js";
import { parseCidr } from "../../lib/net/ip";
import type { Conversation } from "./conversation";
import { type FlowGenerator, pick, repeat } from "./generator";
import { converse, hostIn, offsetIpv4, poisson, shapeForPort } from "./kit";
import type { Eni, Topology } from "./topology";
import { indexOf } from "./topology-index";

/** Clients talk to the servers their security-group rules pair them with (web → app → db, …). */
export const peers: FlowGenerator = {
  name: "peer",
  generate: ({ plan, profile, rhythm, slot, rng }) =>
    plan.peers.flatMap((pair) => {
      const r = rng(`peer:${pair.client.id}>${pair.server.id}:${pair.protocol}:${pair.port}`);
      const rate =
        shapeForPort(pair.protocol, pair.port) === "ssh" ? profile.rates.admin : profile.rates.peer;
      return repeat(poisson(r, rate * rhythm), () =>
        converse(r, slot, {
          client: { eni: pair.client },
          server: { eni: pair.server },
          protocol: pair.protocol,
          serverPort: pair.port,
        }),
      );
    }),
};

/** Now and then another interface of the VPC tries a port it was never granted (a stale config, a probe). */
export const strays: FlowGenerator = {
  name: "stray",
  generate: ({ topology, plan, profile, slot, rng }) =>
    plan.listeners.flatMap((listener) => {
      const r = rng(`stray:${listener.server.id}:${listener.protocol}:${listener.port}`);
      return repeat(poisson(r, profile.rates.stray), () => {
        const others = indexOf(topology)
          .byVpc(listener.server.vpcId)
          .filter(
            (e) => e.active && e.instanceId && e.id !== listener.server.id && !listener.clients.has(e.id),
          );
        const client = pick(others, r);
        if (!client) return undefined;
        const spec = {
          client: { eni: client },
          server: { eni: listener.server },
          protocol: listener.protocol,
        };
        return converse(r, slot, { ...spec, serverPort: listener.port });
      });
    }),
};

/** Instances fetch packages and call AWS services, sync clocks, and reach what their egress rules name. */
export const egress: FlowGenerator = {
  name: "egress",
  generate: ({ plan, profile, rhythm, slot, rng }) => [
    ...plan.instances.flatMap((eni) => {
      const r = rng(`egress:${eni.id}`);
      const calls = repeat(poisson(r, profile.rates.egress * rhythm), () => {
        const service = pick(profile.services, r);
        if (!service) return undefined;
        const server = { ip: service.ip, ...(service.service ? { service: service.service } : {}) };
        const shape = service.service === "S3" ? "download" : undefined;
        const spec = { client: { eni }, server, protocol: service.protocol, serverPort: service.port };
        return converse(r, slot, { ...spec, ...(shape ? { shape } : {}) });
      });
      const ntp = repeat(poisson(r, profile.rates.ntp), () => {
        const ip = pick(profile.ntpServers, r);
        if (!ip) return undefined;
        return converse(r, slot, { client: { eni }, server: { ip }, protocol: 17, serverPort: 123 });
      });
      return [...calls, ...ntp];
    }),
    ...plan.egressTargets.flatMap((target, n) => {
      const r = rng(`egress-rule:${target.eni.id}:${n}`);
      return repeat(poisson(r, profile.rates.admin * 4 * rhythm), () => {
        const ip = hostIn(r, pick(target.cidrs, r) ?? "");
        if (!ip) return undefined;
        const spec = { client: { eni: target.eni }, server: { ip }, protocol: target.protocol };
        return converse(r, slot, { ...spec, serverPort: target.port });
      });
    }),
  ],
};

/** The Amazon DNS server: the VPC's base address + 2. */
export function amazonDns(topology: Topology, eni: Eni): string | undefined {
  const cidr = parseCidr(topology.vpcs.get(eni.vpcId)?.CidrBlock ?? "");
  if (cidr?.family !== "ipv4") return undefined;
  return offsetIpv4(ipaddr.IPv4.networkAddressFromCIDR(cidr.text).toByteArray(), 2);
}

const METADATA = "169.254.169.254";
const TIME_SYNC = "169.254.169.123";

/**
 * Traffic every instance makes that flow logs never record (DNS to the Amazon resolver, instance
 * metadata, Amazon Time Sync, DHCP). Generated so that the filter that drops it is exercised.
 */
export const infrastructure: FlowGenerator = {
  name: "infra",
  generate: ({ topology, plan, profile, slot, rng }) =>
    plan.instances.flatMap((eni) => {
      const r = rng(`infra:${eni.id}`);
      return repeat(poisson(r, profile.rates.infra), (): Conversation | undefined => {
        const kind = r.int(0, 3);
        const client = { eni };
        if (kind === 0) {
          const ip = amazonDns(topology, eni);
          return ip ? converse(r, slot, { client, server: { ip }, protocol: 17, serverPort: 53 }) : undefined;
        }
        if (kind === 1)
          return converse(r, slot, { client, server: { ip: METADATA }, protocol: 6, serverPort: 80 });
        if (kind === 2)
          return converse(r, slot, { client, server: { ip: TIME_SYNC }, protocol: 17, serverPort: 123 });
        const server = { ip: "255.255.255.255" };
        return converse(r, slot, { client, server, protocol: 17, serverPort: 67, clientPort: 68 });
      });
    }),
};
