import { readFileSync } from "node:fs";
import { z } from "zod";
import { WORLD_EC2_KEYS, type World } from "./types";

/** A world file that cannot be read or does not have the world's envelope. */
export class WorldFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = "WorldFileError";
  }
}

// Only the envelope is checked: the ec2 arrays hold AWS CLI shapes, which the emulator serializes
// through the SDK's own schemas (and reports a misfit with its path when it meets one).
const records = z.array(z.looseObject({}));

const ec2Keys = WORLD_EC2_KEYS;

const worldSchema = z.looseObject({
  accountId: z.string().regex(/^\d{12}$/, "must be 12 digits"),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, "must be a region name such as us-east-1"),
  ec2: z.looseObject(Object.fromEntries(ec2Keys.map((k) => [k, records.optional()]))).optional(),
  iam: z.looseObject({ Roles: records.optional() }).optional(),
  logs: z
    .array(
      z.looseObject({
        logGroupName: z.string().min(1),
        streams: z.array(z.looseObject({ logStreamName: z.string().min(1), events: z.array(z.unknown()) })),
      }),
    )
    .optional(),
  traffic: z
    .array(
      z.looseObject({
        from: z.string().min(1),
        to: z.string().min(1),
        protocol: z.union([z.string().min(1), z.number().int()]),
        port: z.number().int().min(0).max(65535),
        ratePerMinute: z.number().nonnegative(),
        dailyRhythm: z.boolean().optional(),
        description: z.string().optional(),
      }),
    )
    .optional(),
});

function describePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, part) =>
      typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
    "",
  );
}

/** Checks parsed JSON against the world envelope; errors name the file and the field. */
export function parseWorld(data: unknown, file = "world"): World {
  const result = worldSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${describePath(i.path) || "(root)"}: ${i.message}`);
    throw new WorldFileError(file, problems.join("; "));
  }
  return result.data as World;
}

/** Reads and checks a world file (DESIGN.md "The world file"). */
export function loadWorldFile(path: string): World {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new WorldFileError(path, `cannot read: ${error instanceof Error ? error.message : String(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new WorldFileError(path, `not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseWorld(data, path);
}
