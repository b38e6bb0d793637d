import type { WorldEc2Key } from "../../world/types";
import { AwsError } from "../aws-error";
import { checkFilterNames, type FilterTable, matchesFilters, type RequestFilter } from "./filter-match";
import { pageOf, pageParams } from "./paging";

type Item = Record<string, unknown>;

export interface IdRules {
  idMember: string;
  idField: string;
  /** The id prefix, for AWS's "malformed id" check. */
  prefix: string;
  notFoundCode?: string;
  malformedCode?: string;
  /** Noun in AWS's message: "The vpc ID 'vpc-1' does not exist". */
  noun: string;
  /** Set where AWS refuses ids together with MaxResults: the id parameter's name in its message. */
  idSetWithMaxResults?: string;
}

export interface DescribeSpec extends IdRules {
  action: string;
  worldKey: WorldEc2Key;
  resultMember: string;
  filterMember: "Filters" | "Filter";
  filters: FilterTable;
  range: readonly [number, number];
}

export interface DescribeContext {
  items: readonly Item[];
  pageSize: number;
}

const stringList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

export const requestFilters = (input: Item, member: string): RequestFilter[] =>
  Array.isArray(input[member]) ? (input[member] as RequestFilter[]) : [];

export function idError(rules: IdRules, ids: readonly string[]): AwsError {
  const wellFormed = new RegExp(`^${rules.prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`);
  const malformed = ids.find((id) => !wellFormed.test(id));
  if (malformed !== undefined && rules.malformedCode) {
    return new AwsError(rules.malformedCode, `Invalid id: "${malformed}" (expecting "${rules.prefix}-...")`);
  }
  const message =
    ids.length === 1
      ? `The ${rules.noun} ID '${ids[0]}' does not exist`
      : `The ${rules.noun} IDs '${ids.join(", ")}' do not exist`;
  return new AwsError(rules.notFoundCode ?? "InvalidParameterValue", message);
}

/** Keeps the items named in the request's id list; AWS's NotFound / Malformed errors for the rest. */
export function selectByIds<T extends Item>(rules: IdRules, input: Item, items: readonly T[]): readonly T[] {
  const ids = stringList(input[rules.idMember]);
  if (ids.length > 0 && input.MaxResults !== undefined && rules.idSetWithMaxResults) {
    throw new AwsError(
      "InvalidParameterCombination",
      `The parameter ${rules.idSetWithMaxResults} cannot be used with the parameter maxResults`,
    );
  }
  if (ids.length === 0) return items;
  const wanted = new Set(ids);
  const found = items.filter((item) => wanted.has(String(item[rules.idField])));
  const foundIds = new Set(found.map((item) => String(item[rules.idField])));
  const missing = [...wanted].filter((id) => !foundIds.has(id));
  if (missing.length > 0 && rules.notFoundCode) throw idError(rules, missing);
  return found;
}

/** A Describe call: id list, then filters, then one page. */
export function runDescribe(spec: DescribeSpec, input: Item, ctx: DescribeContext): Item {
  const filters = requestFilters(input, spec.filterMember);
  checkFilterNames(spec.filters, filters);
  const byId = selectByIds(spec, input, ctx.items);
  const matching = byId.filter((item) => matchesFilters(spec.filters, filters, item));
  const hasIds = stringList(input[spec.idMember]).length > 0;
  const { page, nextToken } = pageOf(matching, pageParams(input), {
    action: spec.action,
    range: spec.range,
    defaultSize: hasIds ? undefined : ctx.pageSize,
    query: [filters, input[spec.idMember]],
  });
  return { [spec.resultMember]: page, NextToken: nextToken };
}
