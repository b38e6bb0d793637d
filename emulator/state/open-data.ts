import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { EventStore } from "../store/event-store";
import type { World } from "../world/types";
import { EmulatorState } from "./emulator-state";

export const STATE_FILE = "state.duckdb";
export const EVENTS_FILE = "events.duckdb";

/** How the data came to be: freshly seeded from the world, reseeded by --reset, or kept from an earlier run. */
export type DataOrigin = "seeded" | "reset" | "kept";

export interface EmulatorData {
  state: EmulatorState;
  store: EventStore;
  origin: DataOrigin;
  /** The data folder; undefined when everything lives in memory. */
  dir: string | undefined;
  close(): Promise<void>;
}

export interface OpenDataOptions {
  world: World;
  /** Undefined: in memory, always seeded from `world`. */
  dir?: string;
  reset?: boolean;
  now?: number;
  /** Caps the event store's DuckDB buffer pool (e.g. "1GB"). */
  memoryLimit?: string;
}

export const logGroupArn = (region: string, accountId: string, name: string): string =>
  `arn:aws:logs:${region}:${accountId}:log-group:${name}:*`;

function removeDatabase(path: string): void {
  for (const file of [path, `${path}.wal`]) rmSync(file, { force: true });
}

/** The world's log groups, streams and events into an empty store. */
async function seedStore(store: EventStore, world: World, now: number): Promise<void> {
  for (const group of world.logs ?? []) {
    const first = group.streams
      .flatMap((s) => s.events.map((e) => e.timestamp))
      .reduce((a, b) => Math.min(a, b), now);
    await store.createLogGroup({
      logGroupName: group.logGroupName,
      creationTime: first,
      arn: logGroupArn(world.region, world.accountId, group.logGroupName),
    });
    for (const stream of group.streams) {
      const ingestion = stream.events.reduce((max, e) => Math.max(max, e.timestamp), first);
      await store.append(group.logGroupName, stream.logStreamName, stream.events, ingestion);
    }
  }
}

/**
 * Opens the emulator's state and event store in `dir` (or in memory). An empty folder is seeded from
 * the world; a seeded one is kept as it is (the world is ignored) unless `reset` wipes and reseeds it.
 * The state is marked seeded last, so a crash while seeding leaves a folder that is seeded again.
 */
export async function openEmulatorData(options: OpenDataOptions): Promise<EmulatorData> {
  const { world, dir } = options;
  const now = options.now ?? Date.now();
  const statePath = dir ? join(dir, STATE_FILE) : ":memory:";
  const eventsPath = dir ? join(dir, EVENTS_FILE) : ":memory:";
  if (dir) mkdirSync(dir, { recursive: true });
  if (dir && options.reset) {
    removeDatabase(statePath);
    removeDatabase(eventsPath);
  }
  let state = await EmulatorState.open(statePath);
  let origin: DataOrigin = options.reset ? "reset" : "seeded";
  if (state.seeded) {
    origin = "kept";
  } else if (dir) {
    // A half-seeded folder from a crash: start both databases afresh.
    await state.close();
    removeDatabase(statePath);
    removeDatabase(eventsPath);
    state = await EmulatorState.open(statePath);
  }
  const store = await EventStore.open(eventsPath, { memoryLimit: options.memoryLimit });
  if (origin !== "kept") {
    await seedStore(store, world, now);
    await state.seed(world, now);
  }
  return {
    state,
    store,
    origin,
    dir,
    close: async () => {
      await Promise.allSettled([state.close(), store.close()]);
    },
  };
}
