import { logRecordFields } from "../../insights";
import { groupNameOf, invalidParameter, type JsonInput } from "./json-input";
import type { LogsContext } from "./types";

export async function describeLogStreams(input: JsonInput, ctx: LogsContext) {
  const group = groupNameOf(input);
  const orderBy = input.oneOf("orderBy", ["LogStreamName", "LastEventTime"], input.string("orderBy"));
  const page = await ctx.store.listLogStreams(group, {
    prefix: input.string("logStreamNamePrefix", { min: 1, max: 512 }),
    orderBy,
    descending: input.boolean("descending"),
    limit: input.integer("limit", { min: 1, max: 50 }),
    nextToken: input.string("nextToken", { min: 1 }),
  });
  return { logStreams: page.items, nextToken: page.nextToken };
}

export async function getLogEvents(input: JsonInput, ctx: LogsContext) {
  const group = groupNameOf(input);
  const stream = input.string("logStreamName", { required: true, min: 1, max: 512 }) ?? "";
  const result = await ctx.store.getLogEvents(group, stream, {
    startTime: input.integer("startTime", { min: 0 }),
    endTime: input.integer("endTime", { min: 0 }),
    startFromHead: input.boolean("startFromHead"),
    limit: input.integer("limit", { min: 1, max: 10_000 }),
    nextToken: input.string("nextToken", { min: 1 }),
  });
  return {
    events: result.events.map((e) => ({
      timestamp: e.timestamp,
      message: e.message,
      ingestionTime: e.ingestionTime,
    })),
    nextForwardToken: result.nextForwardToken,
    nextBackwardToken: result.nextBackwardToken,
  };
}

export async function filterLogEvents(input: JsonInput, ctx: LogsContext) {
  const group = groupNameOf(input);
  const logStreamNames = input.stringList("logStreamNames", { min: 1, max: 100 });
  const logStreamNamePrefix = input.string("logStreamNamePrefix", { min: 1, max: 512 });
  if (logStreamNames && logStreamNamePrefix !== undefined) {
    throw invalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
  }
  const startTime = input.integer("startTime", { min: 0 });
  const endTime = input.integer("endTime", { min: 0 });
  if (startTime !== undefined && endTime !== undefined && endTime < startTime) {
    throw invalidParameter("endTime must be greater than or equal to startTime.");
  }
  const result = await ctx.store.filterLogEvents(group, {
    logStreamNames,
    logStreamNamePrefix,
    startTime,
    endTime,
    filterPattern: input.string("filterPattern", { max: 1024 }),
    limit: input.integer("limit", { min: 1, max: 10_000 }),
    nextToken: input.string("nextToken", { min: 1 }),
  });
  return {
    events: result.events.map((e) => ({
      logStreamName: e.logStreamName,
      timestamp: e.timestamp,
      message: e.message,
      ingestionTime: e.ingestionTime,
      eventId: e.eventId,
    })),
    searchedLogStreams: [],
    nextToken: result.nextToken,
  };
}

export async function getLogRecord(input: JsonInput, ctx: LogsContext) {
  const pointer = input.string("logRecordPointer", { required: true }) ?? "";
  input.boolean("unmask");
  const record = await ctx.store.getByPointer(pointer);
  if (!record) throw invalidParameter("The specified log record pointer is not valid.");
  return { logRecord: logRecordFields(record) };
}
