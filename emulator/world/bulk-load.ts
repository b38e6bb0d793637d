/**
 * Fills an emulator data folder with a world and hours of simulated flow records, straight into the
 * event store: the simulator's batched path, ten minutes of simulated time at a time, appends of
 * bounded size. Memory does not grow with the number of records, so benchmark-sized histories (tens
 * of millions of records) never pass through a world file. The emulator started afterwards on the same
 * folder (`--data DIR`, without --reset) keeps it and goes on from where it ends.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { createSimulator } from "../simulator/index";
import { AWS_DELIVERY_DELAY_MS } from "../simulator-host";
import { EVENTS_FILE, openEmulatorData } from "../state/open-data";
import type { World } from "./types";

export interface BulkLoadOptions {
  world: World;
  dataDir: string;
  /** The end of the history (epoch ms); the emulator later continues from here. */
  now: number;
  /** How much history, ending at `now`. */
  hours: number;
  /** The simulator's seed (the emulator's own is 1). */
  seed?: number;
  /** Records buffered before an append. Default 250,000. */
  flushEvents?: number;
  /** DuckDB's buffer pool while loading. Default "512MB": the pool would otherwise keep what it wrote. */
  memoryLimit?: string;
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface BulkLoadResult {
  records: number;
  logGroups: number;
  seedMs: number;
  generateMs: number;
  eventsFileBytes: number;
}

const HOUR = 3_600_000;

export async function bulkLoad(options: BulkLoadOptions): Promise<BulkLoadResult> {
  const log = options.log ?? (() => {});
  const seeding = Date.now();
  const data = await openEmulatorData({
    world: options.world,
    dir: options.dataDir,
    reset: true,
    now: options.now,
    memoryLimit: options.memoryLimit ?? "512MB",
  });
  const seedMs = Date.now() - seeding;
  log(`seeded ${options.dataDir} from the world in ${(seedMs / 1000).toFixed(1)} s`);
  const from = options.now - options.hours * HOUR;
  const started = Date.now();
  let records = 0;
  let logGroups = 0;
  try {
    const simulator = createSimulator({
      state: data.state,
      store: data.store,
      seed: options.seed ?? 1,
      deliveryDelayMs: AWS_DELIVERY_DELAY_MS,
      catchUpMs: options.hours * HOUR,
      flushEvents: options.flushEvents ?? 250_000,
      progress: (delivered, reached) => {
        const done = Math.min(1, (reached - from) / (options.hours * HOUR));
        const seconds = (Date.now() - started) / 1000;
        const rss = (process.memoryUsage.rss() / 1e6).toFixed(0);
        log(
          `${delivered} records, ${(done * 100).toFixed(0)}% of the span, ${seconds.toFixed(0)} s, RSS ${rss} MB`,
        );
      },
    });
    records = (await simulator.catchUp(options.now)).delivered;
    logGroups = (await data.store.listLogGroups({ limit: 50 })).items.length;
  } finally {
    await data.close();
  }
  return {
    records,
    logGroups,
    seedMs,
    generateMs: Date.now() - started,
    eventsFileBytes: statSync(join(options.dataDir, EVENTS_FILE)).size,
  };
}
