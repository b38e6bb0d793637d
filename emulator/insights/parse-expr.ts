import type { BinaryOp, Expr, Named } from "./ast";
import { KEYWORDS, type TokenStream } from "./token-stream";

const COMPARISONS = new Set(["=", "!=", "<", "<=", ">", ">="]);

/** expr := or; precedence from loosest: or, and, not, comparison, + -, * / %, unary -, ^. */
export function parseExpr(ts: TokenStream): Expr {
  let left = parseAnd(ts);
  while (ts.acceptWord("or")) left = binary("or", left, parseAnd(ts), ts);
  return left;
}

function binary(op: BinaryOp, left: Expr, right: Expr, ts: TokenStream): Expr {
  return { kind: "binary", op, left, right, span: ts.since(left.span) };
}

function parseAnd(ts: TokenStream): Expr {
  let left = parseNot(ts);
  while (ts.acceptWord("and")) left = binary("and", left, parseNot(ts), ts);
  return left;
}

function parseNot(ts: TokenStream): Expr {
  const start = ts.peek().span;
  if (ts.acceptWord("not")) return { kind: "not", arg: parseNot(ts), span: ts.since(start) };
  return parseComparison(ts);
}

function parseComparison(ts: TokenStream): Expr {
  const left = parseAdditive(ts);
  const token = ts.peek();
  if (token.type === "op" && COMPARISONS.has(token.value)) {
    ts.next();
    return binary(token.value as BinaryOp, left, parseAdditive(ts), ts);
  }
  if (ts.acceptOp("=~")) {
    return { kind: "like", negated: false, arg: left, pattern: parsePattern(ts), span: ts.since(left.span) };
  }
  const negated = ts.isWord("not") && (ts.isWord("like", 1) || ts.isWord("in", 1));
  if (negated) ts.next();
  if (ts.acceptWord("like")) {
    return { kind: "like", negated, arg: left, pattern: parsePattern(ts), span: ts.since(left.span) };
  }
  if (ts.acceptWord("in")) {
    ts.expectOp("[", '"[" after in');
    const items: Expr[] = [];
    if (!ts.isOp("]")) {
      do items.push(parseAdditive(ts));
      while (ts.acceptOp(","));
    }
    ts.expectOp("]", '"," or "]"');
    return { kind: "in", negated, arg: left, items, span: ts.since(left.span) };
  }
  return left;
}

function parsePattern(ts: TokenStream): Expr {
  const token = ts.peek();
  if (token.type === "string") return { kind: "string", value: ts.next().value, span: token.span };
  if (token.type === "regex") return { kind: "regex", pattern: ts.next().value, span: token.span };
  return ts.unexpected("Expected a string or /regular expression/");
}

function parseAdditive(ts: TokenStream): Expr {
  let left = parseMultiplicative(ts);
  for (let op = ts.peek(); op.type === "op" && (op.value === "+" || op.value === "-"); op = ts.peek()) {
    ts.next();
    left = binary(op.value as BinaryOp, left, parseMultiplicative(ts), ts);
  }
  return left;
}

function parseMultiplicative(ts: TokenStream): Expr {
  let left = parseUnary(ts);
  for (let op = ts.peek(); op.type === "op" && ["*", "/", "%"].includes(op.value); op = ts.peek()) {
    ts.next();
    left = binary(op.value as BinaryOp, left, parseUnary(ts), ts);
  }
  return left;
}

function parseUnary(ts: TokenStream): Expr {
  const start = ts.peek().span;
  if (ts.acceptOp("-")) return { kind: "neg", arg: parseUnary(ts), span: ts.since(start) };
  const base = parsePrimary(ts);
  return ts.acceptOp("^") ? binary("^", base, parseUnary(ts), ts) : base;
}

function parsePrimary(ts: TokenStream): Expr {
  const token = ts.peek();
  const span = token.span;
  switch (token.type) {
    case "number": {
      ts.next();
      return { kind: "number", value: Number(token.value), integer: /^\d+$/.test(token.value), span };
    }
    case "duration":
      ts.next();
      return { kind: "duration", ms: Number(token.value), span };
    case "string":
      ts.next();
      return { kind: "string", value: token.value, span };
    case "regex":
      ts.next();
      return { kind: "regex", pattern: token.value, span };
    case "ident":
      if (!token.quoted && KEYWORDS.has(token.value.toLowerCase())) break;
      ts.next();
      if (!token.quoted && ts.isOp("(")) return parseCall(ts, token.value, span);
      return { kind: "field", name: token.value, span };
    case "op":
      if (token.value === "(") {
        ts.next();
        const inner = parseExpr(ts);
        ts.expectOp(")", '")"');
        return { ...inner, span: ts.since(span) };
      }
      break;
  }
  return ts.unexpected("Expected a field, value or function");
}

function parseCall(ts: TokenStream, name: string, start: Expr["span"]): Expr {
  ts.expectOp("(");
  const args: Expr[] = [];
  if (ts.isOp("*") && ts.isOp(")", 1)) {
    args.push({ kind: "star", span: ts.next().span });
  } else if (!ts.isOp(")")) {
    do args.push(parseExpr(ts));
    while (ts.acceptOp(","));
  }
  ts.expectOp(")", '"," or ")"');
  return { kind: "call", name, args, span: ts.since(start) };
}

/** expr [as alias]; without an alias a field keeps its name and anything else is named by its text. */
export function parseNamed(ts: TokenStream): Named {
  const expr = parseExpr(ts);
  if (ts.acceptWord("as")) return { expr, name: ts.expectName("an alias after as").value };
  return { expr, name: expr.kind === "field" ? expr.name : ts.source(expr.span) };
}
