import type { Expr, Query, Span } from "./ast";
import { MalformedQueryError } from "./errors";
import { lookupFunction } from "./functions";

const PERIOD_ARG: Record<string, number> = { bin: 0, datefloor: 1, dateceil: 1 };

interface Found {
  aggregate: boolean;
  /** A field used outside any stats function. */
  bareField?: Span;
}

/** Checks what the grammar cannot: functions, arities, where stats functions and literals may appear. */
export function validate(query: Query): void {
  query.commands.forEach((command, index) => {
    const next = query.commands[index + 1];
    const afterNext = query.commands[index + 2];
    if (command.type === "dedup" && next && (next.type !== "limit" || afterNext)) {
      const offending = next.type !== "limit" ? next : afterNext;
      throw new MalformedQueryError("Only limit may follow dedup", offending?.span ?? next.span);
    }
    switch (command.type) {
      case "fields":
        for (const item of command.items) check(item.expr, false, false);
        break;
      case "filter":
        check(command.expr, false, false);
        break;
      case "sort":
        for (const key of command.keys) check(key.expr, false, false);
        break;
      case "stats":
        for (const item of command.by) check(item.expr, false, false);
        for (const item of command.aggregates) {
          const found = check(item.expr, true, false);
          if (found.bareField) {
            throw new MalformedQueryError(
              "A field in stats must be inside a stats function",
              found.bareField,
            );
          }
          if (!found.aggregate) throw new MalformedQueryError("stats needs a stats function", item.expr.span);
        }
        break;
    }
  });
}

function check(expr: Expr, aggregatesAllowed: boolean, insideAggregate: boolean): Found {
  const fail = (message: string, span = expr.span): never => {
    throw new MalformedQueryError(message, span);
  };
  const merge = (parts: Expr[]): Found => {
    const found: Found = { aggregate: false };
    for (const part of parts) {
      const sub = check(part, aggregatesAllowed, insideAggregate);
      found.aggregate ||= sub.aggregate;
      found.bareField ??= sub.bareField;
    }
    return found;
  };
  switch (expr.kind) {
    case "field":
      return insideAggregate ? { aggregate: false } : { aggregate: false, bareField: expr.span };
    case "number":
    case "string":
      return { aggregate: false };
    case "regex":
      return fail("A regular expression is allowed only after like, not like or =~");
    case "duration":
      return fail("A time period is allowed only in bin, datefloor and dateceil");
    case "star":
      return fail("* is allowed only in count(*)");
    case "not":
    case "neg":
      return merge([expr.arg]);
    case "binary":
      return merge([expr.left, expr.right]);
    case "in":
      return merge([expr.arg, ...expr.items]);
    case "like":
      return merge(expr.pattern.kind === "regex" ? [expr.arg] : [expr.arg, expr.pattern]);
    case "call":
      return checkCall(expr, aggregatesAllowed, insideAggregate, fail);
  }
}

function checkCall(
  expr: Extract<Expr, { kind: "call" }>,
  aggregatesAllowed: boolean,
  insideAggregate: boolean,
  fail: (message: string, span?: Span) => never,
): Found {
  const spec = lookupFunction(expr.name);
  if (!spec) return fail(`Unknown function "${expr.name}"`);
  const count = expr.args.length;
  if (count < spec.min || count > spec.max) {
    const expected =
      spec.min === spec.max
        ? `${spec.min}`
        : spec.max === Infinity
          ? `at least ${spec.min}`
          : `${spec.min} to ${spec.max}`;
    fail(`${spec.name} expects ${expected} argument(s) but got ${count}`);
  }
  if (spec.aggregate && !aggregatesAllowed)
    fail(`${spec.name} is a stats function and can be used only in stats`);
  if (spec.aggregate && insideAggregate) fail(`Stats functions cannot be nested: ${spec.name}`);
  const found: Found = { aggregate: spec.aggregate };
  expr.args.forEach((arg, index) => {
    if (arg.kind === "star" && spec.name === "count") return;
    if (PERIOD_ARG[spec.name] === index) {
      if (arg.kind !== "duration") fail(`${spec.name} needs a time period such as 5m`, arg.span);
      return;
    }
    if (spec.name === "pct" && index === 1) {
      if (arg.kind !== "number" || arg.value > 100) fail("pct needs a percentile from 0 to 100", arg.span);
      return;
    }
    const sub = check(arg, aggregatesAllowed, insideAggregate || spec.aggregate);
    found.bareField ??= sub.bareField;
  });
  return found;
}
