import { createSimulator, type Simulator } from "./simulator/index";
import type { EmulatorState } from "./state/emulator-state";
import type { EventStore } from "./store/event-store";

export type { Simulator } from "./simulator/index";

export interface SimulatorSettings {
  /** How often the simulator delivers (FLOWSCOPE_EMULATOR_TICK_MS). */
  tickMs: number;
  /** Delay after a capture window ends (FLOWSCOPE_EMULATOR_DELIVERY_DELAY_MS); default AWS_DELIVERY_DELAY_MS. */
  deliveryDelayMs?: number;
}

/**
 * AWS delivers to CloudWatch Logs about 5 minutes after the capture window (the aggregation
 * interval) ends: flow-log-records.md §2.
 */
export const AWS_DELIVERY_DELAY_MS = 5 * 60_000;

/**
 * Starts the traffic simulator on the emulator's state and store. It first delivers everything due in
 * one pass (a freshly seeded world gets its last 24 hours of history, a stopped one what it missed),
 * so that whoever waits for the emulator finds the history queryable, then ticks on its timer.
 */
export async function startSimulator(
  deps: { state: EmulatorState; store: EventStore; now: () => number; log?: (line: string) => void },
  settings: SimulatorSettings,
): Promise<Simulator> {
  const simulator = createSimulator({
    ...deps,
    deliveryDelayMs: settings.deliveryDelayMs ?? AWS_DELIVERY_DELAY_MS,
  });
  const started = Date.now();
  const { delivered } = await simulator.catchUp(deps.now());
  if (delivered > 0)
    deps.log?.(
      `simulator: delivered ${delivered} records of history in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  simulator.start(settings.tickMs);
  return simulator;
}
