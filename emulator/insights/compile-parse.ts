import type { Command } from "./ast";
import { newColumn, type Pipeline, pushCte } from "./compile";
import { field } from "./compile-expr";
import { captureGroups, globToRegex, toRe2 } from "./regex";
import { asStr, sqlString } from "./sql";

/**
 * `parse`: one regexp_extract into a struct column per command. The whole pattern is wrapped in an
 * extra group so a match can be told from a miss without running the regex twice per event; fields
 * of events the pattern does not match are null.
 */
export function compileParse(p: Pipeline, command: Extract<Command, { type: "parse" }>): void {
  const source = asStr(field(p, command.source.name));
  const pattern = `(${command.glob !== undefined ? globToRegex(command.glob) : toRe2(command.regex ?? "")})`;
  const groups = captureGroups(pattern).slice(1);
  const column = newColumn(p);
  const structNames = ["'m'", ...groups.map((_, i) => `'g${i}'`)].join(", ");
  const literal = sqlString(pattern);
  p.regexes.push({ pattern, span: command.patternSpan });
  pushCte(
    p,
    `SELECT *, regexp_extract(${source}, ${literal}, [${structNames}]) AS ${column} FROM ${p.current}`,
  );
  pushCte(
    p,
    `SELECT * REPLACE (CASE WHEN ${column}.m <> '' OR regexp_matches(${source}, ${literal}) THEN ${column} END AS ${column}) FROM ${p.current}`,
  );
  const fields = new Map(p.fields);
  command.names.forEach((name, index) => {
    const group = command.glob !== undefined ? index : groups.indexOf(name);
    fields.set(name, { sql: `${column}.g${group}`, kind: "any" });
    if (!p.created.includes(name)) p.created.push(name);
  });
  p.fields = fields;
}
