import type { Command, Named, Query, SortKey, Span } from "./ast";
import { MalformedQueryError } from "./errors";
import { parseExpr, parseNamed } from "./parse-expr";
import { TokenStream } from "./token-stream";
import { validate } from "./validate";

export const MAX_LIMIT = 100_000;

/** Commands AWS has that this engine does not run; named so the error says so rather than "unknown". */
const UNSUPPORTED = new Set([
  "unnest",
  "pattern",
  "diff",
  "anomaly",
  "lookup",
  "join",
  "source",
  "filterindex",
  "unmask",
  "head",
  "tail",
]);

/** Parses and checks a Logs Insights query; throws MalformedQueryError with the position of the problem. */
export function parse(query: string): Query {
  const ts = new TokenStream(query);
  const commands: Command[] = [];
  if (ts.peek().type === "eof") throw new MalformedQueryError("The query is empty", ts.peek().span);
  for (;;) {
    commands.push(parseCommand(ts));
    if (ts.peek().type === "eof") break;
    ts.expectOp("|", '"|" or the end of the query');
    if (ts.peek().type === "eof") ts.unexpected("Expected a command after |");
  }
  const result = { commands };
  validate(result);
  return result;
}

type WithoutSpan<T> = T extends unknown ? Omit<T, "span"> : never;

function list<T>(ts: TokenStream, item: () => T): T[] {
  const items = [item()];
  while (ts.acceptOp(",")) items.push(item());
  return items;
}

function parseCommand(ts: TokenStream): Command {
  const head = ts.peek();
  if (head.type !== "ident" || head.quoted) ts.unexpected("Expected a command");
  const name = head.value.toLowerCase();
  ts.next();
  const start = head.span;
  const done = (command: WithoutSpan<Command>): Command => ({ ...command, span: ts.since(start) }) as Command;
  switch (name) {
    case "fields":
      return done({ type: "fields", items: list(ts, () => parseNamed(ts)) });
    case "display":
      return done({ type: "display", fields: list(ts, () => ts.expectName().value) });
    case "filter":
      return done({ type: "filter", expr: parseExpr(ts) });
    case "stats": {
      const aggregates = list(ts, () => parseNamed(ts));
      const by: Named[] = ts.acceptWord("by") ? list(ts, () => parseNamed(ts)) : [];
      return done({ type: "stats", aggregates, by });
    }
    case "sort": {
      ts.acceptWord("by");
      const keys = list(ts, (): SortKey => {
        const expr = parseExpr(ts);
        if (ts.acceptWord("desc")) return { expr, descending: true };
        ts.acceptWord("asc");
        return { expr, descending: false };
      });
      return done({ type: "sort", keys });
    }
    case "limit": {
      ts.acceptWord("any");
      const token = ts.peek();
      if (token.type !== "number" || !/^\d+$/.test(token.value))
        ts.unexpected("Expected a whole number after limit");
      const count = Number(ts.next().value);
      if (count < 1 || count > MAX_LIMIT) {
        throw new MalformedQueryError(`limit must be between 1 and ${MAX_LIMIT}`, token.span);
      }
      return done({ type: "limit", count });
    }
    case "parse":
      return parseParse(ts, start);
    case "dedup":
      return done({ type: "dedup", fields: list(ts, () => ts.expectName().value) });
    default:
      throw new MalformedQueryError(
        UNSUPPORTED.has(name)
          ? `The ${head.value} command is not supported`
          : `Unknown command "${head.value}"`,
        head.span,
      );
  }
}

function parseParse(ts: TokenStream, start: Span): Command {
  const first = ts.peek();
  const name = first.type === "ident" ? ts.expectName().value : "@message";
  const source = { kind: "field", name, span: first.span } as const;
  const pattern = ts.peek();
  if (pattern.type === "regex") {
    ts.next();
    const names = [...pattern.value.matchAll(/\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1] ?? "");
    if (names.length === 0)
      throw new MalformedQueryError("The regular expression has no named capture group", pattern.span);
    return {
      type: "parse",
      source,
      regex: pattern.value,
      names,
      patternSpan: pattern.span,
      span: ts.since(start),
    };
  }
  if (pattern.type !== "string") ts.unexpected('Expected a "glob pattern" or /regular expression/');
  ts.next();
  if (!ts.acceptWord("as")) ts.unexpected('Expected "as" and field names after the glob pattern');
  const names = list(ts, () => ts.expectName().value);
  const stars = pattern.value.split("*").length - 1;
  if (stars !== names.length) {
    throw new MalformedQueryError(
      `The glob pattern has ${stars} wildcard(s) but ${names.length} field name(s) follow as`,
      ts.since(pattern.span),
    );
  }
  return {
    type: "parse",
    source,
    glob: pattern.value,
    names,
    patternSpan: pattern.span,
    span: ts.since(start),
  };
}
