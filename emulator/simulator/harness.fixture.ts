import { expect } from "vitest";
import { type FlowRecord, parseRecord } from "../../lib/flow/record";
import { EventStore } from "../store/event-store";
import type { World } from "../world/types";
import { createSimulator, type Simulator, type SimulatorDeps } from "./index";

export interface ReadEvent {
  stream: string;
  timestamp: number;
  ingestionTime: number;
  message: string;
}

/** Every event of a group (all streams), in store order; [] when the group does not exist. */
export async function readGroup(store: EventStore, logGroupName: string): Promise<ReadEvent[]> {
  if (!(await store.getLogGroup(logGroupName))) return [];
  const out: ReadEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await store.filterLogEvents(logGroupName, nextToken ? { nextToken } : {});
    for (const e of page.events)
      out.push({
        stream: e.logStreamName,
        timestamp: e.timestamp,
        ingestionTime: e.ingestionTime,
        message: e.message,
      });
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

/** Messages with their stream, sorted: equal lists mean the same records, none twice. */
export const fingerprint = (events: readonly ReadEvent[]): string[] =>
  events.map((e) => `${e.stream} ${e.timestamp} ${e.message}`).sort();

export const MIN = 60_000;

/** In-memory stores opened by a test file; `closeAll` in its afterEach. */
export function storePool() {
  const stores: EventStore[] = [];
  return {
    async open(): Promise<EventStore> {
      const store = await EventStore.open(":memory:");
      stores.push(store);
      return store;
    },
    closeAll: () => Promise.all(stores.splice(0).map((s) => s.close())),
  };
}

/** A simulator on a fixed world with the tests' delay and seed. */
export const simulatorFor =
  (world: World, deliveryDelayMs: number) =>
  (store: EventStore, extra: Partial<SimulatorDeps> = {}): Simulator =>
    createSimulator({ state: { world: () => world }, store, deliveryDelayMs, seed: 7, ...extra });

/** Ticks once a minute from `from` to `to` (inclusive), as start() would. */
export async function run(sim: Simulator, from: number, to: number): Promise<number> {
  let delivered = 0;
  for (let now = from; now <= to; now += MIN) delivered += (await sim.tick(now)).delivered;
  return delivered;
}

/** Each event parsed in `fields`, asserting it has exactly that many tokens and parses. */
export const parsed = (events: readonly ReadEvent[], fields: readonly string[]): FlowRecord[] =>
  events.map((e) => {
    expect(e.message.split(" ")).toHaveLength(fields.length);
    const record = parseRecord(fields, e.message);
    expect(record, e.message).toBeDefined();
    return record ?? {};
  });
