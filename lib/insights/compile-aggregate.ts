import { chooseBin } from "./bins";
import type { Column, ShapePlan } from "./compile-shape";
import { FlowQueryError } from "./errors";
import { identifier, integerLiteral, stringLiteral } from "./escape";
import type { FlowFormat } from "./flow-format";
import { KEY_FIELDS, type KeyField, METRIC_ALIASES, type Metric, NUMERIC_KEYS, TUPLE_FIELDS } from "./keys";
import type { AggregateShape, FlowQuery } from "./schema";

const BUCKET = "bucket";

/** The field a metric reads; `flows` counts records and reads none. */
const METRIC_SOURCES: Readonly<Record<Metric, string | undefined>> = {
  bytes: "bytes",
  packets: "packets",
  flows: undefined,
  rejectedFlows: "action",
  acceptedFlows: "action",
};

// Insights has no conditional count; strcontains gives 1 or 0 per record, so its sum counts matches.
function metricExpr(metric: Metric, field: string): string {
  switch (metric) {
    case "bytes":
    case "packets":
      return `sum(${field})`;
    case "flows":
      return "count(*)";
    case "rejectedFlows":
      return `sum(strcontains(${field}, ${stringLiteral("REJECT")}))`;
    case "acceptedFlows":
      return `sum(strcontains(${field}, ${stringLiteral("ACCEPT")}))`;
  }
}

interface KeyColumn {
  key: KeyField;
  source: string;
  field: string;
}

function keyColumns(shape: AggregateShape, format: FlowFormat): KeyColumn[] {
  const keys = new Set(
    shape.groupBy.flatMap((key): KeyField[] => (key === "pair" ? ["srcAddr", "dstAddr"] : [key])),
  );
  const columns: KeyColumn[] = [];
  const missing: string[] = [];
  for (const key of keys) {
    const source = KEY_FIELDS[key];
    const field = format.queryName(source);
    if (field === undefined)
      missing.push(`shape.groupBy: the flow log's format has no ${source} field to group by ${key}`);
    else columns.push({ key, source, field: identifier(field) });
  }
  if (missing.length > 0) throw new FlowQueryError(missing);
  return columns;
}

/**
 * Aggregates count only records that describe traffic: NODATA/SKIPDATA records have `-` for the
 * addresses, ports, bytes and action, and would otherwise show up as a `-` talker and as flows.
 */
function guards(query: FlowQuery, format: FlowFormat, keys: readonly KeyColumn[]): string[] {
  const status = format.queryName("log-status");
  if (status && (query.filters.logStatus !== undefined || keys.some((k) => k.key === "logStatus"))) return [];
  if (status) return [`${identifier(status)} = ${stringLiteral("OK")}`];
  const action = format.queryName("action");
  if (action && query.filters.action !== undefined) return [];
  if (action) return [`${identifier(action)} in [${stringLiteral("ACCEPT")}, ${stringLiteral("REJECT")}]`];
  return keys.filter((k) => TUPLE_FIELDS.has(k.source)).map((k) => `${k.field} != ${stringLiteral("-")}`);
}

/** `stats … by [bin,] keys | sort | limit`, with stable aliases for the metrics (keys.ts). */
export function aggregatePlan(query: FlowQuery, shape: AggregateShape, format: FlowFormat): ShapePlan {
  const keys = keyColumns(shape, format);
  const columns: Column[] = [];
  const by: string[] = [];
  const bin = shape.bin === undefined ? undefined : chooseBin(shape.bin, query.timeRange);
  if (bin) {
    by.push(`bin(${bin.period}) as ${BUCKET}`);
    columns.push({ field: BUCKET, role: "bucket" });
  }
  for (const { key, field } of keys) {
    by.push(field);
    columns.push({ field, role: "key", key, numeric: NUMERIC_KEYS.has(key) });
  }
  const unsupported: string[] = [];
  const aggregates: string[] = [];
  const computed: Metric[] = [];
  for (const metric of new Set(shape.metrics)) {
    const source = METRIC_SOURCES[metric];
    const field = source === undefined ? "" : format.queryName(source);
    if (field === undefined) {
      unsupported.push(`shape.metrics: the flow log's format has no ${source} field for ${metric}`);
      continue;
    }
    aggregates.push(`${metricExpr(metric, field && identifier(field))} as ${METRIC_ALIASES[metric]}`);
    columns.push({ field: METRIC_ALIASES[metric], role: "metric", metric });
    computed.push(metric);
  }
  const orderBy =
    shape.orderBy !== undefined && computed.includes(shape.orderBy) ? shape.orderBy : computed[0];
  if (orderBy === undefined) throw new FlowQueryError(unsupported);
  const byMetric = keys.length > 0 ? [`${METRIC_ALIASES[orderBy]} desc`] : [];
  const sort = bin ? [`${BUCKET} asc`, ...byMetric] : byMetric;
  return {
    commands: [
      `stats ${aggregates.join(", ")}${by.length > 0 ? ` by ${by.join(", ")}` : ""}`,
      ...(sort.length > 0 ? [`sort ${sort.join(", ")}`] : []),
      `limit ${integerLiteral(shape.limit)}`,
    ],
    guards: guards(query, format, keys),
    columns,
    unsupported,
    binMs: bin?.ms,
    orderBy,
  };
}
