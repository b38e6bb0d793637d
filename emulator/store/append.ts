import { type Catalog, requireGroup } from "./catalog";
import type { Db } from "./db";
import { MOVE_STAGED_SQL } from "./flow-split";
import { createStream } from "./streams";
import type { InputEvent } from "./types";

/** Message size in UTF-8 bytes: what storedBytes and Insights' bytesScanned add up. */
export const messageBytes = (message: string): number => Buffer.byteLength(message, "utf8");

export async function appendEvents(
  db: Db,
  catalog: Catalog,
  groupName: string,
  streamName: string,
  events: readonly InputEvent[],
  ingestionTime: number,
): Promise<{ accepted: number }> {
  const group = requireGroup(catalog, groupName);
  if (events.length === 0) return { accepted: 0 };
  const known = group.streams.get(streamName);
  const firstId = catalog.nextEventId;
  let first = known?.firstEvent ?? Number.POSITIVE_INFINITY;
  let last = known?.lastEvent ?? Number.NEGATIVE_INFINITY;
  let bytes = 0;
  const committed = db.transaction(async () => {
    await createStream(db, catalog, groupName, streamName, ingestionTime, false);
    const appender = await db.stagingAppender();
    const ingestion = BigInt(ingestionTime);
    let id = firstId;
    for (const event of events) {
      const size = messageBytes(event.message);
      bytes += size;
      if (event.timestamp < first) first = event.timestamp;
      if (event.timestamp > last) last = event.timestamp;
      appender.appendInteger(group.id);
      appender.appendBigInt(BigInt(id++));
      appender.appendVarchar(streamName);
      appender.appendBigInt(BigInt(event.timestamp));
      appender.appendBigInt(ingestion);
      appender.appendVarchar(event.message);
      appender.appendInteger(size);
      appender.endRow();
    }
    appender.closeSync();
    await db.exec(MOVE_STAGED_SQL);
    await db.exec("DELETE FROM staging");
    await db.exec(
      `UPDATE log_streams SET first_event = ?, last_event = ?,
         last_ingestion = greatest(coalesce(last_ingestion, 0), ?), stored_bytes = stored_bytes + ?
       WHERE group_id = ? AND name = ?`,
      [first, last, ingestionTime, bytes, group.id, streamName],
    );
  });
  try {
    await committed;
  } catch (error) {
    if (!known) group.streams.delete(streamName);
    throw error;
  }
  catalog.nextEventId = firstId + events.length;
  const stream = group.streams.get(streamName);
  if (stream) {
    stream.firstEvent = first;
    stream.lastEvent = last;
    stream.lastIngestion = Math.max(stream.lastIngestion ?? 0, ingestionTime);
    stream.storedBytes += bytes;
  }
  return { accepted: events.length };
}
