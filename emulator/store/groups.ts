import { type Catalog, type GroupMeta, requireGroup } from "./catalog";
import type { Db } from "./db";
import { StoreError } from "./errors";
import { pageOf } from "./paging";
import type { GroupRef, ListGroupsOptions, LogGroup, Page } from "./types";

export function toLogGroup(group: GroupMeta): LogGroup {
  let storedBytes = 0;
  for (const stream of group.streams.values()) storedBytes += stream.storedBytes;
  const out: LogGroup = {
    logGroupName: group.name,
    creationTime: group.creationTime,
    arn: group.arn,
    storedBytes,
  };
  if (group.retentionInDays !== undefined) out.retentionInDays = group.retentionInDays;
  return out;
}

export async function createGroup(
  db: Db,
  catalog: Catalog,
  input: { logGroupName: string; creationTime: number; arn: string; retentionInDays?: number },
): Promise<LogGroup> {
  if (catalog.groups.has(input.logGroupName)) {
    throw new StoreError("ResourceAlreadyExistsException", "The specified log group already exists");
  }
  const id = catalog.nextGroupId;
  await db.exec("INSERT INTO log_groups VALUES (?, ?, ?, ?, ?)", [
    id,
    input.logGroupName,
    input.creationTime,
    input.arn,
    input.retentionInDays ?? null,
  ]);
  const group: GroupMeta = {
    id,
    name: input.logGroupName,
    arn: input.arn,
    creationTime: input.creationTime,
    retentionInDays: input.retentionInDays,
    streams: new Map(),
  };
  catalog.nextGroupId = id + 1;
  catalog.groups.set(group.name, group);
  catalog.byId.set(id, group);
  return toLogGroup(group);
}

export async function deleteGroup(db: Db, catalog: Catalog, name: string): Promise<void> {
  const group = requireGroup(catalog, name);
  await db.transaction(async () => {
    await db.exec("DELETE FROM events WHERE group_id = ?", [group.id]);
    await db.exec("DELETE FROM log_streams WHERE group_id = ?", [group.id]);
    await db.exec("DELETE FROM log_groups WHERE group_id = ?", [group.id]);
  });
  catalog.groups.delete(name);
  catalog.byId.delete(group.id);
}

export async function setRetention(db: Db, catalog: Catalog, name: string, days: number | undefined) {
  const group = requireGroup(catalog, name);
  await db.exec("UPDATE log_groups SET retention_days = ? WHERE group_id = ?", [days ?? null, group.id]);
  group.retentionInDays = days;
}

export async function getGroup(_db: Db, catalog: Catalog, name: string): Promise<LogGroup | undefined> {
  const group = catalog.groups.get(name);
  return group ? toLogGroup(group) : undefined;
}

export async function listGroups(
  _db: Db,
  catalog: Catalog,
  options: ListGroupsOptions,
): Promise<Page<LogGroup>> {
  const { prefix, pattern } = options;
  if (prefix !== undefined && pattern !== undefined) {
    throw new StoreError(
      "InvalidParameterException",
      "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.",
    );
  }
  const names = [...catalog.groups.keys()]
    .filter(
      (name) =>
        (prefix === undefined || name.startsWith(prefix)) &&
        (pattern === undefined || name.includes(pattern)),
    )
    .sort(compareCodeUnits);
  const page = pageOf(names, options.limit, options.nextToken);
  return { ...page, items: page.items.map((name) => toLogGroup(requireGroup(catalog, name))) };
}

export function resolveGroups(catalog: Catalog, names: readonly string[]): GroupRef[] {
  return names.map((name) => {
    const group = requireGroup(catalog, name);
    return { id: group.id, name: group.name, arn: group.arn };
  });
}

/** Byte-wise order, as AWS lists names (not locale order). */
export const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
