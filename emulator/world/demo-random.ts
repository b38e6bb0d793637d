/**
 * Seeded randomness for the demo world. Every value comes from a stream keyed by (seed, purpose), so
 * adding a resource or an event later never shifts the ids or addresses of existing ones.
 */

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** `n` lower-case hex digits. */
  hex(n: number): string;
}

/** cyrb53-style string hash folded to 32 bits: turns (seed, key) into a stream seed. */
export function hashSeed(seed: number, key: string): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/** mulberry32: small, fast and good enough for plausible-looking demo data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    hex(n: number): string {
      let out = "";
      for (let i = 0; i < n; i++) out += int(0, 15).toString(16);
      return out;
    },
  };
}

/** A stream for one purpose, e.g. `keyedRng(seed, "ip:prod-web-1")`. */
export function keyedRng(seed: number, key: string): Rng {
  return createRng(hashSeed(seed, key));
}

export interface IdFactory {
  /**
   * An AWS-style id such as `vpc-0a1b2c3d4e5f60718` (prefix, dash, 17 hex digits starting with 0, as
   * current AWS ids do). The same (prefix, key) always gives the same id within one world.
   */
  id(prefix: string, key: string): string;
}

export function createIdFactory(seed: number): IdFactory {
  const byKey = new Map<string, string>();
  const owners = new Map<string, string>();
  return {
    id(prefix: string, key: string): string {
      const fullKey = `${prefix}:${key}`;
      const known = byKey.get(fullKey);
      if (known !== undefined) return known;
      const id = `${prefix}-0${keyedRng(seed, `id:${fullKey}`).hex(16)}`;
      const owner = owners.get(id);
      if (owner !== undefined) throw new Error(`id collision between ${owner} and ${fullKey}`);
      owners.set(id, fullKey);
      byKey.set(fullKey, id);
      return id;
    },
  };
}
