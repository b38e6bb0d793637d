import { z } from "zod";
import { portRange } from "@/lib/insights/schema-values";
import { PANEL_PARAMS, requestWindow, type TimeWindow } from "@/lib/traffic/request";

const portText = z.string().refine((text) => portRange(text) !== undefined, {
  error: 'expected a port or a range "from-to" (0–65535)',
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
