import { protocolNumber } from "../../lib/flow/protocols";
import { parseCidr } from "../../lib/net/ip";
import type { WorldTrafficFlow } from "../world/types";
import type { Endpoint } from "./conversation";
import { type FlowGenerator, pick, repeat } from "./generator";
import { converse, hostIn, poisson } from "./kit";
import type { TrafficProfile } from "./profile";
import type { Eni, Topology } from "./topology";
import { indexOf } from "./topology-index";

/** One side of a world flow: interfaces of the world, internet users, or hosts of an outside block. */
type Side = { enis: readonly Eni[] } | { internet: true } | { cidr: string };

interface Pair {
  client: Eni | Side;
  server: Eni | Side;
  key: string;
}

interface ResolvedFlow {
  flow: WorldTrafficFlow;
  protocol: number;
  pairs: Pair[];
}

function sideOf(topology: Topology, text: string): Side {
  const t = text.trim();
  if (t === "internet") return { internet: true };
  const index = indexOf(topology);
  if (t.startsWith("eni-")) {
    const eni = topology.eniById.get(t);
    return { enis: eni ? [eni] : [] };
  }
  if (t.startsWith("sg-")) return { enis: index.byGroup(t) };
  if (t.startsWith("i-")) return { enis: index.byInstance(t) };
  const cidr = parseCidr(t.includes("/") ? t : `${t}/32`);
  return cidr?.family === "ipv4" ? { cidr: cidr.text } : { enis: [] };
}

const label = (side: Eni | Side): string =>
  "id" in side ? side.id : "internet" in side ? "internet" : "cidr" in side ? side.cidr : "?";

/** Every (client, server) pair of a flow: interfaces one by one, an outside side as one peer. */
function pairsOf(from: Side, to: Side): Pair[] {
  const expand = (side: Side): (Eni | Side)[] => ("enis" in side ? [...side.enis] : [side]);
  const out: Pair[] = [];
  for (const client of expand(from))
    for (const server of expand(to)) {
      const inside = "id" in client || "id" in server;
      if (!inside || ("id" in client && "id" in server && client.id === server.id)) continue;
      out.push({ client, server, key: `${label(client)}>${label(server)}` });
    }
  return out;
}

const cache = new WeakMap<Topology, ResolvedFlow[]>();

function resolved(topology: Topology): ResolvedFlow[] {
  let flows = cache.get(topology);
  if (!flows) {
    flows = topology.traffic.flatMap((flow) => {
      const protocol = protocolNumber(flow.protocol);
      if (protocol !== 6 && protocol !== 17 && protocol !== 1) return [];
      return [{ flow, protocol, pairs: pairsOf(sideOf(topology, flow.from), sideOf(topology, flow.to)) }];
    });
    cache.set(topology, flows);
  }
  return flows;
}

function endpoint(side: Eni | Side, rng: Parameters<typeof hostIn>[0], profile: TrafficProfile) {
  if ("id" in side) return { eni: side } satisfies Endpoint;
  if ("enis" in side) return undefined;
  const ip = hostIn(rng, "cidr" in side ? side.cidr : (pick(profile.webClients, rng) ?? ""));
  return ip ? ({ ip } satisfies Endpoint) : undefined;
}

/**
 * The world's own traffic (World.traffic): each flow's pairs at its rate. Like every generator it only
 * proposes conversations; routes, network ACLs and security groups decide what becomes of them.
 */
export const worldFlows: FlowGenerator = {
  name: "world",
  generate: ({ topology, profile, rhythm, slot, rng }) =>
    resolved(topology).flatMap(({ flow, protocol, pairs }, n) => {
      const rate = flow.ratePerMinute * (flow.dailyRhythm ? rhythm : 1);
      return pairs.flatMap((pair) => {
        const r = rng(`world:${n}:${pair.key}`);
        return repeat(poisson(r, rate), () => {
          const client = endpoint(pair.client, r, profile);
          const server = endpoint(pair.server, r, profile);
          if (!client || !server) return undefined;
          return converse(r, slot, { client, server, protocol, serverPort: flow.port });
        });
      });
    }),
};
