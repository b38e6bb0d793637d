import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compile } from "./compile";
import { parse } from "./parser";

const GOLDEN = fileURLToPath(new URL("../../tests/fixtures/insights/compile/", import.meta.url));
const CTX = {
  groups: [{ id: 7, name: "/vpc/flows", arn: "arn:aws:logs:us-east-1:123456789012:log-group:/vpc/flows:*" }],
  startMs: 1_700_000_000_000,
  endMs: 1_700_003_600_999,
};

const CASES: [name: string, query: string][] = [
  [
    "top-talkers",
    "stats sum(bytes) as bytesTransferred by srcAddr, dstAddr | sort bytesTransferred desc | limit 10",
  ],
  [
    "fields-filter",
    "fields @timestamp, srcAddr, bytes / packets as bpp | filter action = 'REJECT' and dstPort in [22, 3389]",
  ],
  ["subnet-bin", 'filter isIpv4InSubnet(srcAddr, "10.0.0.0/8") | stats count(*) as n by bin(5m)'],
  [
    "parse-glob",
    'parse @message "* * * *" as version, vpc_id, srcaddr, rest | filter srcaddr like "10." | display srcaddr',
  ],
  [
    "parse-regex-dedup",
    "parse @message /^(?<v>\\S+) (?<acct>\\S+)/ | sort @timestamp desc | dedup acct | limit 5",
  ],
  ["injection", "filter action = \"x'); DROP TABLE events; --\" or @message like /it's/ | limit 1"],
];

describe("compile: golden SQL", () => {
  it.each(CASES)("%s", async (name, query) => {
    const compiled = compile(parse(query), CTX);
    const text = [
      `-- ${query}`,
      compiled.sql,
      `-- params: ${JSON.stringify(compiled.params, (_, v) => (typeof v === "bigint" ? `${v}n` : v))}`,
      `-- columns: ${compiled.columns.map((c) => `${c.field}:${c.kind}`).join(", ")}`,
      ...(compiled.matched ? ["-- recordsMatched, a statement of its own:", compiled.matched.sql] : []),
      "",
    ].join("\n");
    await expect(text).toMatchFileSnapshot(`${GOLDEN}${name}.sql`);
  });

  it("binds every string from the query as a parameter, and quotes regexes", () => {
    const compiled = compile(parse(CASES[5]?.[1] ?? ""), CTX);
    expect(compiled.sql).not.toContain("DROP TABLE");
    expect(compiled.params).toContain("x'); DROP TABLE events; --");
    expect(compiled.sql).toContain("'it''s'");
  });

  it("takes the smaller of the query's limit and StartQuery's, and 10,000 by default", () => {
    const limitOf = (query: string, limit?: number) => compile(parse(query), { ...CTX, limit }).params.at(-1);
    expect(limitOf("fields a")).toBe(10_000);
    expect(limitOf("fields a", 50)).toBe(50);
    expect(limitOf("fields a | limit 20", 50)).toBe(20);
    expect(limitOf("fields a | limit 200", 50)).toBe(50);
  });
});
