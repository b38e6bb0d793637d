import { createIdFactory, type IdFactory, keyedRng, type Rng } from "./demo-random";
import type { WorldEc2, WorldEc2Key } from "./types";

export const DEMO_ACCOUNT_ID = "123456789012";
export const DEMO_REGION = "us-east-1";
export const DEMO_DEFAULT_SEED = 1;
/** Used when no `now` is given, so that `buildDemoWorld({})` stays deterministic. */
export const DEMO_DEFAULT_NOW = new Date("2026-06-01T12:00:00Z");

export interface DemoContext {
  seed: number;
  now: Date;
  /** `now` in epoch seconds. */
  nowSec: number;
  accountId: string;
  region: string;
  ids: IdFactory;
  /** A random stream for one purpose, independent of every other purpose's stream. */
  rng(key: string): Rng;
  /** A CLI-style timestamp `seconds` before now (whole seconds, `+00:00`). */
  timeBefore(seconds: number, fraction?: boolean): string;
  arn(service: "ec2" | "logs", resource: string): string;
}

export function createContext(seed: number, now: Date): DemoContext {
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (Number.isNaN(now.getTime())) throw new Error("now is not a valid date");
  const nowSec = Math.floor(now.getTime() / 1000);
  const ctx: DemoContext = {
    seed,
    now,
    nowSec,
    accountId: DEMO_ACCOUNT_ID,
    region: DEMO_REGION,
    ids: createIdFactory(seed),
    rng: (key) => keyedRng(seed, key),
    timeBefore: (seconds, fraction = false) => {
      const ms =
        (nowSec - Math.round(seconds)) * 1000 + (fraction ? keyedRng(seed, `ms:${seconds}`).int(0, 999) : 0);
      return cliTime(new Date(ms), fraction);
    },
    arn: (service, resource) => `arn:aws:${service}:${DEMO_REGION}:${DEMO_ACCOUNT_ID}:${resource}`,
  };
  return ctx;
}

/**
 * ISO 8601 as the AWS CLI v2 prints it: `2026-05-02T09:14:02+00:00`, or with the microsecond
 * fraction botocore keeps for some members (`2026-05-02T09:20:11.512000+00:00`).
 */
export function cliTime(date: Date, fraction = false): string {
  const iso = date.toISOString();
  const seconds = iso.slice(0, 19);
  return fraction ? `${seconds}.${iso.slice(20, 23)}000+00:00` : `${seconds}+00:00`;
}

export const DAY = 86_400;

export type Tag = { Key: string; Value: string };

/** The tags every demo resource carries: its Name and its environment. */
export function demoTags(name: string, environment: string): Tag[] {
  return [
    { Key: "Name", Value: name },
    { Key: "Environment", Value: environment },
  ];
}

/** One element of a world `ec2` list, e.g. `Ec2Item<"Subnets">`. */
export type Ec2Item<K extends WorldEc2Key> = NonNullable<WorldEc2[K]>[number];

/** A map lookup that fails loudly: a missing key is a bug in the demo spec. */
export function mustGet<V>(map: ReadonlyMap<string, V>, key: string, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo world: unknown ${what} "${key}"`);
  return value;
}
