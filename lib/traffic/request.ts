import { z } from "zod";
import { isRegionName } from "@/lib/config/regions";
import { parseCidr } from "@/lib/net/ip";
import {
  type PanelRequest,
  SERIES_METRICS,
  TIME_RANGES,
  type TimeRangeKey,
  TOP_DIMENSIONS,
  TOP_METRICS,
} from "./contract";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far back each range key reaches from now. */
export const RANGE_MS: Readonly<Record<Exclude<TimeRangeKey, "custom">, number>> = {
  "15m": 15 * MINUTE,
  "1h": HOUR,
  "6h": 6 * HOUR,
  "24h": DAY,
  "7d": 7 * DAY,
};
export const MAX_CUSTOM_RANGE_MS = 31 * DAY;
export const TOP_LIMIT = { default: 10, max: 50 } as const;

const id = (prefix: string, what: string) =>
  z.string().regex(new RegExp(`^${prefix}-(?:[0-9a-f]{8}|[0-9a-f]{17})$`), {
    error: `expected ${what} id like ${prefix}-0123456789abcdef0`,
  });

const int = (min: number, max: number, what: string) =>
  z
    .string()
    .regex(/^\d{1,15}$/, { error: `expected ${what}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `${what} is ${min}–${max}` })
        .max(max, { error: `${what} is ${min}–${max}` }),
    );

const address = z
  .string()
  .max(49, { error: "expected an IP address or CIDR block" })
  .refine((value) => /^[0-9A-Fa-f:.]+(?:\/\d{1,3})?$/.test(value) && parseCidr(value) !== undefined, {
    error: "expected an IP address or CIDR block",
  });

/** The parameters every panel takes (the flow explorer's records API reuses them). */
export const PANEL_PARAMS = {
  region: z
    .string()
    .max(32)
    .refine(isRegionName, { error: "expected an AWS region such as us-east-1" })
    .optional(),
  vpc: id("vpc", "a VPC"),
  subnet: id("subnet", "a subnet").optional(),
  eni: id("eni", "an interface").optional(),
  range: z.enum(TIME_RANGES, { error: `expected one of ${TIME_RANGES.join(", ")}` }).default("1h"),
  start: int(0, Number.MAX_SAFE_INTEGER, "epoch milliseconds").optional(),
  end: int(0, Number.MAX_SAFE_INTEGER, "epoch milliseconds").optional(),
  src: address.optional(),
  dst: address.optional(),
  dstPort: int(0, 65535, "a port number").optional(),
  protocol: int(0, 255, "a protocol number").optional(),
  action: z.enum(["ACCEPT", "REJECT"], { error: "expected ACCEPT or REJECT" }).optional(),
};

/** The panel API's URL parameters (strings), checked and typed; time rules need now: see parsePanelRequest. */
export const PanelRequestSchema = z.discriminatedUnion(
  "panel",
  [
    z.object({
      ...PANEL_PARAMS,
      panel: z.literal("timeseries"),
      metric: z
        .enum(SERIES_METRICS, { error: `expected one of ${SERIES_METRICS.join(", ")}` })
        .default("bytes"),
    }),
    z.object({
      ...PANEL_PARAMS,
      panel: z.literal("top"),
      dimension: z.enum(TOP_DIMENSIONS, { error: `expected one of ${TOP_DIMENSIONS.join(", ")}` }),
      metric: z.enum(TOP_METRICS, { error: `expected one of ${TOP_METRICS.join(", ")}` }).default("bytes"),
      limit: int(1, TOP_LIMIT.max, "a row count").default(TOP_LIMIT.default),
    }),
  ],
  { error: "expected panel timeseries or top" },
);

export type ParsedPanelRequest = PanelRequest & { region: string };
export type TimeWindow = { start: number; end: number };
export type PanelRequestParse =
  | { ok: true; request: ParsedPanelRequest; window: TimeWindow }
  | { ok: false; field: string; message: string };

const fail = (field: string, message: string): PanelRequestParse => ({ ok: false, field, message });

/** The window a request asks for, or the field that is wrong with it. */
export function requestWindow(
  request: { range: TimeRangeKey; start?: number; end?: number },
  now: number,
): TimeWindow | { field: string; message: string } {
  const { range, start, end } = request;
  if (range !== "custom") {
    if (start !== undefined || end !== undefined)
      return {
        field: start !== undefined ? "start" : "end",
        message: "start and end go only with range=custom",
      };
    return { start: now - RANGE_MS[range], end: now };
  }
  if (start === undefined) return { field: "start", message: "range=custom needs start (epoch ms)" };
  if (end === undefined) return { field: "end", message: "range=custom needs end (epoch ms)" };
  if (end <= start) return { field: "end", message: "end must be after start" };
  if (end - start > MAX_CUSTOM_RANGE_MS)
    return { field: "start", message: "a custom range spans at most 31 days" };
  if (end > now + MINUTE) return { field: "end", message: "end is in the future" };
  return { start, end };
}

/** URL parameters → a panel request and its window, or the first bad field (a 400 names it). */
export function parsePanelRequest(
  params: URLSearchParams,
  now: number,
  defaultRegion: string,
): PanelRequestParse {
  const input: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in input) return fail(key, `${key} is given more than once`);
    input[key] = value;
  }
  const parsed = PanelRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join(".") || "panel";
    return fail(field, `${field}: ${issue?.message ?? "invalid"}`);
  }
  const data = parsed.data;
  const resolved = requestWindow(data, now);
  if ("field" in resolved) return fail(resolved.field, `${resolved.field}: ${resolved.message}`);
  const request: ParsedPanelRequest = { ...data, region: data.region ?? defaultRegion };
  return { ok: true, request, window: resolved };
}
