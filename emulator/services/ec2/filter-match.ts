import { AwsError } from "../aws-error";

/** A filter's value source: a dotted path in the CLI member names (arrays are walked), or a function. */
export type Extractor = string | ((item: Record<string, unknown>) => unknown);
export type FilterTable = Readonly<Record<string, Extractor>>;

export interface RequestFilter {
  Name?: string;
  Values?: string[];
}

/** All leaf values found at `path`, flattening every array met on the way. */
export function pluck(value: unknown, path: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => pluck(v, path));
  if (path.length === 0) return value === undefined || value === null ? [] : [value];
  if (typeof value !== "object" || value === null) return [];
  const [head, ...rest] = path;
  return head === undefined ? [] : pluck((value as Record<string, unknown>)[head], rest);
}

const wildcardCache = new Map<string, RegExp>();

/** AWS filter value syntax: `*` any run, `?` one character, backslash escapes either. */
export function wildcardToRegExp(pattern: string): RegExp {
  const cached = wildcardCache.get(pattern);
  if (cached) return cached;
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    const next = pattern.charAt(i + 1);
    if (c === "\\" && (next === "*" || next === "?" || next === "\\")) {
      source += `\\${next}`;
      i++;
    } else if (c === "*") source += "[\\s\\S]*";
    else if (c === "?") source += "[\\s\\S]";
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  const re = new RegExp(`^${source}$`);
  if (wildcardCache.size > 1000) wildcardCache.clear();
  wildcardCache.set(pattern, re);
  return re;
}

const asText = (v: unknown): string | undefined =>
  typeof v === "string" || typeof v === "number" || typeof v === "boolean" || typeof v === "bigint"
    ? String(v)
    : undefined;

function tagsOf(item: Record<string, unknown>): { Key?: unknown; Value?: unknown }[] {
  const tags = item.Tags ?? item.TagSet;
  return Array.isArray(tags)
    ? tags.filter((t): t is Record<string, unknown> => typeof t === "object" && t !== null)
    : [];
}

function extract(table: FilterTable, name: string, item: Record<string, unknown>): unknown[] | undefined {
  if (name.startsWith("tag:")) {
    const key = name.slice(4);
    return tagsOf(item).flatMap((t) => (t.Key === key ? [t.Value ?? ""] : []));
  }
  if (name === "tag-key") return tagsOf(item).map((t) => t.Key);
  const extractor = table[name];
  if (extractor === undefined) return undefined;
  if (typeof extractor === "string") return pluck(item, extractor.split("."));
  const v = extractor(item);
  return Array.isArray(v) ? v.flat() : [v];
}

/** Throws AWS's error for a filter name the table does not know. */
export function checkFilterNames(table: FilterTable, filters: readonly RequestFilter[]): void {
  for (const f of filters) {
    const name = f.Name ?? "";
    if (name.startsWith("tag:") && name.length > 4) continue;
    if (name === "tag-key" || Object.hasOwn(table, name)) continue;
    throw new AwsError("InvalidParameterValue", `The filter '${name}' is invalid`);
  }
}

/** Several filters AND together; the values of one filter OR together. */
export function matchesFilters(
  table: FilterTable,
  filters: readonly RequestFilter[],
  item: Record<string, unknown>,
): boolean {
  return filters.every((f) => {
    const actual = (extract(table, f.Name ?? "", item) ?? []).map(asText).filter((v) => v !== undefined);
    return (f.Values ?? []).some((pattern) => {
      const re = wildcardToRegExp(pattern);
      return actual.some((v) => re.test(v));
    });
  });
}
