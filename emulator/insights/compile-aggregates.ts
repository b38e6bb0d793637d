import type { Expr } from "./ast";
import { compileExpr, type Env } from "./compile-expr";
import { MalformedQueryError } from "./errors";
import { asNum, type Col, EVENT_ID_FIELD, formatFloatSql, isIntegral, NULL_COL, sqlNumber } from "./sql";

type Call = Extract<Expr, { kind: "call" }>;

/**
 * Stats functions. Numbers in `parse`d text count as numbers (sum, avg, pct, stddev ignore text that
 * is not a number); min and max of such text prefer its numbers and fall back to text order.
 */
export function compileAggregate(name: string, call: Call, env: Env): Col {
  const first = call.args[0];
  const arg = first && first.kind !== "star" ? compileExpr(first, env) : undefined;
  const x = arg ?? NULL_COL;
  const int = (sql: string): Col => ({ sql, kind: "int" });
  const float = (sql: string): Col => ({ sql, kind: "float" });
  switch (name) {
    case "count":
      return int(arg ? `count(${arg.sql})` : "count(*)");
    case "count_distinct":
      return int(`count(DISTINCT ${x.sql})`);
    case "sum":
      return isIntegral(x.kind) ? int(`sum(${asNum(x)})`) : float(`sum(${asNum(x)})`);
    case "avg":
      return float(`avg(${asNum(x)})`);
    case "stddev":
      return float(`stddev_samp(${asNum(x)})`);
    case "pct": {
      const p = call.args[1];
      if (p?.kind !== "number")
        throw new MalformedQueryError("pct needs a percentile from 0 to 100", call.span);
      const sql = `quantile_disc(${asNum(x)}, ${sqlNumber(p.value / 100)})`;
      return isIntegral(x.kind) ? int(sql) : float(sql);
    }
    case "min":
    case "max":
    case "sortsFirst":
    case "sortsLast": {
      const fn = name === "min" || name === "sortsFirst" ? "min" : "max";
      if (x.kind !== "any") return { sql: `${fn}(${x.sql})`, kind: x.kind };
      const numbers = `TRY_CAST(${x.sql} AS DOUBLE)`;
      const sql = `CASE WHEN count(${numbers}) > 0 THEN ${formatFloatSql(`${fn}(${numbers})`)} ELSE ${fn}(${x.sql}) END`;
      return { sql, kind: "any" };
    }
    case "earliest":
    case "latest": {
      const ts = env.fields.get("@timestamp");
      const id = env.fields.get(EVENT_ID_FIELD);
      if (!ts || !id)
        throw new MalformedQueryError(`${name} needs @timestamp, which is gone after stats`, call.span);
      const fn = name === "earliest" ? "arg_min" : "arg_max";
      return {
        sql: `${fn}(${x.sql}, [${ts.sql}, ${id.sql}]) FILTER (WHERE ${x.sql} IS NOT NULL)`,
        kind: x.kind,
      };
    }
    default:
      throw new MalformedQueryError(`Unknown function "${call.name}"`, call.span);
  }
}
