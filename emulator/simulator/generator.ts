import type { Rng } from "../world/demo-random";
import type { Conversation } from "./conversation";
import type { TrafficPlan } from "./plan";
import type { TrafficProfile } from "./profile";
import type { Topology } from "./topology";

/** What a flow generator sees for one minute of simulated time. */
export interface GeneratorContext {
  topology: Topology;
  plan: TrafficPlan;
  profile: TrafficProfile;
  /** Epoch seconds at the start of the minute. */
  slot: number;
  /** The profile's daily rhythm at this minute (1 at the peak). */
  rhythm: number;
  /** A random stream for one purpose in this minute, independent of every other purpose's. */
  rng(key: string): Rng;
}

/** One kind of traffic; the simulator runs a table of them every minute. */
export interface FlowGenerator {
  name: string;
  generate(ctx: GeneratorContext): Conversation[];
}

/** Up to `count` conversations from `make` (which may find nothing to make). */
export function repeat(count: number, make: () => Conversation | undefined): Conversation[] {
  const out: Conversation[] = [];
  for (let i = 0; i < count; i++) {
    const c = make();
    if (c) out.push(c);
  }
  return out;
}

export const pick = <T>(items: readonly T[], rng: Rng): T | undefined =>
  items.length === 0 ? undefined : rng.pick(items);
