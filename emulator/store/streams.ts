import { type Catalog, type GroupMeta, requireGroup, type StreamMeta } from "./catalog";
import type { Db } from "./db";
import { StoreError, streamNotFound } from "./errors";
import { compareCodeUnits } from "./groups";
import { pageOf } from "./paging";
import type { ListStreamsOptions, LogStream, Page } from "./types";

export function streamArn(group: GroupMeta, name: string): string {
  return `${group.arn.replace(/:\*$/, "")}:log-stream:${name}`;
}

function toLogStream(group: GroupMeta, stream: StreamMeta): LogStream {
  const out: LogStream = {
    logStreamName: stream.name,
    creationTime: stream.creationTime,
    storedBytes: stream.storedBytes,
    arn: streamArn(group, stream.name),
  };
  if (stream.firstEvent !== undefined) out.firstEventTimestamp = stream.firstEvent;
  if (stream.lastEvent !== undefined) out.lastEventTimestamp = stream.lastEvent;
  if (stream.lastIngestion !== undefined) out.lastIngestionTime = stream.lastIngestion;
  return out;
}

/** Creates the stream row. With `strict`, an existing stream is an error; otherwise it is returned. */
export async function createStream(
  db: Db,
  catalog: Catalog,
  groupName: string,
  name: string,
  creationTime: number,
  strict: boolean,
): Promise<void> {
  const group = requireGroup(catalog, groupName);
  if (group.streams.has(name)) {
    if (strict)
      throw new StoreError("ResourceAlreadyExistsException", "The specified log stream already exists");
    return;
  }
  await db.exec("INSERT INTO log_streams VALUES (?, ?, ?, NULL, NULL, NULL, 0)", [
    group.id,
    name,
    creationTime,
  ]);
  group.streams.set(name, { name, creationTime, storedBytes: 0 });
}

export async function deleteStream(db: Db, catalog: Catalog, groupName: string, name: string): Promise<void> {
  const group = requireGroup(catalog, groupName);
  if (!group.streams.has(name)) throw streamNotFound();
  await db.transaction(async () => {
    await db.exec("DELETE FROM events WHERE group_id = ? AND stream_name = ?", [group.id, name]);
    await db.exec("DELETE FROM log_streams WHERE group_id = ? AND name = ?", [group.id, name]);
  });
  group.streams.delete(name);
}

export async function listStreams(
  _db: Db,
  catalog: Catalog,
  groupName: string,
  options: ListStreamsOptions,
): Promise<Page<LogStream>> {
  const group = requireGroup(catalog, groupName);
  const byTime = options.orderBy === "LastEventTime";
  if (byTime && options.prefix !== undefined) {
    throw new StoreError(
      "InvalidParameterException",
      "Cannot order by LastEventTime with a logStreamNamePrefix.",
    );
  }
  const prefix = options.prefix ?? "";
  const sorted = [...group.streams.values()]
    .filter((stream) => stream.name.startsWith(prefix))
    .sort((a, b) =>
      byTime
        ? (a.lastEvent ?? 0) - (b.lastEvent ?? 0) || compareCodeUnits(a.name, b.name)
        : compareCodeUnits(a.name, b.name),
    );
  if (options.descending) sorted.reverse();
  const page = pageOf(sorted, options.limit, options.nextToken);
  return { ...page, items: page.items.map((stream) => toLogStream(group, stream)) };
}
