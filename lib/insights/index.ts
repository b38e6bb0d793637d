/**
 * Typed flow queries → Logs Insights query text for one flow log's format, and the rows back.
 *
 *   const compiled = compileFlowQuery(query, flowFormat(flowLog.LogFormat)); // show .unsupported
 *   const results = await Promise.all(compiled.queryStrings.map(run)); // same group and time range
 *   const { rows, truncated } = mergeAggregates(
 *     results.map((r) => decodeAggregateRows(r.results ?? [], compiled)),
 *     compiled,
 *   );
 */
export { type Bin, chooseBin, MAX_POINTS } from "./bins";
export {
  type CompiledFlowQuery,
  type CompileOptions,
  compileFlowQuery,
  MAX_QUERY_LENGTH,
  type RecordSort,
} from "./compile";
export type { Column } from "./compile-shape";
export {
  type AggregateRow,
  type DecodedRows,
  decodeAggregateRows,
  decodeRecordRows,
  decodeRows,
  parseInsightsTime,
  type RecordRow,
  type ResultField,
} from "./decode";
export { FlowQueryError } from "./errors";
export { type FlowFormat, flowFormat } from "./flow-format";
export { GROUP_KEYS, type GroupKey, type KeyField, METRICS, type Metric } from "./keys";
export { type MergedAggregates, mergeAggregates, mergeRecords } from "./merge";
export {
  type AggregateShape,
  type BinSize,
  type FlowFilters,
  type FlowQuery,
  FlowQuerySchema,
  type FlowScope,
  type FlowShape,
  flowQueryIssues,
  MAX_INTERFACES,
  MAX_ROWS,
  type PortSpec,
  parseFlowQuery,
  type RecordsShape,
  safeParseFlowQuery,
} from "./schema";
