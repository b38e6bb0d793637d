import { parseArgs } from "node:util";
import { DEMO_DEFAULT_SEED } from "./demo-context";
import { MAX_SCALE } from "./demo-spec-scale";

export const WORLD_DEMO_USAGE = `usage: npm run world:demo -- [--seed N] [--now ISO-8601] [--scale S] > world.json
  --scale S   1 (default) is the demo; S > 2 adds S − 2 generated service VPCs of ~200 interfaces each
              (at most ${MAX_SCALE}). Records: npm run world:bulk-load -- --world world.json --data DIR`;

/** Bad command-line input: the caller prints the message and exits with EX_USAGE (64). */
export class UsageError extends Error {}

export interface WorldDemoArgs {
  seed: number;
  now: Date;
  scale: number;
  help: boolean;
}

/** The current time rounded down to the minute: the default `--now`. */
export const floorToMinute = (date: Date): Date => new Date(Math.floor(date.getTime() / 60_000) * 60_000);

/** Parses `world:demo` arguments; `clock` is the current time (a parameter so tests can fix it). */
export function parseWorldDemoArgs(argv: string[], clock: Date): WorldDemoArgs {
  let values: { seed?: string; now?: string; scale?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        seed: { type: "string" },
        now: { type: "string" },
        scale: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const seed = values.seed === undefined ? DEMO_DEFAULT_SEED : Number(values.seed);
  if (
    values.seed !== undefined &&
    (!/^\d+$/.test(values.seed) || !Number.isSafeInteger(seed) || seed > 0xffffffff)
  ) {
    throw new UsageError(`--seed must be an integer from 0 to 4294967295, got "${values.seed}"`);
  }
  const now = values.now === undefined ? floorToMinute(clock) : parseIsoDate(values.now);
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (values.scale !== undefined && (!/^\d+$/.test(values.scale) || scale < 1 || scale > MAX_SCALE)) {
    throw new UsageError(`--scale must be an integer from 1 to ${MAX_SCALE}, got "${values.scale}"`);
  }
  return { seed, now, scale, help: values.help === true };
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function parseIsoDate(text: string): Date {
  const date = new Date(text);
  if (!ISO_8601.test(text) || Number.isNaN(date.getTime())) {
    throw new UsageError(
      `--now must be an ISO 8601 time with a zone, e.g. 2026-06-01T12:00:00Z, got "${text}"`,
    );
  }
  return date;
}
