import { type Catalog, requireGroup } from "./catalog";
import type { Db, SqlParam } from "./db";
import { streamNotFound } from "./errors";
import { parsePositionToken, positionToken } from "./paging";
import { EVENT_COLUMNS, toStoredEvent } from "./pointer";
import type { GetEventsOptions, GetEventsResult } from "./types";

const LOW = { ts: Number.MIN_SAFE_INTEGER, eventId: 0 };
const HIGH = { ts: Number.MAX_SAFE_INTEGER, eventId: Number.MAX_SAFE_INTEGER };
type Position = typeof LOW;

export const clampLimit = (limit: number | undefined): number =>
  Math.min(Math.max(limit ?? 10_000, 1), 10_000);

/** GetLogEvents: a forward position means "after it", a backward one "before it". */
export async function getLogEvents(
  db: Db,
  catalog: Catalog,
  groupName: string,
  streamName: string,
  options: GetEventsOptions,
): Promise<GetEventsResult> {
  const group = requireGroup(catalog, groupName);
  if (!group.streams.has(streamName)) throw streamNotFound();
  let forward = options.startFromHead === true;
  let from: Position = forward ? LOW : HIGH;
  if (options.nextToken !== undefined) {
    forward = options.nextToken.startsWith("f/");
    from = parsePositionToken(options.nextToken, forward ? "f" : "b");
  }
  const where = ["group_id = ?", "stream_name = ?"];
  const params: SqlParam[] = [group.id, streamName];
  if (options.startTime !== undefined) {
    where.push("ts >= ?");
    params.push(BigInt(options.startTime));
  }
  if (options.endTime !== undefined) {
    where.push("ts < ?");
    params.push(BigInt(options.endTime));
  }
  const op = forward ? ">" : "<";
  where.push(`(ts ${op} ? OR (ts = ? AND event_id ${op} ?))`);
  params.push(BigInt(from.ts), BigInt(from.ts), BigInt(from.eventId));
  const dir = forward ? "ASC" : "DESC";
  const rows = await db.read(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where.join(" AND ")} ORDER BY ts ${dir}, event_id ${dir} LIMIT ?`,
    [...params, clampLimit(options.limit)],
  );
  if (!forward) rows.reverse();
  const events = rows.map((row) => toStoredEvent(catalog, row));
  const head = events[0];
  const tail = events[events.length - 1];
  if (head && tail) {
    return {
      events,
      nextForwardToken: positionToken("f", tail.timestamp, Number(tail.eventId)),
      nextBackwardToken: positionToken("b", head.timestamp, Number(head.eventId)),
    };
  }
  const step = forward ? 1 : -1;
  return {
    events,
    nextForwardToken: positionToken("f", from.ts, forward ? from.eventId : from.eventId + step),
    nextBackwardToken: positionToken("b", from.ts, forward ? from.eventId + step : from.eventId),
  };
}
