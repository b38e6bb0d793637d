import { MAX_LIMIT } from "../../insights";
import { AwsError } from "../aws-error";
import { groupFromIdentifier, invalidParameter, type JsonInput } from "./json-input";
import type { QueryStatus } from "./query-manager";
import type { LogsContext } from "./types";

const MAX_GROUPS = 50;
const PAGE_ROWS = 10_000;
const STATUSES: readonly QueryStatus[] = [
  "Scheduled",
  "Running",
  "Complete",
  "Failed",
  "Cancelled",
  "Timeout",
];

const queryNotFound = () =>
  new AwsError("ResourceNotFoundException", "The specified query could not be found.");

/** The groups of a StartQuery: exactly one of logGroupName, logGroupNames, logGroupIdentifiers. */
function queryGroups(input: JsonInput): string[] {
  const name = input.string("logGroupName", { min: 1, max: 512 });
  const names = input.stringList("logGroupNames", { max: MAX_GROUPS });
  const identifiers = input.stringList("logGroupIdentifiers", { max: MAX_GROUPS });
  const given = [name, names, identifiers].filter((v) => v !== undefined).length;
  if (given > 1) {
    throw invalidParameter(
      "LogGroupName, LogGroupNames and LogGroupIdentifiers are mutually exclusive parameters.",
    );
  }
  if (given === 0) {
    throw invalidParameter("Either LogGroupName, LogGroupNames or LogGroupIdentifiers must be specified.");
  }
  if (identifiers?.some((id) => id.endsWith("*"))) {
    throw invalidParameter("LogGroupIdentifiers must not end with a wildcard (*).");
  }
  const groups = name !== undefined ? [name] : (names ?? identifiers?.map(groupFromIdentifier) ?? []);
  if (groups.length === 0) throw invalidParameter("At least one log group must be specified.");
  return [...new Set(groups)];
}

export function startQuery(input: JsonInput, ctx: LogsContext) {
  const language = input.oneOf("queryLanguage", ["CWLI", "SQL", "PPL"], input.string("queryLanguage"));
  if (language !== undefined && language !== "CWLI") {
    throw invalidParameter(`The Flowscope emulator runs only CWLI queries, not ${language}.`);
  }
  const logGroupNames = queryGroups(input);
  const startTime = input.integer("startTime", { required: true, min: 0 }) ?? 0;
  const endTime = input.integer("endTime", { required: true, min: 0 }) ?? 0;
  if (startTime > endTime) throw invalidParameter("StartTime must be less than or equal to EndTime.");
  const queryString = input.string("queryString", { required: true, min: 0, max: 10_000 }) ?? "";
  const limit = input.integer("limit", { min: 1, max: MAX_LIMIT });
  const queryId = ctx.queries.start({ logGroupNames, startTime, endTime, queryString, limit });
  return { queryId };
}

export function getQueryResults(input: JsonInput, ctx: LogsContext) {
  const id = input.string("queryId", { required: true, min: 0, max: 256 }) ?? "";
  const maxItems = input.integer("maxItems", { min: 0, max: PAGE_ROWS }) || PAGE_ROWS;
  const token = input.string("nextToken", { min: 1 });
  const query = ctx.queries.get(id);
  if (!query) throw queryNotFound();
  const offset = token === undefined ? 0 : decodeOffset(token, id);
  const rows = query.rows.slice(offset, offset + maxItems);
  const end = offset + rows.length;
  return {
    queryLanguage: "CWLI",
    results: rows,
    statistics: query.statistics,
    status: query.status,
    nextToken: end < query.rows.length ? Buffer.from(`${id}:${end}`).toString("base64url") : undefined,
  };
}

function decodeOffset(token: string, id: string): number {
  const match = /^(.+):(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (match?.[1] !== id || match[2] === undefined)
    throw invalidParameter("The specified nextToken is invalid.");
  return Number(match[2]);
}

export function stopQuery(input: JsonInput, ctx: LogsContext) {
  const id = input.string("queryId", { required: true, min: 0, max: 256 }) ?? "";
  const stopped = ctx.queries.stop(id);
  if (stopped === undefined) throw queryNotFound();
  if (!stopped) throw invalidParameter(`Query ${id} is not running.`);
  return { success: true };
}

export function describeQueries(input: JsonInput, ctx: LogsContext) {
  const group = input.string("logGroupName", { min: 1, max: 512 });
  const status = input.oneOf("status", STATUSES, input.string("status"));
  const language = input.oneOf("queryLanguage", ["CWLI", "SQL", "PPL"], input.string("queryLanguage"));
  const maxResults = input.integer("maxResults", { min: 1, max: 1000 }) ?? 1000;
  const token = input.string("nextToken", { min: 1 });
  const matching = ctx.queries
    .list()
    .filter(
      (q) =>
        (group === undefined || q.logGroupNames.includes(group)) &&
        (status === undefined || q.status === status),
    )
    .filter(() => language === undefined || language === "CWLI");
  const offset = token === undefined ? 0 : decodeOffset(token, "describe");
  const page = matching.slice(offset, offset + maxResults);
  const end = offset + page.length;
  return {
    queries: page.map((q) => ({
      queryLanguage: "CWLI",
      queryId: q.queryId,
      queryString: q.queryString,
      status: q.status,
      createTime: q.createTime,
      logGroupName: q.logGroupNames[0],
      ...(q.endTime === undefined ? {} : { queryDuration: q.endTime - q.createTime }),
      ...(q.status === "Complete" ? { bytesScanned: q.statistics.bytesScanned } : {}),
    })),
    nextToken: end < matching.length ? Buffer.from(`describe:${end}`).toString("base64url") : undefined,
  };
}
