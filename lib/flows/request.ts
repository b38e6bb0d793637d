import { z } from "zod";
import { checkExpertFilter, expertFilterMessage } from "@/lib/insights/expert-filter";
import { portRange } from "@/lib/insights/port-range";
import { TOP_DIMENSIONS, type TopDimension } from "@/lib/traffic/contract";
import { PANEL_PARAMS, requestWindow, type TimeWindow } from "@/lib/traffic/request";

const portText = z.string().refine((text) => portRange(text) !== undefined, {
  error: 'expected a port or a range "from-to" (0–65535)',
});

/** Checked for structure and known names here; each flow log's format re-checks its fields. */
const expert = z.string().superRefine((text, ctx) => {
  const check = checkExpertFilter(text);
  if (!check.ok) ctx.addIssue({ code: "custom", message: expertFilterMessage(check) });
});

const service = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,63}$/, { error: "expected an AWS service code such as S3 or DYNAMODB" });

/** The records and export APIs' URL parameters: the panel API's, with port ranges and log-status. */
export const RecordsRequestSchema = z.object({
  ...PANEL_PARAMS,
  srcPort: portText.optional(),
  dstPort: portText.optional(),
  logStatus: z.enum(["OK", "NODATA", "SKIPDATA"], { error: "expected OK, NODATA or SKIPDATA" }).optional(),
  flowDirection: z.enum(["ingress", "egress"], { error: "expected ingress or egress" }).optional(),
  tcpFlags: z
    .string()
    .regex(/^\d{1,3}$/, { error: "expected a flag bit mask 1–255" })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, { error: "a flag bit mask is 1–255" })
        .max(255, { error: "a flag bit mask is 1–255" }),
    )
    .optional(),
  srcService: service.optional(),
  dstService: service.optional(),
  trafficPath: z
    .string()
    .regex(/^\d{1,3}$/, { error: "expected a traffic-path code 1–255" })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, { error: "traffic-path codes are 1–255" })
        .max(255, { error: "traffic-path codes are 1–255" }),
    )
    .optional(),
  pktSrc: PANEL_PARAMS.src,
  pktDst: PANEL_PARAMS.dst,
  /** An instance id or Name tag; run-records resolves it to the instance's interfaces. */
  instance: z
    .string()
    .regex(/^[\w .:/@+=-]{1,128}$/, { error: "expected an instance id (i-…) or Name tag" })
    .optional(),
  q: expert.optional(),
  format: z.enum(["csv", "json"], { error: "expected csv or json" }).default("csv"),
});

export type RecordsRequest = z.infer<typeof RecordsRequestSchema> & { region: string };
export type RecordsRequestParse =
  | { ok: true; request: RecordsRequest; window: TimeWindow }
  | { ok: false; field: string; message: string };

/** URL parameters → a records request and its window, or the first bad field (a 400 names it). */
export function parseRecordsRequest(
  params: URLSearchParams,
  now: number,
  defaultRegion: string,
): RecordsRequestParse {
  const input: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in input) return { ok: false, field: key, message: `${key} is given more than once` };
    input[key] = value;
  }
  const parsed = RecordsRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join(".") || "query";
    return { ok: false, field, message: `${field}: ${issue?.message ?? "invalid"}` };
  }
  const resolved = requestWindow(parsed.data, now);
  if ("field" in resolved)
    return { ok: false, field: resolved.field, message: `${resolved.field}: ${resolved.message}` };
  return {
    ok: true,
    request: { ...parsed.data, region: parsed.data.region ?? defaultRegion },
    window: resolved,
  };
}

export type GroupsRequestParse =
  | { ok: true; request: RecordsRequest; window: TimeWindow; group: TopDimension }
  | { ok: false; field: string; message: string };

const groupSchema = z.enum(TOP_DIMENSIONS, { error: `expected one of ${TOP_DIMENSIONS.join(", ")}` });

/** The groups API: the records API's filters plus `group`, the dimension to count by. */
export function parseGroupsRequest(
  params: URLSearchParams,
  now: number,
  defaultRegion: string,
): GroupsRequestParse {
  const rest = new URLSearchParams(params);
  const groups = rest.getAll("group");
  rest.delete("group");
  if (groups.length > 1) return { ok: false, field: "group", message: "group is given more than once" };
  const group = groupSchema.safeParse(groups[0]);
  if (!group.success)
    return { ok: false, field: "group", message: `group: ${group.error.issues[0]?.message ?? "invalid"}` };
  const parsed = parseRecordsRequest(rest, now, defaultRegion);
  return parsed.ok ? { ...parsed, group: group.data } : parsed;
}
