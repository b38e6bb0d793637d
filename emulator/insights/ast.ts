/** Where a token or node sits in the query text. */
export interface Span {
  start: number;
  end: number;
  line: number;
  column: number;
}

export type BinaryOp =
  | "+"
  | "-"
  | "*"
  | "/"
  | "%"
  | "^"
  | "="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "and"
  | "or";

export type Expr =
  | { kind: "field"; name: string; span: Span }
  | { kind: "number"; value: number; integer: boolean; span: Span }
  | { kind: "string"; value: string; span: Span }
  | { kind: "regex"; pattern: string; span: Span }
  | { kind: "duration"; ms: number; span: Span }
  | { kind: "star"; span: Span }
  | { kind: "not"; arg: Expr; span: Span }
  | { kind: "neg"; arg: Expr; span: Span }
  | { kind: "binary"; op: BinaryOp; left: Expr; right: Expr; span: Span }
  | { kind: "like"; negated: boolean; arg: Expr; pattern: Expr; span: Span }
  | { kind: "in"; negated: boolean; arg: Expr; items: Expr[]; span: Span }
  | { kind: "call"; name: string; args: Expr[]; span: Span };

/** An expression with the name its result goes by: the alias, the field name, or the source text. */
export interface Named {
  expr: Expr;
  name: string;
}

export interface SortKey {
  expr: Expr;
  descending: boolean;
}

export type Command =
  | { type: "fields"; items: Named[]; span: Span }
  | { type: "display"; fields: string[]; span: Span }
  | { type: "filter"; expr: Expr; span: Span }
  | { type: "stats"; aggregates: Named[]; by: Named[]; span: Span }
  | { type: "sort"; keys: SortKey[]; span: Span }
  | { type: "limit"; count: number; span: Span }
  | {
      type: "parse";
      source: Extract<Expr, { kind: "field" }>;
      glob?: string;
      regex?: string;
      names: string[];
      patternSpan: Span;
      span: Span;
    }
  | { type: "dedup"; fields: string[]; span: Span };

export interface Query {
  commands: Command[];
}
