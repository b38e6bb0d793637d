import type { Token } from "./expert-tokens";

/**
 * The grammar of a Logs Insights `filter` expression, checked over its tokens so a malformed one
 * (`dstPort = = 22`, `dstPort 22`, `and dstPort = 1`, `f(,)`) is refused with the position of the first
 * token that does not fit, before a query is spent on AWS's MalformedQueryException.
 *
 *   or      := and ("or" and)*
 *   and     := not ("and" not)*
 *   not     := "not" not | compare
 *   compare := sum [ ("=" | "!=" | "<" | "<=" | ">" | ">=") sum
 *                  | ["not"] "in" list | ["not"] "like" (string | regex) | "=~" (string | regex) ]
 *   sum     := product (("+" | "-") product)*
 *   product := unary (("*" | "/" | "%" | "^") unary)*
 *   unary   := "-" unary | primary
 *   primary := number | string | regex | name | name "(" [or ("," or)*] ")" | "(" or ")" | list
 *   list    := "[" [or ("," or)*] "]"
 */
export type GrammarCheck = { ok: true } | { ok: false; position: number; message: string };

class GrammarError extends Error {
  constructor(
    readonly position: number,
    message: string,
  ) {
    super(message);
  }
}

const COMPARE = new Set(["=", "!=", "<", "<=", ">", ">="]);
const SUM = new Set(["+", "-"]);
const PRODUCT = new Set(["*", "/", "%", "^"]);

export function checkGrammar(tokens: readonly Token[]): GrammarCheck {
  let i = 0;
  const end = tokens.at(-1);
  const endPosition = end ? end.position + end.text.length : 1;
  const peek = (): Token | undefined => tokens[i];
  const word = (token: Token | undefined, w: string) =>
    token?.kind === "name" && token.text.toLowerCase() === w;
  const is = (token: Token | undefined, kind: Token["kind"], text?: string) =>
    token?.kind === kind && (text === undefined || token.text === text);
  const describe = (token: Token | undefined) => (token ? `\`${token.text}\`` : "the end");
  const fail = (token: Token | undefined, message: string): never => {
    throw new GrammarError(token?.position ?? endPosition, message);
  };
  const expect = (kind: Token["kind"], text: string, after: string): void => {
    if (!is(peek(), kind, text)) fail(peek(), `expected \`${text}\` ${after}, found ${describe(peek())}`);
    i++;
  };

  const or = (): void => {
    and();
    while (word(peek(), "or")) {
      i++;
      and();
    }
  };
  const and = (): void => {
    not();
    while (word(peek(), "and")) {
      i++;
      not();
    }
  };
  const not = (): void => {
    if (word(peek(), "not")) {
      i++;
      not();
      return;
    }
    compare();
  };
  const pattern = (after: string): void => {
    const token = peek();
    if (!is(token, "string") && !is(token, "regex"))
      fail(token, `expected a string or /regex/ after ${after}, found ${describe(token)}`);
    i++;
  };
  const compare = (): void => {
    sum();
    const token = peek();
    if (token?.kind === "operator" && COMPARE.has(token.text)) {
      i++;
      sum();
    } else if (is(token, "operator", "=~")) {
      i++;
      pattern("`=~`");
    } else if (word(token, "in")) {
      i++;
      list("`in`");
    } else if (word(token, "like")) {
      i++;
      pattern("`like`");
    } else if (word(token, "not") && (word(tokens[i + 1], "in") || word(tokens[i + 1], "like"))) {
      const op = tokens[i + 1]?.text.toLowerCase();
      i += 2;
      if (op === "in") list("`not in`");
      else pattern("`not like`");
    }
    const next = peek();
    if (next?.kind === "operator" && (COMPARE.has(next.text) || next.text === "=~"))
      fail(next, `unexpected ${describe(next)}: combine comparisons with and/or`);
  };
  const sum = (): void => {
    product();
    while (peek()?.kind === "operator" && SUM.has(peek()?.text ?? "")) {
      i++;
      product();
    }
  };
  const product = (): void => {
    unary();
    while (peek()?.kind === "operator" && PRODUCT.has(peek()?.text ?? "")) {
      i++;
      unary();
    }
  };
  const unary = (): void => {
    if (is(peek(), "operator", "-")) {
      i++;
      unary();
      return;
    }
    primary();
  };
  const items = (close: string, what: string): void => {
    if (is(peek(), "punct", close)) {
      i++;
      return;
    }
    for (;;) {
      or();
      if (is(peek(), "punct", ",")) {
        i++;
        continue;
      }
      expect("punct", close, `to close the ${what}`);
      return;
    }
  };
  const list = (after: string): void => {
    if (!is(peek(), "punct", "["))
      fail(peek(), `expected a [list] after ${after}, found ${describe(peek())}`);
    i++;
    items("]", "list");
  };
  const primary = (): void => {
    const token = peek();
    if (!token) return fail(token, "expected a value at the end");
    if (token.kind === "number" || token.kind === "string" || token.kind === "regex") {
      i++;
      return;
    }
    if (token.kind === "name") {
      const lower = token.text.toLowerCase();
      if (lower === "and" || lower === "or" || lower === "in" || lower === "like")
        return fail(token, `expected a value before \`${token.text}\``);
      i++;
      if (is(peek(), "punct", "(")) {
        i++;
        items(")", `arguments of ${token.text}()`);
      }
      return;
    }
    if (is(token, "punct", "(")) {
      i++;
      or();
      expect("punct", ")", "to close `(`");
      return;
    }
    if (is(token, "punct", "[")) {
      i++;
      items("]", "list");
      return;
    }
    return fail(token, `expected a value, found ${describe(token)}`);
  };

  try {
    or();
    if (i < tokens.length) {
      const token = tokens[i];
      fail(token, `expected and/or or the end after ${describe(tokens[i - 1])}, found ${describe(token)}`);
    }
    return { ok: true };
  } catch (error) {
    if (error instanceof GrammarError) return { ok: false, position: error.position, message: error.message };
    throw error;
  }
}
