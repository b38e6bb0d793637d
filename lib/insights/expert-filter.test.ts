import { describe, expect, it } from "vitest";
import { toLogFormat } from "../flow/format";
import { compileFlowQuery } from "./compile";
import { checkExpertFilter } from "./expert-filter";
import { flowFormat } from "./flow-format";

const DEFAULT = flowFormat();
const CUSTOM = flowFormat(
  toLogFormat(
    "version vpc-id interface-id srcaddr dstaddr srcport dstport protocol action tcp-flags pkt-srcaddr".split(
      " ",
    ),
  ),
);

const VALID: [string, string][] = [
  ["dstPort = 22", "dstPort = 22"],
  [
    'dstPort = 22 and isIpv4InSubnet(srcAddr, "203.0.113.0/24")',
    'dstPort = 22 and isIpv4InSubnet ( srcAddr , "203.0.113.0/24" )',
  ],
  ['action = "REJECT" or dstPort in [22, 3389]', 'action = "REJECT" or dstPort in [ 22 , 3389 ]'],
  ["not (srcPort >= 1024)", "not ( srcPort >= 1024 )"],
  ["bytes / packets > 1000", "bytes / packets > 1000"],
  ["srcAddr like /^10\\.0\\./", "srcAddr like /^10\\.0\\./"],
  ["srcAddr =~ /a|b/", "srcAddr =~ /a|b/"],
  ['interfaceId = "eni-1 | stats count(*)"', 'interfaceId = "eni-1 | stats count(*)"'],
  ['logStatus != "OK" AND protocol = 17', 'logStatus != "OK" and protocol = 17'],
  ['strcontains(srcAddr, "\\"#")', 'strcontains ( srcAddr , "\\"#" )'],
  ["packets % 2 = 1", "packets % 2 = 1"],
  ["@timestamp > 0", "@timestamp > 0"],
  ["dstPort not in [22, 23]", "dstPort not in [ 22 , 23 ]"],
  ['srcAddr not like "10."', 'srcAddr not like "10."'],
  ["not not dstPort = 22", "not not dstPort = 22"],
  ["-bytes < -1", "- bytes < - 1"],
  ["dstPort in []", "dstPort in [ ]"],
  ["ispresent(dstPort) or isblank(srcAddr)", "ispresent ( dstPort ) or isblank ( srcAddr )"],
  ["((dstPort = 22))", "( ( dstPort = 22 ) )"],
];

const MALFORMED: [string, RegExp][] = [
  ["", /empty/],
  ["   ", /empty/],
  ["dstPort = 22 | stats count(*)", /`\|`/],
  ["dstPort = 22 # comment", /comments/],
  ["dstPort = 22\n| fields @message", /newlines/],
  ["dstPort = 22\r", /control/],
  ["dstPort = 22\u2028", /control/],
  ["dstPort = 22\tand", /control/],
  ["(dstPort = 22", /unclosed `\(`/],
  ["dstPort = 22)", /unbalanced `\)`/],
  ["dstPort = 22) or (1 = 1", /unbalanced `\)`/],
  ["dstPort in [22, 23", /unclosed `\[`/],
  ["dstPort in (22]", /unbalanced `\]`/],
  ['action = "REJECT', /unterminated string/],
  ['action = "REJECT\\"', /unterminated string/],
  ["action = 'REJECT", /unterminated string/],
  ["srcAddr like /10\\./ and /x", /unterminated regex/],
  ["`my field` = 1", /backticked/],
  ["`a", /unterminated backticked/],
  ["fields @message", /query command/],
  ["stats count(*) by srcAddr", /query command/],
  ["dstPort = 22 and sort", /query command/],
  ["limit 10", /query command/],
  ["display srcAddr", /query command/],
  ["dedup srcAddr", /query command/],
  ["parse @message", /query command/],
  ["dstport = 22", /unknown field `dstport`/],
  ["@message like /x/", /unknown field `@message`/],
  ["@logStream = 1", /unknown field/],
  ["evil(srcAddr)", /unknown function `evil`/],
  ["dstPort = 22; drop", /`;`/],
  ["dstPort = 22 & 1", /unexpected character/],
  ["dstPort == {22}", /unexpected character/],
  ["dstPort = 22 \\ 1", /unexpected character/],
  ["x".repeat(1001), /longer than/],
  ["dstPort = = 22", /expected a value, found `=`/],
  ["dstPort 22", /expected and\/or or the end after `dstPort`, found `22`/],
  ["and dstPort = 22", /expected a value before `and`/],
  ["dstPort = 22 and", /expected a value at the end/],
  ["dstPort = 22 or or dstPort = 23", /expected a value before `or`/],
  ["dstPort =", /expected a value at the end/],
  ["dstPort = 22 = 23", /combine comparisons/],
  ["dstPort in 22", /expected a \[list\] after `in`/],
  ["srcAddr like 10", /expected a string or \/regex\/ after `like`/],
  ["srcAddr =~ 10", /expected a string or \/regex\/ after `=~`/],
  ["isIpv4InSubnet(srcAddr,)", /expected a value, found `\)`/],
  ['isIpv4InSubnet(srcAddr "10.0.0.0/8")', /expected `\)` to close the arguments/],
  ["dstPort in [22 23]", /expected `\]` to close the list/],
  ["()", /expected a value, found `\)`/],
  ["not", /expected a value at the end/],
  ["dstPort = 22 not", /expected and\/or or the end/],
  ["bytes * / 2 > 1", /expected a value, found `\/`|unterminated regex/],
];

