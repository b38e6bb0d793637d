import { closeSync, openSync, readSync } from "node:fs";
import { constants, gunzipSync } from "node:zlib";
import { DEFAULT_FIELD_NAMES } from "../../lib/flow/format";
import { parseHeaderLine } from "../../lib/flow/s3-file";
import { type Catalog, type GroupMeta, requireGroup } from "./catalog";
import type { Db } from "./db";
import { StoreError } from "./errors";
import { type IngestInput, lineSplitSql, typedDefaultSql } from "./ingest-sql";

/** Flow-log text files as S3 delivers them (gzip, a header line), all in one format. */
export interface FlowLogFiles {
  paths: readonly string[];
  /** When the records arrive in the log group (epoch ms). */
  ingestionTime: number;
  /** Stream of records without an interface-id (e.g. the flow log's id); default `unknown`. */
  fallbackStream?: string;
}

const HEAD_BYTES = 64 * 1024;

/** The first line of a gzip file, read from its first bytes only. */
export function readHeader(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    const text = gunzipSync(buffer.subarray(0, n), { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8");
    return text.split("\n", 1)[0] ?? "";
  } finally {
    closeSync(fd);
  }
}

/** The files' common field names; throws InvalidParameterException for a bad or differing header. */
export function filesFormat(paths: readonly string[]): string[] {
  let fields: string[] | undefined;
  for (const path of paths) {
    const parsed = parseHeaderLine(readHeader(path));
    if (!parsed.ok) throw new StoreError("InvalidParameterException", `${path}: ${parsed.message}`);
    if (fields && fields.join(" ") !== parsed.fields.join(" "))
      throw new StoreError("InvalidParameterException", `${path}: header differs from the first file's`);
    fields = parsed.fields;
  }
  return fields ?? [];
}

/**
 * Loads flow-log files into a group in one transaction, DuckDB reading the gzip itself: each line
 * becomes an event (stream `<interface-id>-all`, timestamp the record's start, as CloudWatch delivery
 * does), default-format records also split into typed columns. Stream totals are updated as appends do.
 */
export async function ingestFlowLogFiles(
  db: Db,
  catalog: Catalog,
  groupName: string,
  files: FlowLogFiles,
): Promise<{ accepted: number }> {
  const group = requireGroup(catalog, groupName);
  if (files.paths.length === 0) return { accepted: 0 };
  const fields = filesFormat(files.paths);
  const firstId = catalog.nextEventId;
  const sql = (build: (input: IngestInput) => string) => (paths: readonly string[], from: number) =>
    build({ ...files, paths, fields, groupId: group.id, firstId: from });
  try {
    if (fields.join(" ") === DEFAULT_FIELD_NAMES.join(" "))
      return await load(db, catalog, group, files, firstId, sql(typedDefaultSql));
  } catch (error) {
    // A line that is not 14 well-formed fields: the line-by-line path keeps it as a plain event.
    if (!(error instanceof Error && /CSV Error|Could not convert|Conversion Error/i.test(error.message)))
      throw error;
  }
  return load(db, catalog, group, files, firstId, sql(lineSplitSql));
}

/**
 * Files per INSERT. Event ids are numbered with row_number(), which holds every row of its statement
 * until the numbering is done: in batches it stays small (10 M records in one statement took 2.5×
 * as long as in batches of 24 files), and DuckDB still reads the batch's files in parallel.
 */
const FILES_PER_INSERT = 24;

async function load(
  db: Db,
  catalog: Catalog,
  group: GroupMeta,
  files: FlowLogFiles,
  firstId: number,
  sql: (paths: readonly string[], firstId: number) => string,
): Promise<{ accepted: number }> {
  const ingestion = BigInt(files.ingestionTime);
  let count = 0;
  const totals = await db.transaction(async () => {
    for (let i = 0; i < files.paths.length; i += FILES_PER_INSERT) {
      const [inserted] = await db.exec(sql(files.paths.slice(i, i + FILES_PER_INSERT), firstId + count));
      count += Number(Object.values(inserted ?? {})[0] ?? 0);
    }
    await db.exec(
      `INSERT INTO stream_updates SELECT stream_name, ?, min(ts), max(ts), ?, sum(size)
       FROM events WHERE group_id = ? AND event_id >= ? GROUP BY stream_name`,
      [ingestion, ingestion, group.id, BigInt(firstId)],
    );
    await db.exec(
      `INSERT INTO log_streams SELECT ?, u.name, u.created, NULL, NULL, NULL, 0 FROM stream_updates u
       WHERE NOT EXISTS (SELECT 1 FROM log_streams s WHERE s.group_id = ? AND s.name = u.name)`,
      [group.id, group.id],
    );
    await db.exec(
      `UPDATE log_streams SET first_event = least(coalesce(log_streams.first_event, u.first_event), u.first_event),
         last_event = greatest(coalesce(log_streams.last_event, u.last_event), u.last_event),
         last_ingestion = greatest(coalesce(log_streams.last_ingestion, 0), u.last_ingestion),
         stored_bytes = stored_bytes + u.added_bytes
       FROM stream_updates u WHERE log_streams.group_id = ? AND log_streams.name = u.name`,
      [group.id],
    );
    await db.exec("DELETE FROM stream_updates");
    return db.exec("SELECT * FROM log_streams WHERE group_id = ?", [group.id]);
  });
  catalog.nextEventId = firstId + count;
  for (const row of totals) {
    const name = String(row.name);
    group.streams.set(name, {
      name,
      creationTime: Number(row.creation_time),
      firstEvent: Number(row.first_event),
      lastEvent: Number(row.last_event),
      lastIngestion: Number(row.last_ingestion),
      storedBytes: Number(row.stored_bytes),
    });
  }
  return { accepted: count };
}
