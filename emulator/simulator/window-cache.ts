import type { Observation } from "./conversation";
import type { TrafficProfile } from "./profile";
import { type WindowRecord, windowRecords } from "./records";
import type { Eni, Topology } from "./topology";
import { observeSlot } from "./traffic";

const SLOT = 60;

/**
 * One tick's simulated traffic: each minute is generated once for the whole topology and each ENI's
 * window once per interval, whichever flow logs (and streams) read it.
 */
export class WindowCache {
  private readonly slots = new Map<number, Map<string, Observation[]>>();
  private readonly windows = new Map<string, WindowRecord[]>();

  constructor(
    private readonly topology: Topology,
    private readonly profile: TrafficProfile,
    private readonly seed: number,
  ) {}

  /** The records of `eni` in the window [start, start + interval), epoch seconds. */
  records(eni: Eni, start: number, interval: number): WindowRecord[] {
    const key = `${eni.id}|${start}|${interval}`;
    const known = this.windows.get(key);
    if (known) return known;
    const observations: Observation[] = [];
    for (let slot = start; slot < start + interval; slot += SLOT)
      observations.push(...(this.slot(slot).get(eni.id) ?? []));
    const records = windowRecords({
      topology: this.topology,
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
      observed = observeSlot(this.topology, this.profile, this.seed, slot);
      this.slots.set(slot, observed);
    }
    return observed;
  }
}