describe("checkExpertFilter", () => {
  it.each(VALID)("accepts %s", (text, expected) => {
    expect(checkExpertFilter(text, DEFAULT)).toEqual({ ok: true, text: expected });
  });

  it.each(MALFORMED)("rejects %j", (text, reason) => {
    const check = checkExpertFilter(text, DEFAULT);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.message).toMatch(reason);
      expect(check.position).toBeGreaterThanOrEqual(1);
    }
  });

  it("names the position of the problem", () => {
    expect(checkExpertFilter("dstPort = 22 | x", DEFAULT)).toMatchObject({ ok: false, position: 14 });
    expect(checkExpertFilter("dstPort = 2 and nope = 1", DEFAULT)).toMatchObject({ ok: false, position: 17 });
  });

  it("translates names to a custom format's parsed names", () => {
    expect(checkExpertFilter('tcpFlags = 2 and isIpInSubnet(pktSrcAddr, "10.0.0.0/8")', CUSTOM)).toEqual({
      ok: true,
      text: 'tcp_flags = 2 and isIpInSubnet ( pkt_srcaddr , "10.0.0.0/8" )',
    });
  });

  it("rejects fields the format lacks", () => {
    expect(checkExpertFilter("tcpFlags = 2", DEFAULT)).toMatchObject({
      ok: false,
      message: /no tcp-flags field/,
    });
    expect(checkExpertFilter("logStatus = 1", CUSTOM)).toMatchObject({ ok: false, message: /no log-status/ });
  });

  it("accepts any known field without a format", () => {
    expect(checkExpertFilter("tcpFlags = 2")).toEqual({ ok: true, text: "tcpFlags = 2" });
  });
});

describe("compileFlowQuery with an expert filter", () => {
  const base = {
    timeRange: { start: 0, end: 1000 },
    scope: { vpcId: "vpc-0123456789abcdef0" },
    filters: { action: "REJECT" },
    shape: { kind: "records", limit: 100 },
  };

  it("ANDs the parenthesised expression after the scope", () => {
    const compiled = compileFlowQuery({ ...base, expert: "dstPort = 22 or 1 = 1" }, CUSTOM);
    expect(compiled.queryStrings[0]).toContain(
      'filter vpc_id = "vpc-0123456789abcdef0" and action = "REJECT" and (dstport = 22 or 1 = 1)',
    );
  });

  it("refuses an invalid expression", () => {
    expect(() => compileFlowQuery({ ...base, expert: "1 = 1) or (1 = 1" }, CUSTOM)).toThrow(
      /expert: at character 6/,
    );
  });
});
