import type { Span } from "./ast";
import { MalformedQueryError } from "./errors";
import { type Token, tokenize } from "./lexer";

/** A cursor over the tokens of one query, with the helpers every parser step needs. */
export class TokenStream {
  private readonly tokens: Token[];
  private index = 0;

  constructor(readonly text: string) {
    this.tokens = tokenize(text);
  }

  peek(ahead = 0): Token {
    const token = this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];
    if (!token) throw new Error("token stream is empty");
    return token;
  }

  next(): Token {
    const token = this.peek();
    if (token.type !== "eof") this.index++;
    return token;
  }

  /** True when the next token is the operator `op`. */
  isOp(op: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.type === "op" && token.value === op;
  }

  /** True when the next token is the unquoted keyword `word` (any case). */
  isWord(word: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.type === "ident" && !token.quoted && token.value.toLowerCase() === word;
  }

  acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.next();
    return true;
  }

  acceptWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.next();
    return true;
  }

  expectOp(op: string, what = `"${op}"`): Token {
    if (!this.isOp(op)) this.unexpected(`Expected ${what}`);
    return this.next();
  }

  /** A field name: a plain or backtick-quoted identifier that is not a keyword. */
  expectName(what = "a field name"): Token {
    const token = this.peek();
    if (token.type !== "ident" || (!token.quoted && KEYWORDS.has(token.value.toLowerCase()))) {
      this.unexpected(`Expected ${what}`);
    }
    return this.next();
  }

  /** Throws at the next token, describing what was found. */
  unexpected(expected: string): never {
    const token = this.peek();
    const found = token.type === "eof" ? "end of query" : `"${this.source(token.span)}"`;
    throw new MalformedQueryError(`${expected} but found ${found}`, token.span);
  }

  source(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /** A span from the start of `from` to the end of the last consumed token. */
  since(from: Span): Span {
    const last = this.tokens[Math.max(this.index - 1, 0)] ?? this.peek();
    return { ...from, end: Math.max(last.span.end, from.end) };
  }
}

export const KEYWORDS = new Set(["and", "or", "not", "in", "like", "as", "by", "asc", "desc"]);
