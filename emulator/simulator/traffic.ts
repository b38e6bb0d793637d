import { keyedRng } from "../world/demo-random";
import { type Conversation, isEni, type Observation } from "./conversation";
import type { FlowGenerator, GeneratorContext } from "./generator";
import { egress, infrastructure, peers, strays } from "./generators-internal";
import { namedSources, pings, scanners, webClients } from "./generators-internet";
import { worldFlows } from "./generators-world";
import { neverRecorded } from "./never-recorded";
import { evaluatePath } from "./path";
import { planFor } from "./plan";
import type { TrafficProfile } from "./profile";
import type { Sighting } from "./sighting";
import type { Topology } from "./topology";

/** The table of flow generators; a richer profile adds rows here. */
export const GENERATORS: readonly FlowGenerator[] = [
  webClients,
  scanners,
  pings,
  namedSources,
  peers,
  strays,
  egress,
  infrastructure,
  worldFlows,
];

const SLOT = 60;

/** Every conversation of one minute, before anything is dropped. */
export function conversationsAt(
  topology: Topology,
  profile: TrafficProfile,
  seed: number,
  slot: number,
  generators: readonly FlowGenerator[] = GENERATORS,
): Conversation[] {
  const ctx: GeneratorContext = {
    topology,
    plan: planFor(topology),
    profile,
    slot,
    rhythm: profile.rhythm(slot),
    rng: (key) => keyedRng(seed, `${slot}:${key}`),
  };
  return generators.flatMap((g) => g.generate(ctx));
}

/** Which interfaces anyone reads, and their VPCs: a conversation outside them is not worth following. */
export interface Audience {
  enis: ReadonlySet<string>;
  vpcs: ReadonlySet<string>;
}

const vpcOf = (e: Conversation["client"]): string | undefined => (isEni(e) ? e.eni.vpcId : undefined);

/**
 * What every ENI records in the minute starting at `slot` (epoch seconds, a multiple of 60), or only
 * those of `audience`: leaving the others out changes nothing for them, every stream of randomness
 * being keyed by its own purpose.
 */
export function observeSlot(
  topology: Topology,
  profile: TrafficProfile,
  seed: number,
  slot: number,
  audience?: Audience,
): Map<string, Observation[]> {
  const byEni = new Map<string, Observation[]>();
  for (const c of conversationsAt(topology, profile, seed, slot)) {
    if (audience) {
      const [from, to] = [vpcOf(c.client), vpcOf(c.server)];
      if (!(from && audience.vpcs.has(from)) && !(to && audience.vpcs.has(to))) continue;
    }
    if (neverRecorded(topology, c)) continue;
    const { sightings, completed } = evaluatePath(topology, c);
    for (const s of sightings) {
      if (audience && !audience.enis.has(s.eni.id)) continue;
      const list = byEni.get(s.eni.id);
      const observation = materialize(s, c, completed);
      if (list) list.push(observation);
      else byEni.set(s.eni.id, [observation]);
    }
  }
  return byEni;
}

/**
 * Packets, bytes and flags of one sighting. A completed TCP exchange opens and closes inside the
 * minute (SYN+FIN 3 from the client, SYN-ACK+FIN 19 from the server, flow-log-records.md §4); an
 * unanswered one is a few SYN (2) retries, and SYN-ACK (18) retries where the reply was dropped.
 */
function materialize(s: Sighting, c: Conversation, completed: boolean): Observation {
  const request = s.leg === "request";
  const tcp = c.protocol === 6;
  const retries = 1 + (c.clientPort % 3);
  const packets = tcp && !completed ? retries : request ? c.requestPackets : c.replyPackets;
  const bytes = tcp && !completed ? retries * (request ? 60 : 44) : request ? c.requestBytes : c.replyBytes;
  const flags = tcp ? (request ? (completed ? 3 : 2) : completed ? 19 : 18) : 0;
  // Sightings are made fresh for each conversation: completing one in place saves a copy per record.
  return Object.assign(s, {
    protocol: c.protocol,
    packets,
    bytes,
    start: c.start,
    end:
      completed || !tcp
        ? c.end
        : Math.min(c.start + 3 * (retries - 1), c.start - (c.start % SLOT) + SLOT - 1),
    tcpFlags: flags,
  });
}
