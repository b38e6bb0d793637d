import { z } from "zod";
import { defaultRegion, isRegionName } from "./regions";

const regionSchema = z
  .string()
  .trim()
  .max(32)
  .refine(isRegionName, { message: "must be an AWS region name such as us-east-1 or eu-west-1" });

export type RegionParam = { ok: true; region: string } | { ok: false; field: "region"; message: string };

/** The `region` URL parameter: absent means the server's default region; anything else must look like one. */
export function parseRegionParam(value: string | string[] | undefined | null): RegionParam {
  if (value === undefined || value === null || value === "") return { ok: true, region: defaultRegion() };
  const parsed = regionSchema.safeParse(Array.isArray(value) ? value[0] : value);
  if (!parsed.success)
    return { ok: false, field: "region", message: `region ${parsed.error.issues[0]?.message}` };
  return { ok: true, region: parsed.data };
}
