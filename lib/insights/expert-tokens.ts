/** Tokens of an expert `filter` expression; positions are 1-based columns for the error message. */
export type TokenKind = "string" | "regex" | "number" | "name" | "backticked" | "operator" | "punct";

export interface Token {
  kind: TokenKind;
  text: string;
  /** 1-based column of the token's first character. */
  position: number;
}

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; position: number; reason: string };

const isControl = (code: number): boolean =>
  code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;

const OPERATORS = ["!=", "<=", ">=", "=~", "=", "<", ">", "+", "-", "*", "/", "%", "^"] as const;
const PUNCT = new Set(["(", ")", "[", "]", ","]);
const NAME = /^@?[A-Za-z_][A-Za-z0-9_]*/;
const NUMBER = /^\d+(?:\.\d+)?/;

/** A quoted run (string, regex or backticked name) from `start`; escapes skip the next character. */
function quoted(text: string, start: number, quote: string): number | undefined {
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (char === "\\" && quote !== "`") i++;
    else if (char === quote) return i + 1;
  }
  return undefined;
}

/** A `/` starts a regex where an operand is expected (start, after an operator, `(`, `[`, `,`). */
const operandExpected = (previous: Token | undefined): boolean =>
  previous === undefined ||
  previous.kind === "operator" ||
  (previous.kind === "punct" && previous.text !== ")" && previous.text !== "]") ||
  (previous.kind === "name" && ["and", "or", "not", "like", "in"].includes(previous.text.toLowerCase()));

export function tokenize(text: string): TokenizeResult {
  const tokens: Token[] = [];
  for (let i = 0; i < text.length; i++) {
    if (isControl(text.codePointAt(i) ?? 0))
      return { ok: false, position: i + 1, reason: "newlines and control characters are not allowed" };
  }
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? "";
    const position = i + 1;
    const rest = text.slice(i);
    if (char === " ") {
      i++;
      continue;
    }
    if (char === '"' || char === "'" || char === "`" || (char === "/" && operandExpected(tokens.at(-1)))) {
      const end = quoted(text, i, char);
      if (end === undefined) {
        const what = char === "/" ? "regex" : char === "`" ? "backticked name" : "string";
        return { ok: false, position, reason: `unterminated ${what}` };
      }
      const kind = char === "/" ? "regex" : char === "`" ? "backticked" : "string";
      tokens.push({ kind, text: text.slice(i, end), position });
      i = end;
      continue;
    }
    if (char === "|") return { ok: false, position, reason: "`|` would start a new query command" };
    if (char === "#") return { ok: false, position, reason: "`#` comments are not allowed" };
    if (char === ";") return { ok: false, position, reason: "`;` is not allowed" };
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: "number", text: number[0], position });
      i += number[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: "name", text: name[0], position });
      i += name[0].length;
      continue;
    }
    const operator = OPERATORS.find((op) => rest.startsWith(op));
    if (operator) {
      tokens.push({ kind: "operator", text: operator, position });
      i += operator.length;
      continue;
    }
    if (PUNCT.has(char)) {
      tokens.push({ kind: "punct", text: char, position });
      i++;
      continue;
    }
    return { ok: false, position, reason: `unexpected character ${JSON.stringify(char)}` };
  }
  return { ok: true, tokens };
}
