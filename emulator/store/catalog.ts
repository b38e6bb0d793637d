import type { Db } from "./db";
import { groupNotFound } from "./errors";

export interface StreamMeta {
  name: string;
  creationTime: number;
  firstEvent?: number;
  lastEvent?: number;
  lastIngestion?: number;
  storedBytes: number;
}

export interface GroupMeta {
  id: number;
  name: string;
  arn: string;
  creationTime: number;
  retentionInDays?: number;
  streams: Map<string, StreamMeta>;
}

/**
 * Groups and streams mirrored in memory (they are few; events are many), so listing and name
 * lookups need no query. Changed only after the transaction that changes the tables commits.
 */
export interface Catalog {
  groups: Map<string, GroupMeta>;
  byId: Map<number, GroupMeta>;
  nextGroupId: number;
  nextEventId: number;
}

const num = (value: unknown): number | undefined =>
  value === null || value === undefined ? undefined : Number(value);

export async function loadCatalog(db: Db): Promise<Catalog> {
  const catalog: Catalog = { groups: new Map(), byId: new Map(), nextGroupId: 1, nextEventId: 1 };
  for (const row of await db.exec("SELECT * FROM log_groups ORDER BY group_id")) {
    const group: GroupMeta = {
      id: Number(row.group_id),
      name: String(row.name),
      arn: String(row.arn),
      creationTime: Number(row.creation_time),
      retentionInDays: num(row.retention_days),
      streams: new Map(),
    };
    catalog.groups.set(group.name, group);
    catalog.byId.set(group.id, group);
    catalog.nextGroupId = Math.max(catalog.nextGroupId, group.id + 1);
  }
  for (const row of await db.exec("SELECT * FROM log_streams")) {
    const group = catalog.byId.get(Number(row.group_id));
    if (!group) continue;
    group.streams.set(String(row.name), {
      name: String(row.name),
      creationTime: Number(row.creation_time),
      firstEvent: num(row.first_event),
      lastEvent: num(row.last_event),
      lastIngestion: num(row.last_ingestion),
      storedBytes: Number(row.stored_bytes),
    });
  }
  const [max] = await db.exec("SELECT max(event_id) AS m FROM events");
  catalog.nextEventId = (num(max?.m) ?? 0) + 1;
  return catalog;
}

export function requireGroup(catalog: Catalog, name: string): GroupMeta {
  const group = catalog.groups.get(name);
  if (!group) throw groupNotFound();
  return group;
}
