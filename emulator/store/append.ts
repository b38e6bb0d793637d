import { type Catalog, requireGroup } from "./catalog";
import type { Db } from "./db";
import { MOVE_STAGED_SQL } from "./flow-split";
import type { InputEvent } from "./types";

/** Message size in UTF-8 bytes: what storedBytes and Insights' bytesScanned add up. */
export const messageBytes = (message: string): number => Buffer.byteLength(message, "utf8");

/** Per-stream totals of one append, applied to log_streams in one statement. */
export const STREAM_UPDATES_DDL = `CREATE TEMP TABLE IF NOT EXISTS stream_updates (
  name VARCHAR, created BIGINT, first_event BIGINT, last_event BIGINT, last_ingestion BIGINT, added_bytes BIGINT
)`;

/** Events for one stream, with the ingestion time they arrive at. */
export interface StreamBatch {
  streamName: string;
  events: readonly InputEvent[];
  ingestionTime: number;
}

interface Totals {
  /** A new stream's creation: the earliest ingestion among its batches. */
  created: number;
  first: number;
  last: number;
  ingestion: number;
  bytes: number;
  isNew: boolean;
}

/**
 * Appends events to several streams of one group in one transaction, creating the streams that do not
 * exist yet (created at their batch's ingestion time). Default-format flow-log messages are split into
 * typed columns on the way. The catalog changes only once the transaction has committed.
 */
export async function appendBatches(
  db: Db,
  catalog: Catalog,
  groupName: string,
  batches: readonly StreamBatch[],
): Promise<{ accepted: number }> {
  const group = requireGroup(catalog, groupName);
  const work = batches.filter((b) => b.events.length > 0);
  if (work.length === 0) return { accepted: 0 };
  const firstId = catalog.nextEventId;
  const totals = new Map<string, Totals>();
  let count = 0;
  await db.transaction(async () => {
    const events = await db.stagingAppender();
    let id = firstId;
    for (const batch of work) {
      const known = group.streams.get(batch.streamName);
      const t = totals.get(batch.streamName) ?? {
        created: batch.ingestionTime,
        first: known?.firstEvent ?? Number.POSITIVE_INFINITY,
        last: known?.lastEvent ?? Number.NEGATIVE_INFINITY,
        ingestion: Math.max(known?.lastIngestion ?? 0, batch.ingestionTime),
        bytes: 0,
        isNew: known === undefined,
      };
      t.ingestion = Math.max(t.ingestion, batch.ingestionTime);
      t.created = Math.min(t.created, batch.ingestionTime);
      totals.set(batch.streamName, t);
      const ingestion = BigInt(batch.ingestionTime);
      for (const event of batch.events) {
        const size = messageBytes(event.message);
        t.bytes += size;
        if (event.timestamp < t.first) t.first = event.timestamp;
        if (event.timestamp > t.last) t.last = event.timestamp;
        events.appendInteger(group.id);
        events.appendBigInt(BigInt(id++));
        events.appendVarchar(batch.streamName);
        events.appendBigInt(BigInt(event.timestamp));
        events.appendBigInt(ingestion);
        events.appendVarchar(event.message);
        events.appendInteger(size);
        events.endRow();
      }
    }
    events.closeSync();
    count = id - firstId;
    await db.exec(MOVE_STAGED_SQL);
    await db.exec("DELETE FROM staging");
    const updates = await db.appender("stream_updates", "temp");
    for (const [name, t] of totals) {
      updates.appendVarchar(name);
      updates.appendBigInt(BigInt(t.created));
      updates.appendBigInt(BigInt(t.first));
      updates.appendBigInt(BigInt(t.last));
      updates.appendBigInt(BigInt(t.ingestion));
      updates.appendBigInt(BigInt(t.bytes));
      updates.endRow();
    }
    updates.closeSync();
    await db.exec(
      `INSERT INTO log_streams SELECT ?, u.name, u.created, NULL, NULL, NULL, 0 FROM stream_updates u
       WHERE NOT EXISTS (SELECT 1 FROM log_streams s WHERE s.group_id = ? AND s.name = u.name)`,
      [group.id, group.id],
    );
    await db.exec(
      `UPDATE log_streams SET first_event = u.first_event, last_event = u.last_event,
         last_ingestion = u.last_ingestion, stored_bytes = stored_bytes + u.added_bytes
       FROM stream_updates u WHERE log_streams.group_id = ? AND log_streams.name = u.name`,
      [group.id],
    );
    await db.exec("DELETE FROM stream_updates");
  });
  catalog.nextEventId = firstId + count;
  for (const [name, t] of totals) {
    const stream = group.streams.get(name) ?? { name, creationTime: t.created, storedBytes: 0 };
    stream.firstEvent = t.first;
    stream.lastEvent = t.last;
    stream.lastIngestion = t.ingestion;
    stream.storedBytes += t.bytes;
    group.streams.set(name, stream);
  }
  return { accepted: count };
}
