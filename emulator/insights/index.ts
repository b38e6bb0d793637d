export type { Query } from "./ast";
export { type CompileContext, type CompiledQuery, compile, DEFAULT_LIMIT } from "./compile";
export { MalformedQueryError } from "./errors";
export { MAX_LIMIT, parse } from "./parser";
export {
  logRecordFields,
  type QueryResult,
  type QueryStatistics,
  type ResultField,
  type RunQueryOptions,
  runQuery,
} from "./run-query";
