import type { Span } from "./ast";
import { MalformedQueryError } from "./errors";

export type TokenType = "ident" | "number" | "duration" | "string" | "regex" | "op" | "eof";

export interface Token {
  type: TokenType;
  /** Decoded value: the name (backticks removed), string contents, regex body, operator or number text. */
  value: string;
  /** True for a `backtick-quoted` name, which is never a keyword. */
  quoted: boolean;
  span: Span;
}

const OPS = [
  "!=",
  "<=",
  ">=",
  "=~",
  "|",
  ",",
  "(",
  ")",
  "[",
  "]",
  "+",
  "-",
  "*",
  "/",
  "%",
  "^",
  "=",
  "<",
  ">",
];
/** Time-period units with their length and the largest count Insights accepts (unlimited for d and ms). */
export const UNITS: Record<string, { ms: number; max: number }> = {
  ms: { ms: 1, max: Number.POSITIVE_INFINITY },
  s: { ms: 1000, max: 60 },
  m: { ms: 60_000, max: 60 },
  h: { ms: 3_600_000, max: 24 },
  d: { ms: 86_400_000, max: Number.POSITIVE_INFINITY },
};
const REGEX_AFTER_WORDS = new Set(["like", "and", "or", "not", "in", "parse"]);

/** Maps a character offset to a 1-based line and column. */
export function spanAt(text: string, start: number, end: number): Span {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < start; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { start, end, line, column: start - lineStart + 1 };
}

/** Splits a query into tokens; `#` starts a comment that runs to the end of the line. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const fail = (message: string, start: number, end = start + 1): never => {
    throw new MalformedQueryError(message, spanAt(text, start, end));
  };
  const push = (type: TokenType, value: string, start: number, end: number, quoted = false) =>
    tokens.push({ type, value, quoted, span: spanAt(text, start, end) });
  const regexAllowed = (): boolean => {
    const prev = tokens[tokens.length - 1];
    if (!prev) return true;
    if (prev.type === "op") return prev.value !== ")" && prev.value !== "]";
    if (prev.type !== "ident" || prev.quoted) return false;
    const before = tokens[tokens.length - 2];
    return (
      REGEX_AFTER_WORDS.has(prev.value.toLowerCase()) ||
      (before?.type === "ident" && before.value === "parse")
    );
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    const start = i;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "#") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (ch === '"' || ch === "'" || ch === "`" || (ch === "/" && regexAllowed())) {
      let value = "";
      i++;
      while (i < text.length && text[i] !== ch) {
        if (text[i] === "\\" && i + 1 < text.length) {
          const next = text[i + 1] ?? "";
          // Regex bodies keep their escapes (only \/ is the lexer's); strings decode them.
          value +=
            ch === "/"
              ? next === "/"
                ? "/"
                : `\\${next}`
              : next === "n"
                ? "\n"
                : next === "t"
                  ? "\t"
                  : next;
          i += 2;
        } else {
          value += text[i];
          i++;
        }
      }
      if (i >= text.length) {
        const what = ch === "/" ? "regular expression" : ch === "`" ? "quoted field name" : "string";
        fail(`Unterminated ${what}: missing closing ${ch}`, start);
      }
      i++;
      const type = ch === "/" ? "regex" : ch === "`" ? "ident" : "string";
      if (ch === "`" && value === "") fail("Empty quoted field name", start, i);
      push(type, value, start, i, ch === "`");
    } else if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
      const match = /^(\d*\.?\d+|\d+\.)([A-Za-z_][A-Za-z0-9_]*)?/.exec(text.slice(i)) ?? ["", ""];
      const [whole, digits = "", unit] = match;
      i += whole.length;
      if (unit === undefined) {
        push("number", digits, start, i);
      } else {
        const spec = UNITS[unit];
        const count = Number(digits);
        if (!spec || !/^\d+$/.test(digits)) fail(`Invalid number or time period "${whole}"`, start, i);
        if (spec && (count < 1 || count > spec.max))
          fail(`Time period "${whole}" is out of range for unit ${unit}`, start, i);
        push("duration", String(count * (spec?.ms ?? 0)), start, i);
      }
    } else if (/[A-Za-z_@]/.test(ch)) {
      const match = /^[A-Za-z0-9_@.]+/.exec(text.slice(i)) ?? [ch];
      i += match[0].length;
      push("ident", match[0], start, i);
    } else {
      const op = OPS.find((candidate) => text.startsWith(candidate, i));
      if (!op) fail(`Unexpected character "${ch}"`, start);
      i += op?.length ?? 1;
      push("op", op ?? ch, start, i);
    }
  }
  push("eof", "", text.length, text.length);
  return tokens;
}
