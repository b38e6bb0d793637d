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
  if (command.glob !== undefined && SPACED_STARS.test(command.glob)) {
    compileSpacedGlob(p, command, source);
    return;
  }
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
  setFields(p, command.names, column, (name, index) =>
    command.glob !== undefined ? index : groups.indexOf(name),
  );
}

function setFields(
  p: Pipeline,
  names: readonly string[],
  column: string,
  group: (name: string, index: number) => number,
) {
  const fields = new Map(p.fields);
  names.forEach((name, index) => {
    fields.set(name, { sql: `${column}.g${group(name, index)}`, kind: "any" });
    if (!p.created.includes(name)) p.created.push(name);
  });
  p.fields = fields;
}

/** `* * … *`: what flow-log queries parse custom formats with. */
const SPACED_STARS = /^\*( \*)+$/;

/**
 * The glob `* * … *` (n stars) without a regex: its regex `(.*?) (.*?) … (.*)` matches when there are
 * at least n-1 spaces and no newline (`.` stops at one), each lazy group taking one space-separated
 * token (possibly empty) and the last group the rest. One string_split gives the same groups, kept as
 * a list (null when the pattern does not match); each field indexes it only where a command uses it.
 */
function compileSpacedGlob(p: Pipeline, command: Extract<Command, { type: "parse" }>, source: string): void {
  const n = (command.glob ?? "").split("*").length - 1;
  const column = newColumn(p);
  const parts = `${column}_parts`;
  pushCte(
    p,
    `SELECT * EXCLUDE (${parts}), CASE WHEN len(${parts}) >= ${n} AND NOT contains(${source}, chr(10)) THEN ${parts} END AS ${column}
     FROM (SELECT *, string_split(${source}, ' ') AS ${parts} FROM ${p.current})`,
  );
  const fields = new Map(p.fields);
  command.names.forEach((name, i) => {
    const sql = i < n - 1 ? `${column}[${i + 1}]` : `array_to_string(${column}[${n}:], ' ')`;
    fields.set(name, { sql, kind: "any" });
    if (!p.created.includes(name)) p.created.push(name);
  });
  p.fields = fields;
}
