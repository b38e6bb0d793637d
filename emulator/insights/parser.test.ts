import { describe, expect, it } from "vitest";
import type { Command, Expr } from "./ast";
import { MalformedQueryError } from "./errors";
import { parse } from "./parser";

/** A compact rendering of an expression, to compare parse trees in one line. */
function show(expr: Expr): string {
  switch (expr.kind) {
    case "field":
      return expr.name;
    case "number":
      return String(expr.value);
    case "string":
      return JSON.stringify(expr.value);
    case "regex":
      return `/${expr.pattern}/`;
    case "duration":
      return `${expr.ms}ms`;
    case "star":
      return "*";
    case "not":
      return `(not ${show(expr.arg)})`;
    case "neg":
      return `(-${show(expr.arg)})`;
    case "binary":
      return `(${show(expr.left)} ${expr.op} ${show(expr.right)})`;
    case "like":
      return `(${show(expr.arg)} ${expr.negated ? "not like" : "like"} ${show(expr.pattern)})`;
    case "in":
      return `(${show(expr.arg)} ${expr.negated ? "not in" : "in"} [${expr.items.map(show).join(", ")}])`;
    case "call":
      return `${expr.name}(${expr.args.map(show).join(", ")})`;
  }
}

function showCommand(command: Command): string {
  switch (command.type) {
    case "fields":
      return `fields ${command.items.map((i) => `${show(i.expr)}=>${i.name}`).join(", ")}`;
    case "display":
      return `display ${command.fields.join(", ")}`;
    case "filter":
      return `filter ${show(command.expr)}`;
    case "stats":
      return `stats ${command.aggregates.map((i) => `${show(i.expr)}=>${i.name}`).join(", ")} by ${command.by.map((i) => `${show(i.expr)}=>${i.name}`).join(", ")}`;
    case "sort":
      return `sort ${command.keys.map((k) => `${show(k.expr)} ${k.descending ? "desc" : "asc"}`).join(", ")}`;
    case "limit":
      return `limit ${command.count}`;
    case "parse":
      return `parse ${command.source.name} ${command.glob !== undefined ? JSON.stringify(command.glob) : `/${command.regex}/`} => ${command.names.join(", ")}`;
    case "dedup":
      return `dedup ${command.fields.join(", ")}`;
  }
}

const VALID: [string, string[]][] = [
  ["fields @timestamp, @message", ["fields @timestamp=>@timestamp, @message=>@message"]],
  ["# a comment\nfields a # trailing\n| limit 5", ["fields a=>a", "limit 5"]],
  ["filter a = 1 and b != 'x' or not c > 2", ['filter (((a = 1) and (b != "x")) or (not (c > 2)))']],
  ["filter a + b * c ^ 2 % 3 - -d / 4 >= 0", ["filter (((a + ((b * (c ^ 2)) % 3)) - ((-d) / 4)) >= 0)"]],
  ["filter x in [1, 'a', \"b\"] and y not in []", ['filter ((x in [1, "a", "b"]) and (y not in []))']],
  [
    "filter m like 'abc' or m not like /a\\/b/ or m =~ /(?i)err/",
    ['filter (((m like "abc") or (m not like /a/b/)) or (m like /(?i)err/))'],
  ],
  ["filter `foo-bar` = 1 | display `foo-bar`", ["filter (foo-bar = 1)", "display foo-bar"]],
  ['FILTER Action = "REJECT" AND srcPort > 1024', ['filter ((Action = "REJECT") and (srcPort > 1024))']],
  [
    "fields concat(a, '-', b) as ab, strlen(a), a.b.0.c",
    ['fields concat(a, "-", b)=>ab, strlen(a)=>strlen(a), a.b.0.c=>a.b.0.c'],
  ],
  [
    "stats count(*), count(), count(x) as n, pct(b, 95) by bin(5m) as t, srcAddr",
    [
      "stats count(*)=>count(*), count()=>count(), count(x)=>n, pct(b, 95)=>pct(b, 95) by bin(300000ms)=>t, srcAddr=>srcAddr",
    ],
  ],
  ["stats sum(bytes) / count(*) as avgBytes", ["stats (sum(bytes) / count(*))=>avgBytes by "]],
  ["sort by interfaceId, logStatus", ["sort interfaceId asc, logStatus asc"]],
  ["sort a desc, b asc, c", ["sort a desc, b asc, c asc"]],
  ["limit any 20", ["limit 20"]],
  ['parse @message "* * *" as a, b, c', ['parse @message "* * *" => a, b, c']],
  ['parse "[*] *" as level, text', ['parse @message "[*] *" => level, text']],
  [
    "parse @message /^(?<version>\\S+) (?<account>\\S+)/",
    ["parse @message /^(?<version>\\S+) (?<account>\\S+)/ => version, account"],
  ],
  [
    "fields @timestamp | sort @timestamp desc | dedup a, b | limit 3",
    ["fields @timestamp=>@timestamp", "sort @timestamp desc", "dedup a, b", "limit 3"],
  ],
  [
    "filter datefloor(@timestamp, 1h) = dateceil(fromMillis(t), 30s) and bin(100ms) > 0",
    ["filter ((datefloor(@timestamp, 3600000ms) = dateceil(fromMillis(t), 30000ms)) and (bin(100ms) > 0))"],
  ],
  [
    "filter isIpv4InSubnet(srcAddr, \"192.0.2.0/24\") and isipv4insubnet(a, 'b')",
    ['filter (isIpv4InSubnet(srcAddr, "192.0.2.0/24") and isipv4insubnet(a, "b"))'],
  ],
  ['filter a = \'it\\\'s\' and b = "say \\"hi\\""', ['filter ((a = "it\'s") and (b = "say \\"hi\\""))']],
];

