import type { Expr, Span } from "./ast";
import { compileAggregate } from "./compile-aggregates";
import { compileFunction } from "./compile-functions";
import { MalformedQueryError } from "./errors";
import { lookupFunction } from "./functions";
import { toRe2 } from "./regex";
import {
  asBool,
  asNum,
  asStr,
  type Col,
  compare,
  compareNullable,
  isIntegral,
  NULL_COL,
  type Params,
  sqlString,
} from "./sql";

/** What an expression can see: the fields of the current relation and the query's parameters. */
export interface Env {
  fields: Map<string, Col>;
  params: Params;
  /** Regexes compiled so far, with their place in the query, so a bad one can be reported there. */
  regexes: { pattern: string; span: Span }[];
}

export const field = (env: Env, name: string): Col => env.fields.get(name) ?? NULL_COL;

export function compileExpr(expr: Expr, env: Env): Col {
  switch (expr.kind) {
    case "field":
      return field(env, expr.name);
    case "number":
      return expr.integer && Number.isSafeInteger(expr.value)
        ? { sql: `CAST(${env.params.add(BigInt(expr.value))} AS BIGINT)`, kind: "int" }
        : { sql: `CAST(${env.params.add(expr.value)} AS DOUBLE)`, kind: "float" };
    case "string":
      return { sql: `CAST(${env.params.add(expr.value)} AS VARCHAR)`, kind: "str" };
    case "not":
      return { sql: `(NOT ${asBool(compileExpr(expr.arg, env))})`, kind: "bool" };
    case "neg": {
      const arg = compileExpr(expr.arg, env);
      return { sql: `(-${asNum(arg)})`, kind: isIntegral(arg.kind) ? "int" : "float" };
    }
    case "binary":
      return compileBinary(expr, env);
    case "like":
      return compileLike(expr, env);
    case "in": {
      const arg = compileExpr(expr.arg, env);
      const anyEqual =
        expr.items.map((item) => compare(arg, "=", compileExpr(item, env))).join(" OR ") || "FALSE";
      const sql = expr.negated ? `(${arg.sql} IS NOT NULL AND NOT (${anyEqual}))` : `(${anyEqual})`;
      return { sql, kind: "bool" };
    }
    case "call": {
      const spec = lookupFunction(expr.name);
      if (!spec) throw new MalformedQueryError(`Unknown function "${expr.name}"`, expr.span);
      return spec.aggregate ? compileAggregate(spec.name, expr, env) : compileFunction(spec.name, expr, env);
    }
    default:
      throw new MalformedQueryError("Unexpected value here", expr.span);
  }
}

function compileBinary(expr: Extract<Expr, { kind: "binary" }>, env: Env): Col {
  const left = compileExpr(expr.left, env);
  const right = compileExpr(expr.right, env);
  switch (expr.op) {
    case "and":
    case "or":
      return { sql: `(${asBool(left)} ${expr.op.toUpperCase()} ${asBool(right)})`, kind: "bool" };
    case "=":
    case "!=":
    case "<":
    case "<=":
    case ">":
    case ">=":
      return { sql: compare(left, expr.op, right), kind: "bool" };
    case "/":
      return { sql: `(${asNum(left)} / NULLIF(${asNum(right)}, 0))`, kind: "float" };
    case "^":
      return { sql: `pow(${asNum(left)}, ${asNum(right)})`, kind: "float" };
    case "%": {
      const kind = isIntegral(left.kind) && isIntegral(right.kind) ? "int" : "float";
      return { sql: `(${asNum(left)} % NULLIF(${asNum(right)}, 0))`, kind };
    }
    default: {
      const kind = isIntegral(left.kind) && isIntegral(right.kind) ? "int" : "float";
      return { sql: `(${asNum(left)} ${expr.op} ${asNum(right)})`, kind };
    }
  }
}

function compileLike(expr: Extract<Expr, { kind: "like" }>, env: Env): Col {
  const arg = compileExpr(expr.arg, env);
  const text = asStr(arg);
  let test: string;
  if (expr.pattern.kind === "regex") {
    const pattern = toRe2(expr.pattern.pattern);
    env.regexes.push({ pattern, span: expr.pattern.span });
    test = `regexp_matches(${text}, ${sqlString(pattern)})`;
  } else {
    test = `contains(${text}, ${asStr(compileExpr(expr.pattern, env))})`;
  }
  const sql = expr.negated ? `COALESCE(NOT ${test}, FALSE)` : `COALESCE(${test}, FALSE)`;
  return { sql, kind: "bool" };
}

const COMPARISONS = new Set(["=", "!=", "<", "<=", ">", ">="]);

/**
 * A filter's condition for SQL WHERE. Under and/or alone, a null part decides the same as false (a
 * row is kept only when the whole is true), so comparisons there are left without COALESCE: DuckDB
 * can then push `action = 'REJECT' AND dstport = 22` into the scan, as it does for hand-written SQL.
 */
export function compileWhere(expr: Expr, env: Env): string {
  if (expr.kind === "binary" && (expr.op === "and" || expr.op === "or"))
    return `(${compileWhere(expr.left, env)} ${expr.op.toUpperCase()} ${compileWhere(expr.right, env)})`;
  if (expr.kind === "binary" && COMPARISONS.has(expr.op))
    return compareNullable(compileExpr(expr.left, env), expr.op, compileExpr(expr.right, env));
  return asBool(compileExpr(expr, env));
}
