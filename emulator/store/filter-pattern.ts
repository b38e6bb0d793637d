import type { SqlParam } from "./db";
import { StoreError } from "./errors";

/**
 * A CloudWatch Logs filter pattern for unstructured events, as SQL over `message`: plain terms
 * and "quoted phrases" must all occur, `?term`s are alternatives (at least one must occur) and
 * `-term`s must not occur. Matching is case-sensitive. JSON (`{…}`) and space-delimited (`[…]`)
 * patterns are not supported.
 */
export function compileFilterPattern(pattern: string | undefined): { sql: string; params: SqlParam[] } {
  const text = (pattern ?? "").trim();
  if (text === "") return { sql: "TRUE", params: [] };
  if (text.startsWith("{") || text.startsWith("[")) {
    throw new StoreError(
      "InvalidParameterException",
      "JSON and space-delimited filter patterns are not supported.",
    );
  }
  const all: string[] = [];
  const any: string[] = [];
  const none: string[] = [];
  const termRe = /([?-]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g;
  for (const match of text.matchAll(termRe)) {
    const quoted = match[2];
    const term = quoted !== undefined ? quoted.replace(/\\(.)/g, "$1") : (match[3] ?? "");
    if (term === "") continue;
    if (match[1] === "?") any.push(term);
    else if (match[1] === "-") none.push(term);
    else all.push(term);
  }
  const parts = [...all.map(() => "contains(message, ?)"), ...none.map(() => "NOT contains(message, ?)")];
  if (any.length > 0) parts.push(`(${any.map(() => "contains(message, ?)").join(" OR ")})`);
  return { sql: parts.length > 0 ? parts.join(" AND ") : "TRUE", params: [...all, ...none, ...any] };
}
