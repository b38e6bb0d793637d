import { flowLogField } from "./fields";

/** Where a flow log delivers one text file to S3 (flow-log-records.md §9). */
export interface S3FileKey {
  /** Bucket plus optional subfolder, without a trailing slash (e.g. `my-bucket/vpc`). */
  bucketAndPrefix: string;
  accountId: string;
  region: string;
  flowLogId: string;
  /** Start of the 5-minute delivery window the file belongs to (epoch ms). */
  windowStart: number;
  /** AWS's 8 hex digits that keep names of one window apart. */
  hash: string;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * The object key AWS writes for a plain-text flow-log file with the default (non-Hive, daily) prefix:
 * `…/AWSLogs/<account>/vpcflowlogs/<region>/YYYY/MM/DD/<account>_vpcflowlogs_<region>_<fl-id>_YYYYMMDDTHHmmZ_<hash>.log.gz`.
 */
export function s3FlowLogKey(key: S3FileKey): string {
  const t = new Date(key.windowStart);
  const [y, m, d] = [t.getUTCFullYear(), pad(t.getUTCMonth() + 1), pad(t.getUTCDate())];
  const stamp = `${y}${m}${d}T${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}Z`;
  const name = `${key.accountId}_vpcflowlogs_${key.region}_${key.flowLogId}_${stamp}_${key.hash}.log.gz`;
  return `${key.bucketAndPrefix}/AWSLogs/${key.accountId}/vpcflowlogs/${key.region}/${y}/${m}/${d}/${name}`;
}

/** The header line of a file: the format's field names, space-separated. */
export const headerLine = (fields: readonly string[]): string => fields.join(" ");

export type HeaderParse = { ok: true; fields: string[] } | { ok: false; message: string };

/**
 * The field names of an S3 text file's first line. Every token must be a flow-log field name (a
 * header with an unknown name is more likely a record than a header); duplicates are refused.
 */
export function parseHeaderLine(line: string): HeaderParse {
  const fields = line
    .trim()
    .split(/\s+/)
    .filter((t) => t !== "");
  if (fields.length === 0) return { ok: false, message: "empty header line" };
  const unknown = fields.find((f) => flowLogField(f) === undefined);
  if (unknown !== undefined) return { ok: false, message: `header field ${unknown} is not a flow-log field` };
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f)) return { ok: false, message: `header field ${f} appears twice` };
    seen.add(f);
  }
  return { ok: true, fields };
}
