import { closeSync, openSync, readSync } from "node:fs";
import { constants, gunzipSync } from "node:zlib";
import { DEFAULT_FIELD_NAMES } from "../../lib/flow/format";
import { parseHeaderLine } from "../../lib/flow/s3-file";
import { type Catalog, requireGroup } from "./catalog";
import type { Db } from "./db";
import { StoreError } from "./errors";
import { FLOW_COLUMNS } from "./schema";

/** Flow-log text files as S3 delivers them (gzip, a header line), all in one format. */
export interface FlowLogFiles {
  paths: readonly string[];
  /** When the records arrive in the log group (epoch ms). */
  ingestionTime: number;
  /** Stream of records without an interface-id (e.g. the flow log's id); default `unknown`. */
  fallbackStream?: string;
}

const HEAD_BYTES = 64 * 1024;
const DEFAULT_FORMAT = DEFAULT_FIELD_NAMES.join(" ");

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

const sqlText = (s: string): string => `'${s.replaceAll("'", "''")}'`;

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
 * One INSERT from the files. Each line is read whole (DuckDB decompresses, tab never occurs in a
 * record) and split once on single spaces. Files in the default format fill the typed flow columns
 * (a line of 14 fields starting with version 2; `-` and malformed numbers are NULL), as appends do;
 * other formats keep the message only, so only their stream and start are picked out.
 */
function insertSql(files: FlowLogFiles, fields: readonly string[], groupId: number, firstId: number): string {
  const isDefault = fields.join(" ") === DEFAULT_FORMAT;
  const ingestion = BigInt(files.ingestionTime);
  const fallback = sqlText(`${files.fallbackStream ?? "unknown"}-all`);
  const part = (name: string) => {
    const i = fields.indexOf(name) + 1;
    return i === 0 ? "NULL" : isDefault ? `p[${i}]` : `split_part(line, ' ', ${i})`;
  };
  const stream = `coalesce(nullif(${part("interface-id")}, '-') || '-all', ${fallback})`;
  const ts = `coalesce(TRY_CAST(${part("start")} AS BIGINT) * 1000, ${ingestion})`;
  const flow = FLOW_COLUMNS.map(({ numeric }, i) => {
    if (!isDefault) return "NULL";
    const value = `nullif(p[${i + 1}], '-')`;
    return `CASE WHEN is_flow THEN ${numeric ? `TRY_CAST(${value} AS BIGINT)` : value} END`;
  });
  const list = `[${files.paths.map(sqlText).join(", ")}]`;
  const split = isDefault ? ", string_split(line, ' ') AS p" : "";
  const flowCheck = isDefault ? ", coalesce(len(p) = 14 AND p[1] = '2', FALSE) AS is_flow" : "";
  return `INSERT INTO events
SELECT ${groupId}, ${firstId}::BIGINT + row_number() OVER () - 1, ${stream}, ${ts}, ${ingestion}, line, strlen(line)::INTEGER,
  ${flow.join(", ")}
FROM (SELECT *${flowCheck} FROM (SELECT line${split} FROM read_csv(${list}, columns = {'line': 'VARCHAR'},
  header = true, delim = '\t', quote = '', escape = '', compression = 'gzip', auto_detect = false)))`;
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
  const ingestion = BigInt(files.ingestionTime);
  let count = 0;
  const totals = await db.transaction(async () => {
    await db.exec(insertSql(files, fields, group.id, firstId));
    const [row] = await db.exec("SELECT count(*) AS n FROM events WHERE event_id >= ?", [BigInt(firstId)]);
    count = Number(row?.n ?? 0);
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
