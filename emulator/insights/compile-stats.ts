import type { Command } from "./ast";
import { newColumn, type Pipeline, pushCte } from "./compile";
import { compileExpr } from "./compile-expr";
import { type Col, orderItems } from "./sql";

/**
 * `stats … by …`: one GROUP BY. Output fields are the groups then the aggregates; the default
 * order is by the groups. recordsMatched is the number of events that went into the first stats.
 */
export function compileStats(p: Pipeline, command: Extract<Command, { type: "stats" }>): void {
  const fields = new Map<string, Col>();
  const select: string[] = [];
  const keyOrder: string[] = [];
  const add = (name: string, col: Col): string => {
    const column = newColumn(p);
    select.push(`${col.sql} AS ${column}`);
    fields.set(name, { sql: column, kind: col.kind });
    return column;
  };
  for (const item of command.by) {
    const col = compileExpr(item.expr, p);
    keyOrder.push(...orderItems({ sql: add(item.name, col), kind: col.kind }, false));
  }
  for (const item of command.aggregates) add(item.name, compileExpr(item.expr, p));
  select.push(p.matched ? "max(__matched) AS __matched" : "count(*) AS __n");
  const groupBy = command.by.length > 0 ? `GROUP BY ${command.by.map((_, i) => i + 1).join(", ")}` : "";
  pushCte(p, `SELECT ${select.join(", ")} FROM ${p.current} ${groupBy}`);
  if (!p.matched) {
    pushCte(p, `SELECT *, sum(__n) OVER () AS __matched FROM ${p.current}`);
    p.matched = true;
  }
  p.fields = fields;
  p.raw = false;
  p.defaultOrder = keyOrder;
  p.order = keyOrder;
  p.fieldsList = [];
  p.created = [...fields.keys()];
}
