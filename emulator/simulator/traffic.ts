import { keyedRng } from "../world/demo-random";
import type { Conversation, Observation } from "./conversation";
import type { FlowGenerator, GeneratorContext } from "./generator";
import { egress, infrastructure, peers, strays } from "./generators-internal";
import { namedSources, pings, scanners, webClients } from "./generators-internet";
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

/** What every ENI records in the minute starting at `slot` (epoch seconds, a multiple of 60). */
export function observeSlot(
  topology: Topology,
  profile: TrafficProfile,
  seed: number,
  slot: number,
): Map<string, Observation[]> {
  const byEni = new Map<string, Observation[]>();
  for (const c of conversationsAt(topology, profile, seed, slot)) {
    if (neverRecorded(topology, c)) continue;
    const { sightings, completed } = evaluatePath(topology, c);
    for (const s of sightings) {
      const list = byEni.get(s.eni.id) ?? [];
      list.push(materialize(s, c, completed));
      byEni.set(s.eni.id, list);
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
  return {
    ...s,
    protocol: c.protocol,
    packets,
    bytes,
    start: c.start,
    end:
      completed || !tcp
        ? c.end
        : Math.min(c.start + 3 * (retries - 1), c.start - (c.start % SLOT) + SLOT - 1),
    tcpFlags: flags,
  };
}
