import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildDemoWorld } from "@/emulator/world/demo";
import {
  holdsData,
  planSeed,
  readSeedStamp,
  type SeedSource,
  worldFileSource,
  writeSeedStamp,
} from "./start-seed";
import type { Supervisor } from "./start-supervisor";
import { waitForHttpOk, waitForLine } from "./start-wait";

export interface EmulatorInfo {
  endpoint: string;
  accountId: string;
  region: string;
  /** The world file it loaded; undefined for the generated demo world. */
  worldFile: string | undefined;
  /** Whether its data was seeded from the world now or kept from an earlier start, and why. */
  seedNote: string;
}

export const EMULATOR_HOST = "127.0.0.1";
const EMULATOR_CLI = "emulator/cli.ts";
const READY_LINE = /Flowscope emulator listening on (http:\/\/\S+)/;
const READY_TIMEOUT_MS = 90_000;

/**
 * Writes a fresh demo world (unless a world file is given), starts the emulator on it (the port must be
 * free), reseeding its data folder when that holds another world (start-seed.ts), and waits until it is
 * healthy.
 */
export async function startEmulator(
  supervisor: Supervisor,
  settings: {
    port: number;
    world: string | undefined;
    reset: boolean;
    dataDir: string;
    env: NodeJS.ProcessEnv;
  },
): Promise<EmulatorInfo> {
  const emulatorDir = join(settings.dataDir, "emulator");
  const source: SeedSource = settings.world ? worldFileSource(settings.world) : { kind: "demo" };
  const seeded = holdsData(emulatorDir);
  const plan = planSeed({
    holdsData: seeded,
    previous: readSeedStamp(emulatorDir),
    next: source,
    reset: settings.reset,
  });
  const worldFile = settings.world ?? (await writeDemoWorld(settings.dataDir));
  const args = [
    "--world",
    worldFile,
    "--data",
    emulatorDir,
    "--port",
    String(settings.port),
    "--host",
    EMULATOR_HOST,
  ];
  if (plan.reset) args.push("--reset");
  // --quiet: a log line per AWS call would bury the app's own messages in the terminal.
  const env = { ...settings.env, FLOWSCOPE_DATA_DIR: settings.dataDir };
  const child = supervisor.service(
    "emulator",
    process.execPath,
    ["--import", "tsx", EMULATOR_CLI, ...args, "--quiet"],
    {
      env,
    },
  );
  await waitForLine(child, READY_LINE, READY_TIMEOUT_MS);
  const endpoint = `http://${EMULATOR_HOST}:${settings.port}`;
  const health = await waitForHttpOk(child, `${endpoint}/_flowscope/health`, 15_000);
  if (!isHealth(health))
    throw new Error(`The emulator's health answer is not understood: ${JSON.stringify(health)}`);
  if (plan.reset || !seeded) writeSeedStamp(emulatorDir, source);
  return {
    endpoint,
    accountId: health.accountId,
    region: health.region,
    worldFile: settings.world,
    seedNote: plan.note,
  };
}

async function writeDemoWorld(dataDir: string): Promise<string> {
  const file = join(dataDir, "demo-world.json");
  // `now` = this start, so the demo's flow records cover the dashboard's default "last hour".
  await writeFile(file, `${JSON.stringify(buildDemoWorld({ now: new Date() }))}\n`);
  return file;
}

interface Health {
  ok: true;
  accountId: string;
  region: string;
}

function isHealth(value: unknown): value is Health {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return record.ok === true && typeof record.accountId === "string" && typeof record.region === "string";
}
