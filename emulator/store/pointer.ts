import type { Catalog } from "./catalog";
import type { Db, SqlRow } from "./db";
import { FLOW_COLUMNS } from "./schema";
import type { EventRecord, FlowFields, StoredEvent } from "./types";

/**
 * @ptr of an event: base64 of "groupId:eventId" — opaque, stable while the event exists, never reused
 * after its group is deleted, and computable in SQL (POINTER_SQL) so Insights needs no second pass.
 */
export const encodePointer = (groupId: number, eventId: number | string): string =>
  Buffer.from(`${groupId}:${eventId}`, "utf8").toString("base64");

/** encodePointer over the `events` columns. */
export const POINTER_SQL = "to_base64(encode(CAST(group_id AS VARCHAR) || ':' || CAST(event_id AS VARCHAR)))";

function decodePointer(ptr: string): { groupId: number; eventId: number } | undefined {
  const match = /^(\d+):(\d+)$/.exec(Buffer.from(ptr, "base64").toString("utf8"));
  if (!match?.[1] || !match[2]) return undefined;
  return { groupId: Number(match[1]), eventId: Number(match[2]) };
}

/** Columns every event read selects, in the shape toStoredEvent expects. */
export const EVENT_COLUMNS = "group_id, event_id, stream_name, ts, ingestion_time, message";

export function toStoredEvent(catalog: Catalog, row: SqlRow): StoredEvent {
  const groupId = Number(row.group_id);
  return {
    logGroupName: catalog.byId.get(groupId)?.name ?? "",
    logStreamName: String(row.stream_name),
    timestamp: Number(row.ts),
    ingestionTime: Number(row.ingestion_time),
    message: String(row.message),
    eventId: String(row.event_id),
    ptr: encodePointer(groupId, String(row.event_id)),
  };
}

export async function getByPointer(db: Db, catalog: Catalog, ptr: string): Promise<EventRecord | undefined> {
  const key = decodePointer(ptr);
  const group = key && catalog.byId.get(key.groupId);
  if (!key || !group) return undefined;
  const flowColumns = FLOW_COLUMNS.map((c) => c.column).join(", ");
  const [row] = await db.read(
    `SELECT ${EVENT_COLUMNS}, ${flowColumns}, (action IS NOT NULL OR log_status IS NOT NULL OR version IS NOT NULL) AS is_flow
     FROM events WHERE group_id = ? AND event_id = ?`,
    [key.groupId, BigInt(key.eventId)],
  );
  if (!row) return undefined;
  const record: EventRecord = { ...toStoredEvent(catalog, row), logGroupArn: group.arn };
  if (row.is_flow === true) {
    const flow: Record<string, string | number | null> = {};
    for (const { column, field, numeric } of FLOW_COLUMNS) {
      const value = row[column];
      flow[field] = value === null || value === undefined ? null : numeric ? Number(value) : String(value);
    }
    record.flow = flow as unknown as FlowFields;
  }
  return record;
}
