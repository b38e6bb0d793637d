import { describe, expect, test } from "vitest";
import { diagnoseHref, parseDiagnoseParams } from "./search-params";

const NOW = Date.parse("2026-06-01T12:00:00Z");

describe("parseDiagnoseParams", () => {
  test("empty until a question is asked", () => {
    expect(parseDiagnoseParams({}, NOW).kind).toBe("empty");
  });
  test("tcp with a port, the last hour by default", () => {
    const q = parseDiagnoseParams(
      { from: "prod-app-1", to: "prod-reports-db", protocol: "tcp", port: "5432" },
      NOW,
    );
    expect(q).toMatchObject({
      kind: "ok",
      input: { protocol: "tcp", port: 5432 },
      start: NOW - 3_600_000,
      end: NOW,
    });
  });
  test.each([
    [{ from: "a", to: "b", protocol: "tcp" }, "port"],
    [{ from: "a", to: "b", protocol: "icmp", port: "1" }, "ICMP has no port"],
    [{ from: "a", to: "b", protocol: "sctp" }, "Protocol"],
    [{ from: "a" }, "Both"],
    [
      {
        from: "a",
        to: "b",
        protocol: "udp",
        port: "53",
        start: "2026-06-01T12:00:00Z",
        end: "2026-06-01T11:00:00Z",
      },
      "before",
    ],
  ])("bad: %j", (params, message) => {
    const q = parseDiagnoseParams(params, NOW);
    expect(q.kind).toBe("bad");
    if (q.kind === "bad") expect(q.message).toContain(message);
  });
  test.each([
    { start: "2026-06-01T10:00:00Z", end: "2026-06-01T11:00:00Z" },
    // The flow explorer's "Diagnose this flow" links carry epoch milliseconds.
    { start: String(Date.parse("2026-06-01T10:00:00Z")), end: String(Date.parse("2026-06-01T11:00:00Z")) },
  ])("a window given as $start", ({ start, end }) => {
    const q = parseDiagnoseParams({ from: "a", to: "b", protocol: "tcp", port: "22", start, end }, NOW);
    expect(q).toMatchObject({
      kind: "ok",
      start: Date.parse("2026-06-01T10:00:00Z"),
      end: Date.parse("2026-06-01T11:00:00Z"),
    });
  });
  test("a bare year is not a time", () => {
    const q = parseDiagnoseParams({ from: "a", to: "b", protocol: "tcp", port: "22", start: "1000" }, NOW);
    expect(q).toMatchObject({ kind: "bad", message: expect.stringContaining("epoch milliseconds") });
  });
  test("icmp is a ping unless a type is given; the link round-trips", () => {
    const q = parseDiagnoseParams({ from: "internet", to: "i-1", protocol: "icmp", icmpType: "13" }, NOW);
    expect(q).toMatchObject({ kind: "ok", input: { icmpType: 13 } });
    expect(diagnoseHref({ from: "internet", to: "i-1", protocol: "icmp", port: "" })).toBe(
      "/diagnose?from=internet&to=i-1&protocol=icmp",
    );
  });
});
