import { FlowQueryError } from "./errors";

/*
 * The only ways a value enters query text. Every value is validated by the schema before it gets
 * here; these checks are the second line, so an unvalidated value still cannot change the query's
 * structure.
 */

const isControl = (code: number): boolean =>
  code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;

/** A double-quoted string literal: `\` and `"` escaped; control characters (newlines too) refused. */
export function stringLiteral(value: string): string {
  for (const char of value) {
    if (isControl(char.codePointAt(0) ?? 0))
      throw new FlowQueryError([`a query value contains a control character: ${JSON.stringify(value)}`]);
  }
  return `"${value.replace(/[\\"]/g, "\\$&")}"`;
}

/** An integer as query text; anything else (NaN, fractions, 1e21) is refused. */
export function integerLiteral(value: number): string {
  if (!Number.isSafeInteger(value)) throw new FlowQueryError([`a query number is not an integer: ${value}`]);
  return String(value);
}

const IDENTIFIER = /^@?[A-Za-z_][A-Za-z0-9_]*$/;

/** A field name or alias. Names come from fixed tables; the check keeps a bad table entry out. */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new FlowQueryError([`not a safe field name: ${JSON.stringify(name)}`]);
  return name;
}

export const listLiteral = (items: readonly string[]): string => `[${items.join(", ")}]`;
