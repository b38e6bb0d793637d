import type { FlowRecord } from "./flow-generator";
import { type Row, sortBy, type Value } from "./oracle";

export interface ConformanceCase {
  name: string;
  query: string;
  /** Epoch seconds, both inclusive; the whole generated span when absent. */
  window?: { start: number; end: number };
  /** The expected rows (without @ptr), in order, from the group's records inside the window. */
  expect: (records: FlowRecord[]) => Row[];
}

/** Events in the engine's default order: newest first, later-stored first among equal timestamps. */
export const rawOrder = (records: FlowRecord[]): FlowRecord[] =>
  [...records].sort((a, b) => b.timestamp - a.timestamp || b.seq - a.seq);

/** `sort <value> desc | limit n` over stats groups: ties fall back to the group keys, ascending. */
export function topBy<G extends { key: Value[] }>(
  groups: G[],
  value: (group: G) => Value,
  limit: number,
  text = false,
) {
  const scored = groups.map((group) => ({ group, value: value(group) }));
  const keys = [
    { get: (s: (typeof scored)[number]) => s.value, desc: true },
    ...(groups[0]?.key ?? []).map((_, i) => ({
      get: (s: (typeof scored)[number]) => s.group.key[i] ?? null,
      text,
    })),
  ];
  return sortBy(scored, keys).slice(0, limit);
}
