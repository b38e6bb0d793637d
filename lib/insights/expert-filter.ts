import { FLOW_LOG_FIELDS } from "../flow/fields";
import { checkGrammar } from "./expert-grammar";
import { type Token, tokenize } from "./expert-tokens";
import type { FlowFormat } from "./flow-format";

/** Longest expression accepted; the whole query must stay under StartQuery's 10,000 characters. */
export const MAX_EXPERT_LENGTH = 1_000;

export type ExpertFilterCheck = { ok: true; text: string } | { ok: false; position: number; message: string };

/**
 * Users write the names Insights discovers for the default format (`srcAddr`, `dstPort`,
 * `interfaceId`, `logStatus`) and the same camelCase for the richer fields (`tcpFlags`,
 * `pktSrcAddr`, `trafficPath`), whatever the flow log's format: a custom format's parsed
 * `snake_case` names are substituted here, so one expression works on every flow log.
 */
const SPECIAL: Readonly<Record<string, string>> = {
  srcaddr: "srcAddr",
  dstaddr: "dstAddr",
  srcport: "srcPort",
  dstport: "dstPort",
  start: "startTime",
  end: "endTime",
  "pkt-srcaddr": "pktSrcAddr",
  "pkt-dstaddr": "pktDstAddr",
};

export const expertName = (field: string): string =>
  SPECIAL[field] ?? field.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const FIELD_BY_NAME = new Map(FLOW_LOG_FIELDS.map((field) => [expertName(field.name), field.name]));

export const EXPERT_FUNCTIONS: ReadonlySet<string> = new Set([
  "isIpInSubnet",
  "isIpv4InSubnet",
  "isIpv6InSubnet",
  "isValidIp",
  "isValidIpV4",
  "isValidIpV6",
  "abs",
  "ceil",
  "floor",
  "greatest",
  "least",
  "log",
  "sqrt",
  "strlen",
  "toupper",
  "tolower",
  "trim",
  "ltrim",
  "rtrim",
  "substr",
  "replace",
  "strcontains",
  "concat",
  "ispresent",
  "isempty",
  "isblank",
  "coalesce",
]);

const WORD_OPERATORS = new Set(["and", "or", "not", "in", "like"]);
const COMMANDS = new Set([
  "fields",
  "filter",
  "stats",
  "parse",
  "sort",
  "limit",
  "display",
  "dedup",
  "unmask",
  "unnest",
  "pattern",
  "diff",
  "source",
  "lookup",
]);

const fail = (token: Token | { position: number }, message: string): ExpertFilterCheck => ({
  ok: false,
  position: token.position,
  message,
});

/**
 * Checks an expert `filter` expression and returns it with field names as `format` reads them. With
 * no format (the API, before a flow log is known) any flow-log field is accepted and names are kept.
 * Structure is what matters: no `|`, comment, newline, command or unbalanced bracket can get out
 * of the parentheses the compiler wraps it in.
 */
export function checkExpertFilter(text: string, format?: FlowFormat): ExpertFilterCheck {
  if (text.trim() === "") return { ok: false, position: 1, message: "the expression is empty" };
  if (text.length > MAX_EXPERT_LENGTH)
    return {
      ok: false,
      position: MAX_EXPERT_LENGTH + 1,
      message: `longer than ${MAX_EXPERT_LENGTH} characters`,
    };
  const tokenized = tokenize(text);
  if (!tokenized.ok) return { ok: false, position: tokenized.position, message: tokenized.reason };
  const { tokens } = tokenized;
  const open: Token[] = [];
  const out: string[] = [];
  for (const [index, token] of tokens.entries()) {
    const next = tokens[index + 1];
    if (token.kind === "backticked") return fail(token, "backticked names are not flow-log fields");
    if (token.kind === "punct" && (token.text === "(" || token.text === "[")) open.push(token);
    if (token.kind === "punct" && (token.text === ")" || token.text === "]")) {
      const opener = open.pop();
      const expected = token.text === ")" ? "(" : "[";
      if (opener?.text !== expected) return fail(token, `unbalanced \`${token.text}\``);
    }
    if (token.kind !== "name") {
      out.push(token.text);
      continue;
    }
    const lower = token.text.toLowerCase();
    if (WORD_OPERATORS.has(lower)) {
      out.push(lower);
      continue;
    }
    if (COMMANDS.has(lower))
      return fail(token, `\`${token.text}\` is a query command, not allowed in a filter`);
    if (next?.kind === "punct" && next.text === "(") {
      if (!EXPERT_FUNCTIONS.has(token.text)) return fail(token, `unknown function \`${token.text}\``);
      out.push(token.text);
      continue;
    }
    if (token.text === "@timestamp") {
      out.push(token.text);
      continue;
    }
    const field = FIELD_BY_NAME.get(token.text);
    if (field === undefined) return fail(token, `unknown field \`${token.text}\``);
    if (!format) {
      out.push(token.text);
      continue;
    }
    const queryName = format.queryName(field);
    if (queryName === undefined)
      return fail(token, `the flow log's format has no ${field} field (\`${token.text}\`)`);
    out.push(queryName);
  }
  const unclosed = open.pop();
  if (unclosed) return fail(unclosed, `unclosed \`${unclosed.text}\``);
  const grammar = checkGrammar(tokens);
  if (!grammar.ok) return grammar;
  return { ok: true, text: join(tokens, out) };
}

/** Tokens back to text, one space between each, so nothing is glued into a new token. */
const join = (tokens: readonly Token[], texts: readonly string[]): string =>
  texts.filter((_, i) => tokens[i] !== undefined).join(" ");

/** `q: at 12, unknown field` — the message a form or a 400 shows. */
export const expertFilterMessage = (check: Extract<ExpertFilterCheck, { ok: false }>): string =>
  `at character ${check.position}: ${check.message}`;
