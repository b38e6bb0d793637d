import { parseRegionParam } from "@/lib/config/region-param";
import {
  DEFAULT_RANGE,
  DEFAULT_VIEW,
  PARAM_RULES,
  type TrafficPageState,
  trafficParsers,
} from "./search-params";
import { checkCustomRange } from "./time-range";

export type RawSearchParams = Record<string, string | string[] | undefined>;

export type ParsedTrafficPage =
  | { ok: true; state: TrafficPageState }
  | { ok: false; field: string; value?: string; message: string };

const first = (v: string | string[] | undefined): string | undefined => {
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s.trim() === "" ? undefined : s;
};

type Parsed = {
  [K in keyof typeof trafficParsers]: NonNullable<ReturnType<(typeof trafficParsers)[K]["parse"]>>;
};

/**
 * The traffic page's URL → its state, or the first bad parameter with what it must look like.
 * A value that does not parse is an error, never silently dropped: the page must not query something else.
 */
export function parseTrafficPage(raw: RawSearchParams, now?: number): ParsedTrafficPage {
  const region = parseRegionParam(first(raw.region));
  if (!region.ok) return { ok: false, field: "region", value: first(raw.region), message: region.message };

  const values: Partial<Record<string, unknown>> = {};
  for (const [key, parser] of Object.entries(trafficParsers)) {
    if (key === "region") continue;
    const text = first(raw[key]);
    if (text === undefined) continue;
    const value = parser.parse(text);
    if (value === null) {
      const rule = PARAM_RULES[key as keyof typeof PARAM_RULES];
      return { ok: false, field: key, value: text, message: `${key} ${rule}` };
    }
    values[key] = value;
  }
  const v = values as Partial<Parsed>;

  if (v.subnet && v.eni)
    return { ok: false, field: "eni", value: v.eni, message: "Scope to a subnet or an interface, not both." };
  const range = v.range ?? DEFAULT_RANGE;
  if (range === "custom") {
    const check = checkCustomRange(v.start, v.end, now);
    if (!check.ok) return { ok: false, field: check.field, message: `range=custom: ${check.message}` };
  }
  const state: TrafficPageState = {
    region: region.region,
    vpc: v.vpc,
    subnet: v.subnet,
    eni: v.eni,
    range,
    start: range === "custom" ? v.start : undefined,
    end: range === "custom" ? v.end : undefined,
    src: v.src,
    dst: v.dst,
    dstPort: v.dstPort,
    protocol: v.protocol,
    action: v.action,
    metric: v.metric ?? DEFAULT_VIEW.metric,
    top: v.top ?? DEFAULT_VIEW.top,
    topBy: v.topBy ?? DEFAULT_VIEW.topBy,
  };
  return { ok: true, state: dropUndefined(state) };
}

/** Absent keys stay absent, so states compare equal whatever path built them. */
function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;
}
