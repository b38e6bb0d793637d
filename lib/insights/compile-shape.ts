import { aggregatePlan } from "./compile-aggregate";
import { identifier, integerLiteral } from "./escape";
import type { FlowFormat } from "./flow-format";
import type { KeyField, Metric } from "./keys";
import type { FlowQuery, RecordsShape } from "./schema";

/** What each output field of a query is, so rows can be decoded without knowing the format. */
export type Column =
  | { field: string; role: "timestamp" | "message" | "logStream" | "ptr" | "bucket" }
  | { field: string; role: "key"; key: KeyField; numeric: boolean }
  | { field: string; role: "metric"; metric: Metric };

export interface ShapePlan {
  /** Commands after the filter. */
  commands: string[];
  /** Clauses the shape adds to the filter (leaving out NODATA/SKIPDATA records from aggregates). */
  guards: string[];
  columns: Column[];
  unsupported: string[];
  binMs?: number;
  orderBy?: Metric;
  recordSort?: RecordSort;
}

export interface RecordSort {
  by: "timestamp" | "bytes" | "packets";
  direction: "asc" | "desc";
}

function recordsPlan(shape: RecordsShape, format: FlowFormat): ShapePlan {
  const unsupported: string[] = [];
  let by = shape.sort?.by ?? "timestamp";
  const direction = shape.sort?.direction ?? "desc";
  let sortField = by === "timestamp" ? "@timestamp" : format.queryName(by);
  if (sortField === undefined) {
    unsupported.push(`shape.sort: the flow log's format has no ${by} field; sorted by time instead`);
    sortField = "@timestamp";
    by = "timestamp";
  }
  return {
    commands: [
      "fields @timestamp, @message, @logStream",
      `sort ${identifier(sortField)} ${direction}`,
      `limit ${integerLiteral(shape.limit)}`,
    ],
    guards: [],
    columns: [
      { field: "@timestamp", role: "timestamp" },
      { field: "@message", role: "message" },
      { field: "@logStream", role: "logStream" },
      { field: "@ptr", role: "ptr" },
    ],
    unsupported,
    recordSort: { by, direction },
  };
}

export function compileShape(query: FlowQuery, format: FlowFormat): ShapePlan {
  return query.shape.kind === "records"
    ? recordsPlan(query.shape, format)
    : aggregatePlan(query, query.shape, format);
}
