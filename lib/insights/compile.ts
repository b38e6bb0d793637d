import { compileFilters } from "./compile-filters";
import { compileScope, interfaceClause } from "./compile-scope";
import { type Column, compileShape, type RecordSort } from "./compile-shape";

export type { RecordSort };

import { FlowQueryError } from "./errors";
import { identifier, stringLiteral } from "./escape";
import { checkExpertFilter, expertFilterMessage } from "./expert-filter";
import type { FlowFormat } from "./flow-format";
import type { Metric } from "./keys";
import { parseFlowQuery } from "./schema";

/** StartQuery's queryString limit (logs-insights.md §6). */
export const MAX_QUERY_LENGTH = 10_000;

export interface CompileOptions {
  /** Throw instead of reporting filters or metrics the format cannot express. */
  strict?: boolean;
  /** For tests; defaults to StartQuery's 10,000 characters. */
  maxQueryLength?: number;
}

export interface CompiledFlowQuery {
  kind: "records" | "aggregate";
  /**
   * Run each against the same log group and time range, then merge: the chunks split the scope's
   * interfaces, so every record falls in exactly one chunk and sums and counts add up. Usually one;
   * none when the scope is an empty list of interfaces (nothing can match).
   */
  queryStrings: string[];
  columns: Column[];
  /** What the format cannot express (`filters.tcpFlags: …`); the caller must show it. */
  unsupported: string[];
  limit: number;
  /** Aggregates with a bin: the bucket size in milliseconds. */
  binMs?: number;
  /** Aggregates: the metric rows are ordered by. */
  orderBy?: Metric;
  /** Records: the order actually used (time when the format lacks the field asked for). */
  recordSort?: RecordSort;
  /** The format's fields, to read `@message` back into a record. */
  recordFields: string[];
}

/** The expert expression re-checked against this format, parenthesised so its `or` stays inside. */
function expertClause(text: string | undefined, format: FlowFormat): string[] {
  if (text === undefined) return [];
  const check = checkExpertFilter(text, format);
  if (!check.ok) throw new FlowQueryError([`expert: ${expertFilterMessage(check)}`]);
  return [`(${check.text})`];
}

const joinCommands = (commands: readonly string[]): string => commands.join("\n| ");

function parseCommand(format: FlowFormat): string[] {
  if (format.kind === "default") return [];
  const names = format.fields.map((name) => identifier(format.queryName(name) ?? ""));
  return [`parse @message "${names.map(() => "*").join(" ")}" as ${names.join(", ")}`];
}

/**
 * A flow query as Logs Insights query text for one flow log's format. Validates the query again
 * (it may come straight from a request), so hostile values never reach the text.
 */
export function compileFlowQuery(
  input: unknown,
  format: FlowFormat,
  opts: CompileOptions = {},
): CompiledFlowQuery {
  const query = parseFlowQuery(input);
  const max = opts.maxQueryLength ?? MAX_QUERY_LENGTH;
  const filters = compileFilters(query.filters, format);
  const shape = compileShape(query, format);
  const unsupported = [...filters.unsupported, ...shape.unsupported];
  if (opts.strict && unsupported.length > 0) throw new FlowQueryError(unsupported);
  const scope = compileScope(query.scope, format);
  const expert = expertClause(query.expert, format);
  const head = parseCommand(format);
  const build = (chunkClause?: string): string => {
    const clauses = [
      ...scope.clauses,
      ...(chunkClause === undefined ? [] : [chunkClause]),
      ...filters.clauses,
      ...expert,
      ...shape.guards,
    ];
    return joinCommands([
      ...head,
      ...(clauses.length > 0 ? [`filter ${clauses.join(" and ")}`] : []),
      ...shape.commands,
    ]);
  };
  const interfaces = scope.interfaces;
  const queryStrings = interfaces
    ? chunkByInterfaces(interfaces.ids, (ids) => build(interfaceClause(interfaces.field, ids)), max)
    : [build()];
  const tooLong = queryStrings.find((text) => text.length > max);
  if (tooLong !== undefined)
    throw new FlowQueryError([`query: ${tooLong.length} characters, more than the ${max} Insights accepts`]);
  return {
    kind: query.shape.kind,
    queryStrings,
    columns: shape.columns,
    unsupported,
    limit: query.shape.limit,
    binMs: shape.binMs,
    orderBy: shape.orderBy,
    recordSort: shape.recordSort,
    recordFields: [...format.fields],
  };
}

/**
 * Packs interface ids greedily into as few queries as fit in `max` characters. Lengths are
 * computed, not rebuilt per id: each id adds its literal and a ", " separator.
 */
function chunkByInterfaces(
  ids: readonly string[],
  build: (ids: readonly string[]) => string,
  max: number,
): string[] {
  if (ids.length === 0) return [];
  const base = build([]).length;
  const chunks: string[][] = [];
  let current: string[] = [];
  let length = base;
  for (const id of ids) {
    const cost = stringLiteral(id).length;
    if (current.length > 0 && length + 2 + cost > max) {
      chunks.push(current);
      current = [];
      length = base;
    }
    length += (current.length > 0 ? 2 : 0) + cost;
    current.push(id);
  }
  chunks.push(current);
  return chunks.map(build);
}
