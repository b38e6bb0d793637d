/**
 * Plain-TypeScript helpers the conformance cases use to compute expected results straight from the
 * generated records. They share no code with the engine; they restate its documented semantics:
 * missing values are null and drop out of rows, comparisons with null are false, numbers print
 * without a trailing ".0", nulls sort last, and text that holds numbers sorts numerically first.
 */

export type Value = string | number | boolean | null;
export type Row = [field: string, value: string][];

export const fmtTime = (ms: number): string => {
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
};

export function fmt(value: Value): string | null {
  if (value === null) return null;
  if (typeof value === "boolean") return value ? "1" : "0";
  return String(value);
}

/** A result row from [field, value] pairs, leaving out nulls. */
export const row = (...pairs: [string, Value][]): Row =>
  pairs.flatMap(([field, value]) => {
    const text = fmt(value);
    return text === null ? [] : [[field, text] as [string, string]];
  });

/** A number parsed from text the way SQL's TRY_CAST to DOUBLE reads it; null when it is not one. */
export function num(value: Value): number | null {
  if (value === null || typeof value === "boolean") return null;
  if (typeof value === "number") return value;
  const trimmed = value.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

export function sum(values: Value[]): number | null {
  const numbers = values.map(num).filter((v): v is number => v !== null);
  return numbers.length === 0 ? null : numbers.reduce((a, b) => a + b, 0);
}

export const count = (values: Value[]): number => values.filter((v) => v !== null).length;

type Key<T> = { get: (item: T) => Value; desc?: boolean; text?: boolean };

function compareValues(a: Value, b: Value, text: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (text) {
    const [na, nb] = [num(a), num(b)];
    if (na !== null || nb !== null) {
      if (na === null || nb === null) return na === null ? 1 : -1;
      if (na !== nb) return na < nb ? -1 : 1;
    }
  }
  if (typeof a === "number" && typeof b === "number") return a - b;
  const [sa, sb] = [String(a), String(b)];
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Sorts by the keys; nulls last whatever the direction; `text` keys put their numbers first, in numeric order. */
export function sortBy<T>(items: T[], keys: Key<T>[]): T[] {
  return [...items].sort((x, y) => {
    for (const key of keys) {
      const [a, b] = [key.get(x), key.get(y)];
      if (a === null || b === null) {
        if (a !== b) return a === null ? 1 : -1;
        continue;
      }
      const c = compareValues(a, b, key.text ?? false);
      if (c !== 0) return key.desc ? -c : c;
    }
    return 0;
  });
}

/** Groups by a tuple of values (null is a value of its own), keeping first-seen order. */
export function groupBy<T>(items: T[], key: (item: T) => Value[]): { key: Value[]; items: T[] }[] {
  const groups = new Map<string, { key: Value[]; items: T[] }>();
  for (const item of items) {
    const k = key(item);
    const id = JSON.stringify(k);
    const group = groups.get(id) ?? { key: k, items: [] };
    group.items.push(item);
    groups.set(id, group);
  }
  return [...groups.values()];
}

/** Equality per Insights' rules as the engine documents them: numeric when a side is a number; null is never equal. */
export function eq(a: Value, b: Value): boolean {
  if (a === null || b === null) return false;
  if (typeof a === "number" || typeof b === "number") {
    const [na, nb] = [num(a), num(b)];
    return na !== null && nb !== null && na === nb;
  }
  return String(a) === String(b);
}

export function ipv4ToInt(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

export function inV4Cidr(ip: string | null, cidr: string): boolean {
  if (ip === null) return false;
  const [base = "", bits = "32"] = cidr.split("/");
  const value = ipv4ToInt(ip);
  const network = ipv4ToInt(base);
  if (value === null || network === null) return false;
  const size = 2 ** (32 - Number(bits));
  return Math.floor(value / size) === Math.floor(network / size);
}

/** Expands an IPv6 address to 8 groups; null for text that is not one (enough for the generated data). */
export function ipv6Groups(text: string | null): number[] | null {
  if (text === null || !text.includes(":")) return null;
  const [head = "", tail] = text.split("::");
  const h = head === "" ? [] : head.split(":");
  const t = tail === undefined || tail === "" ? [] : tail.split(":");
  const all = [...h, ...Array(tail === undefined ? 0 : 8 - h.length - t.length).fill("0"), ...t];
  if (all.length !== 8 || !all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  return all.map((g) => Number.parseInt(g, 16));
}

export function inV6Cidr(ip: string | null, cidr: string): boolean {
  const [base = "", bits = "128"] = cidr.split("/");
  const a = ipv6Groups(ip);
  const b = ipv6Groups(base);
  if (!a || !b) return false;
  let remaining = Number(bits);
  for (let i = 0; i < 8 && remaining > 0; i++, remaining -= 16) {
    const mask = remaining >= 16 ? 0xffff : (0xffff << (16 - remaining)) & 0xffff;
    if (((a[i] ?? 0) & mask) !== ((b[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** Discrete percentile: the value at rank ceil(n·p/100) of the sorted values. */
export function percentile(values: Value[], p: number): number | null {
  const sorted = values
    .map(num)
    .filter((v): v is number => v !== null)
    .sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(sorted.length * (p / 100)) - 1)] ?? null;
}

export function stddev(values: Value[]): number | null {
  const xs = values.map(num).filter((v): v is number => v !== null);
  if (xs.length < 2) return null;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
}
