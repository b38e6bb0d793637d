import { type Catalog, requireGroup } from "./catalog";
import type { Db, SqlParam } from "./db";
import { StoreError } from "./errors";
import { compileFilterPattern } from "./filter-pattern";
import { parsePositionToken, positionToken } from "./paging";
import { EVENT_COLUMNS, toStoredEvent } from "./pointer";
import { clampLimit } from "./read-events";
import type { FilterEventsOptions, FilterEventsResult } from "./types";

/** FilterLogEvents: events of the chosen streams interleaved by (timestamp, eventId), keyset-paged. */
export async function filterLogEvents(
  db: Db,
  catalog: Catalog,
  groupName: string,
  options: FilterEventsOptions,
): Promise<FilterEventsResult> {
  const group = requireGroup(catalog, groupName);
  if (options.logStreamNames !== undefined && options.logStreamNamePrefix !== undefined) {
    throw new StoreError(
      "InvalidParameterException",
      "logStreamNames and logStreamNamePrefix are mutually exclusive parameters.",
    );
  }
  const where = ["group_id = ?"];
  const params: SqlParam[] = [group.id];
  if (options.logStreamNames !== undefined) {
    if (options.logStreamNames.length === 0) return { events: [] };
    where.push(`stream_name IN (${options.logStreamNames.map(() => "?").join(", ")})`);
    params.push(...options.logStreamNames);
  }
  if (options.logStreamNamePrefix !== undefined) {
    where.push("starts_with(stream_name, ?)");
    params.push(options.logStreamNamePrefix);
  }
  if (options.startTime !== undefined) {
    where.push("ts >= ?");
    params.push(BigInt(options.startTime));
  }
  if (options.endTime !== undefined) {
    where.push("ts <= ?");
    params.push(BigInt(options.endTime));
  }
  if (options.nextToken !== undefined) {
    const from = parsePositionToken(options.nextToken, "n");
    where.push("(ts > ? OR (ts = ? AND event_id > ?))");
    params.push(BigInt(from.ts), BigInt(from.ts), BigInt(from.eventId));
  }
  const pattern = compileFilterPattern(options.filterPattern);
  where.push(pattern.sql);
  params.push(...pattern.params);
  const limit = clampLimit(options.limit);
  const rows = await db.read(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where.join(" AND ")} ORDER BY ts, event_id LIMIT ?`,
    [...params, limit + 1],
  );
  const events = rows.slice(0, limit).map((row) => toStoredEvent(catalog, row));
  const last = events[events.length - 1];
  return rows.length > limit && last
    ? { events, nextToken: positionToken("n", last.timestamp, Number(last.eventId)) }
    : { events };
}
