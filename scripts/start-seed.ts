import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

/** What seeded the emulator's data folder: the generated demo world, or a world file (by content). */
export type SeedSource = { kind: "demo" } | { kind: "world"; file: string; sha256: string };

export interface SeedPlan {
  /** Start the emulator with --reset: wipe its data folder and seed it from the world again. */
  reset: boolean;
  /** For the banner: where the data the dashboard shows comes from. */
  note: string;
}

const STAMP_FILE = "seeded-from.json";
// The emulator's STATE_FILE (emulator/state/open-data.ts), named here so that `npm start` does not load
// the emulator's store (and DuckDB) into its own process; start-seed.test.ts checks they agree.
export const EMULATOR_STATE_FILE = "state.duckdb";

export function worldFileSource(file: string): SeedSource {
  return { kind: "world", file, sha256: createHash("sha256").update(readFileSync(file)).digest("hex") };
}

/** Whether the emulator's folder already holds seeded data (it keeps it over a new --world otherwise). */
export const holdsData = (emulatorDir: string): boolean => existsSync(join(emulatorDir, EMULATOR_STATE_FILE));

export function readSeedStamp(emulatorDir: string): SeedSource | undefined {
  try {
    const stamp: unknown = JSON.parse(readFileSync(join(emulatorDir, STAMP_FILE), "utf8"));
    if (typeof stamp !== "object" || stamp === null) return undefined;
    const { kind, file, sha256 } = stamp as Record<string, unknown>;
    if (kind === "demo") return { kind };
    if (kind === "world" && typeof file === "string" && typeof sha256 === "string")
      return { kind, file, sha256 };
  } catch {
    // no stamp (a folder from before stamps, or none yet): unknown origin
  }
  return undefined;
}

export function writeSeedStamp(emulatorDir: string, source: SeedSource): void {
  writeFileSync(join(emulatorDir, STAMP_FILE), `${JSON.stringify(source, null, 2)}\n`);
}

const describeSource = (source: SeedSource | undefined): string =>
  source === undefined
    ? "data of unknown origin"
    : source.kind === "demo"
      ? "the demo world"
      : `world ${basename(source.file)} (sha256 ${source.sha256.slice(0, 12)})`;

const sameSource = (a: SeedSource | undefined, b: SeedSource): boolean =>
  a?.kind === b.kind && (a.kind === "demo" || (b.kind === "world" && a.sha256 === b.sha256));

/**
 * Whether the emulator reseeds its kept data folder. A world file always shows its own content: the
 * folder is reseeded when it was seeded from anything else (another file, the same file since edited,
 * the demo, or no record), and kept only when it came from this very content, so that flow logs created
 * in the dashboard survive a restart. The demo keeps its folder unless it held a world file.
 */
export function planSeed(facts: {
  holdsData: boolean;
  previous: SeedSource | undefined;
  next: SeedSource;
  reset: boolean;
}): SeedPlan {
  const { previous, next } = facts;
  if (!facts.holdsData) return { reset: false, note: "emulator data seeded from it now" };
  if (facts.reset) return { reset: true, note: "emulator data wiped and seeded from it again now (--reset)" };
  if (sameSource(previous, next)) {
    const what = next.kind === "demo" ? "the demo" : "this same file";
    return {
      reset: false,
      note: `emulator data kept from an earlier start on ${what} (--reset starts over)`,
    };
  }
  if (next.kind === "demo" && previous === undefined) {
    return { reset: false, note: "emulator data kept from an earlier start (--reset starts over)" };
  }
  return {
    reset: true,
    note: `emulator data reseeded from it now: the data folder held ${describeSource(previous)}`,
  };
}