type Malformed = [query: string, line: number, column: number, message: RegExp];
const MALFORMED: Malformed[] = [
  ["", 1, 1, /empty/],
  ["# only a comment", 1, 17, /empty/],
  ["fields", 1, 7, /Expected a field/],
  ["feilds a", 1, 1, /Unknown command "feilds"/],
  ["fields a |", 1, 11, /Expected a command after \|/],
  ["| fields a", 1, 1, /Expected a command/],
  ["fields a || limit 1", 1, 11, /Expected a command/],
  ["fields a b", 1, 10, /Expected "\|"/],
  ["filter a = 'abc", 1, 12, /Unterminated string/],
  ['filter a = "abc', 1, 12, /Unterminated string/],
  ["filter a like /abc", 1, 15, /Unterminated regular expression/],
  ["filter `abc = 1", 1, 8, /Unterminated quoted field name/],
  ["filter (a = 1", 1, 14, /Expected "\)"/],
  ["filter a = 1)", 1, 13, /Expected "\|"/],
  ["fields concat(a, b", 1, 19, /Expected "," or "\)"/],
  ["filter a in [1, 2", 1, 18, /Expected "," or "\]"/],
  ["filter a in 1", 1, 13, /Expected "\[" after in/],
  ["filter a like 5", 1, 15, /Expected a string or \/regular expression\//],
  ["filter a = ", 1, 12, /Expected a field, value or function/],
  ["filter a == 1", 1, 11, /Expected a field, value or function/],
  ["filter a ! b", 1, 10, /Unexpected character "!"/],
  ["filter nosuch(a)", 1, 8, /Unknown function "nosuch"/],
  ["fields abs(a, b)", 1, 8, /abs expects 1 argument/],
  ["fields substr(a)", 1, 8, /substr expects 2 to 3/],
  ["fields concat()", 1, 8, /concat expects at least 1/],
  ["filter count(*) > 1", 1, 8, /count is a stats function/],
  ["fields sum(bytes)", 1, 8, /sum is a stats function/],
  ["stats sum(count(*))", 1, 11, /cannot be nested/],
  ["stats bytes", 1, 7, /inside a stats function/],
  ["stats sum(bytes) + bytes", 1, 20, /inside a stats function/],
  ["stats count(*) by sum(bytes)", 1, 19, /sum is a stats function/],
  ["stats pct(bytes, 150)", 1, 18, /percentile/],
  ["stats pct(bytes, p)", 1, 18, /percentile/],
  ["stats count(*) by bin(5)", 1, 23, /time period/],
  ["stats count(*) by bin(300s)", 1, 23, /out of range/],
  ["stats count(*) by bin(25h)", 1, 23, /out of range/],
  ["stats count(*) by bin(5x)", 1, 23, /Invalid number or time period/],
  ["filter a = 5m", 1, 12, /time period is allowed only/],
  ["filter a = /x/", 1, 12, /regular expression is allowed only/],
  ["fields count(a, b)", 1, 8, /count expects 0 to 1/],
  ["limit", 1, 6, /whole number/],
  ["limit 0", 1, 7, /between 1 and 100000/],
  ["limit 100001", 1, 7, /between 1 and 100000/],
  ["limit 1.5", 1, 7, /whole number/],
  ["dedup a | sort a", 1, 11, /Only limit may follow dedup/],
  ["fields a\n| dedup a\n| limit 5\n| fields b", 4, 3, /Only limit may follow dedup/],
  ['parse @message "* *" as a', 1, 16, /2 wildcard\(s\) but 1 field/],
  ['parse @message "* *"', 1, 21, /Expected "as"/],
  ["parse @message /(\\S+)/", 1, 16, /no named capture group/],
  ["parse @message 5", 1, 16, /glob pattern/],
  ["display a + b", 1, 11, /Expected "\|"/],
  ["sort a sideways", 1, 8, /Expected "\|"/],
  ["fields a as", 1, 12, /alias after as/],
  ["fields a as and", 1, 13, /alias after as/],
  ["unnest a", 1, 1, /not supported/],
  ["fields a\n  | filter b = 'x\n  | limit 1", 2, 16, /Unterminated string/],
  ["fields a,\n  b,\n  c +\n", 4, 1, /Expected a field, value or function/],
];

describe("parse: valid queries", () => {
  it.each(VALID)("%s", (query, expected) => {
    expect(parse(query).commands.map(showCommand)).toEqual(expected);
  });
});

describe("parse: malformed queries report where", () => {
  it.each(MALFORMED)("%j", (query, line, column, message) => {
    let error: unknown;
    try {
      parse(query);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MalformedQueryError);
    const malformed = error as MalformedQueryError;
    expect(malformed.message).toMatch(message);
    expect({ line: malformed.line, column: malformed.column }).toEqual({ line, column });
    expect(malformed.endCharOffset).toBeGreaterThan(malformed.startCharOffset);
  });
});
