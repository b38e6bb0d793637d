import { parseArgs } from "node:util";

export const WORLD_EXPORT_USAGE = `Usage: npm run world:export -- [options] > world.json

Writes the account the AWS SDK reaches (default credentials and region, or AWS_ENDPOINT_URL) as a
Flowscope world file; \`npm start -- --world world.json\` then runs the dashboard on it offline.

  --region R           region to read (default: the SDK's, from AWS_REGION or the profile)
  --vpc vpc-…          only this VPC and what is in it; repeat for several (default: every VPC)
  --records-since T    add a sample of flow records from T on: a duration back from now (30m, 2h,
                       1d) or an ISO 8601 time (default: no records)
  --max-records N      at most N records per log group (default 10000)
  --help               show this text

The file holds the account's network map, addresses and traffic: share it only with people who may see them.`;

export const DEFAULT_MAX_RECORDS = 10_000;

export interface WorldExportArgs {
  help: boolean;
  region: string | undefined;
  vpcIds: string[];
  /** Milliseconds since the epoch. */
  recordsSince: number | undefined;
  maxRecords: number;
}

/** A command line that cannot be run as given (exit 64). */
export class UsageError extends Error {}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `2h` back from `now`, or an ISO 8601 time. */
export function parseSince(text: string, now: number): number {
  const duration = /^(\d+)([smhd])$/.exec(text);
  if (duration?.[1] && duration[2]) return now - Number(duration[1]) * (UNIT_MS[duration[2]] ?? 0);
  const time = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)
    ? Date.parse(text)
    : Number.NaN;
  if (Number.isNaN(time)) {
    throw new UsageError(
      `--records-since must be a duration such as 30m, 2h or 1d, or an ISO time, not "${text}"`,
    );
  }
  if (time > now) throw new UsageError(`--records-since ${text} is in the future`);
  return time;
}

export function parseWorldExportArgs(argv: readonly string[], now: number): WorldExportArgs {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const region = values.region;
  if (region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
    throw new UsageError(`--region must be a region name such as us-east-1, not "${region}"`);
  }
  const vpcIds = [...new Set(values.vpc ?? [])].sort();
  const badVpc = vpcIds.find((id) => !/^vpc-[0-9a-f]{8,17}$/.test(id));
  if (badVpc !== undefined)
    throw new UsageError(`--vpc must be a VPC id such as vpc-0a1b2c3d, not "${badVpc}"`);
  const max = values["max-records"] ?? String(DEFAULT_MAX_RECORDS);
  if (!/^\d+$/.test(max) || Number(max) < 1) {
    throw new UsageError(`--max-records must be a whole number from 1, not "${max}"`);
  }
  if (values["max-records"] !== undefined && values["records-since"] === undefined) {
    throw new UsageError("--max-records needs --records-since (records are only exported when asked for)");
  }
  const since = values["records-since"];
  return {
    help: values.help === true,
    region,
    vpcIds,
    recordsSince: since === undefined ? undefined : parseSince(since, now),
    maxRecords: Number(max),
  };
}

const parse = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    options: {
      region: { type: "string" },
      vpc: { type: "string", multiple: true },
      "records-since": { type: "string" },
      "max-records": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
