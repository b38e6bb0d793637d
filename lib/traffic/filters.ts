import { portName } from "@/lib/flow/ports";
import { protocolName } from "@/lib/flow/protocols";
import type { TopDimension, TopRow, TrafficParams } from "./contract";

export const FILTER_KEYS = ["src", "dst", "dstPort", "protocol", "action"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export type FilterChip = { key: FilterKey; label: string; value: string; hint?: string };

const LABELS: Record<FilterKey, string> = {
  src: "Source",
  dst: "Destination",
  dstPort: "Destination port",
  protocol: "Protocol",
  action: "Action",
};

type Filters = Pick<TrafficParams, FilterKey>;

/** The filters in effect, in a fixed order, as chips show them. */
export function filterChips(params: Filters): FilterChip[] {
  return FILTER_KEYS.flatMap((key) => {
    const value = params[key];
    if (value === undefined) return [];
    const text = key === "protocol" && typeof value === "number" ? protocolName(value) : String(value);
    const hint = key === "dstPort" && typeof value === "number" ? portName(value) : undefined;
    return [hint ? { key, label: LABELS[key], value: text, hint } : { key, label: LABELS[key], value: text }];
  });
}

export function hasFilters(params: Filters): boolean {
  return FILTER_KEYS.some((key) => params[key] !== undefined);
}

/** The same state without one filter. */
export function withoutFilter<T extends Filters>(params: T, key: FilterKey): T {
  const { [key]: _removed, ...rest } = params;
  return rest as T;
}

/** The same state without any filter (scope and time range kept). */
export function withoutFilters<T extends Filters>(params: T): T {
  return FILTER_KEYS.reduce((acc, key) => withoutFilter(acc, key), params);
}

/**
 * What a click on a top-talker row adds to the page: a source filters by src, a destination by dst,
 * a pair by both, a port by dstPort, and an interface scopes the page to it.
 */
export function rowFilter(dimension: TopDimension, row: TopRow): Partial<TrafficParams> | undefined {
  switch (dimension) {
    case "sources":
      return row.src ? { src: row.src } : undefined;
    case "destinations":
      return row.dst ? { dst: row.dst } : undefined;
    case "pairs":
      return row.src && row.dst ? { src: row.src, dst: row.dst } : undefined;
    case "dstPorts":
      return row.dstPort !== undefined ? { dstPort: row.dstPort } : undefined;
    case "interfaces":
      return row.interfaceId ? { eni: row.interfaceId, subnet: undefined } : undefined;
  }
}
