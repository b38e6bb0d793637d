import type { EventStore } from "../store/event-store";
import type { World } from "../world/types";
import { Delivery } from "./delivery";
import { DEFAULT_PROFILE, type TrafficProfile } from "./profile";

export type { TrafficProfile } from "./profile";
export { DEFAULT_PROFILE } from "./profile";

export interface SimulatorDeps {
  state: { world(): World };
  store: EventStore;
  now?: () => number;
  /** How long after a window ends its records are delivered. Default 60 s (AWS: typically ~5 min). */
  deliveryDelayMs?: number;
  seed?: number;
  log?: (line: string) => void;
  profile?: TrafficProfile;
  /** How far back a new or long-stopped stream is filled. Default 24 h. */
  catchUpMs?: number;
  /** Simulated time one stream may advance per tick, so that catching up never stalls. Default 1 h. */
  maxSpanPerTickMs?: number;
  /** Buffered records that trigger an append. Default 200,000. */
  flushEvents?: number;
  /** Told after each append of a long tick: records so far, simulated time reached (epoch ms). */
  progress?: (delivered: number, reachedMs: number) => void;
}

export interface Simulator {
  /** Delivers every window that has ended at least the delay before `nowMs` (a bounded span per stream). */
  tick(nowMs: number): Promise<{ delivered: number }>;
  /**
   * Delivers everything due up to `nowMs` in one pass, however far behind (at most the catch-up span):
   * the history of a freshly seeded world, before the emulator announces it is ready.
   */
  catchUp(nowMs: number): Promise<{ delivered: number }>;
  /** Ticks now and then every `intervalMs` (default 10 s) on the `now` clock. */
  start(intervalMs?: number): void;
  /** Stops the timer and waits for a tick in progress. */
  stop(): Promise<void>;
}

const HOUR = 3_600_000;

/** The traffic simulator: flow logs of the world deliver simulated records into the event store. */
export function createSimulator(deps: SimulatorDeps): Simulator {
  const log = deps.log ?? (() => {});
  const now = deps.now ?? Date.now;
  const catchUpMs = deps.catchUpMs ?? 24 * HOUR;
  const delivery = new Delivery({
    store: deps.store,
    delayMs: deps.deliveryDelayMs ?? 60_000,
    seed: deps.seed ?? 1,
    profile: deps.profile ?? DEFAULT_PROFILE,
    catchUpMs,
    flushEvents: deps.flushEvents,
    progress: deps.progress,
    maxSpanMs: deps.maxSpanPerTickMs ?? HOUR,
    log,
  });
  let last: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setInterval> | undefined;
  let busy = false;

  const tick = (nowMs: number, maxSpanMs?: number): Promise<{ delivered: number }> => {
    const run = last.then(async () => ({
      delivered: await delivery.tick(deps.state.world(), nowMs, maxSpanMs),
    }));
    last = run.catch(() => undefined);
    return run;
  };
  const scheduled = () => {
    if (busy) return;
    busy = true;
    tick(now())
      .catch((error: unknown) => log(`simulator: tick failed: ${String(error)}`))
      .finally(() => {
        busy = false;
      });
  };
  return {
    tick: (nowMs) => tick(nowMs),
    catchUp: (nowMs) => tick(nowMs, catchUpMs),
    start(intervalMs = 10_000) {
      if (timer) return;
      scheduled();
      timer = setInterval(scheduled, intervalMs);
      timer.unref?.();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await last;
    },
  };
}
