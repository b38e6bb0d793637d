import type { Observation } from "./conversation";
import type { TrafficProfile } from "./profile";
import { type WindowRecord, windowRecords } from "./records";
import type { Eni, Topology } from "./topology";
import { type Audience, observeSlot } from "./traffic";

const SLOT = 60;

/**
 * Simulated traffic of a stretch of time: each minute is generated once for the whole topology (or the
 * part of it `audience` names) and each ENI's window once per interval, whichever flow logs read it.
 */
export class WindowCache {
  private readonly slots = new Map<number, Map<string, Observation[]>>();
  private readonly windows = new Map<string, WindowRecord[]>();

  /** The region records' `region` field names. */
  readonly region: string;

  constructor(
    private readonly topology: Topology,
    private readonly profile: TrafficProfile,
    private readonly seed: number,
    private readonly audience?: Audience,
  ) {
    this.region = topology.region;
  }

  /** The records of `eni` in the window [start, start + interval), epoch seconds. */
  records(eni: Eni, start: number, interval: number): WindowRecord[] {
    const key = `${eni.id}|${start}|${interval}`;
    const known = this.windows.get(key);
    if (known) return known;
    const observations: Observation[] = [];
    for (let slot = start; slot < start + interval; slot += SLOT)
      observations.push(...(this.slot(slot).get(eni.id) ?? []));
    const records = windowRecords({
      eni,
      start,
      interval,
      observations,
      seed: this.seed,
      skipDataRate: this.profile.skipDataRate,
    });
    this.windows.set(key, records);
    return records;
  }

  private slot(slot: number): Map<string, Observation[]> {
    let observed = this.slots.get(slot);
    if (!observed) {
      observed = observeSlot(this.topology, this.profile, this.seed, slot, this.audience);
      this.slots.set(slot, observed);
    }
    return observed;
  }
}
