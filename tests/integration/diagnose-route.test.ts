import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { type AwsHarness, startAwsHarness } from "@/emulator/test-support/aws-harness";
import { buildDemoWorld } from "@/emulator/world/demo";

const auth = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/auth", () => ({ auth }));

const { GET } = await import("@/app/api/diagnose/route");

const HOUR = 3_600_000;
const NOW = Math.floor(Date.now() / 60_000) * 60_000;
let harness: AwsHarness;

beforeAll(async () => {
  harness = await startAwsHarness({
    world: buildDemoWorld({ now: new Date(NOW) }),
    simulator: { tickMs: HOUR },
  });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: harness.emulator.url,
    AWS_ACCESS_KEY_ID: "AKIDFLOWSCOPETEST",
    AWS_SECRET_ACCESS_KEY: "dummy",
    AWS_REGION: "us-east-1",
  });
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

function call(params: Record<string, string>) {
  const query = new URLSearchParams(params);
  return GET(new Request(`http://flowscope.test/api/diagnose?${query}`), { params: Promise.resolve({}) });
}

const viewer = {
  user: { name: "ann", email: "ann@example.com", role: "viewer" },
  expires: "2099-01-01T00:00:00Z",
};

describe("GET /api/diagnose", () => {
  test("anonymous: 401 JSON", async () => {
    auth.mockResolvedValueOnce(null);
    const res = await call({ from: "prod-app-1", to: "prod-reports-db", protocol: "tcp", port: "5432" });
    expect(res.status).toBe(401);
  });

  test.each([
    [{}, "from"],
    [{ from: "prod-app-1" }, "to"],
    [{ from: "a", to: "b", protocol: "sctp" }, "protocol"],
    [{ from: "a", to: "b", protocol: "tcp" }, "port"],
    [{ from: "a", to: "b", protocol: "tcp", port: "70000" }, "port"],
    [{ from: "a", to: "b", protocol: "icmp", port: "22" }, "port"],
    [{ from: "a", to: "b", protocol: "icmp", icmpType: "300" }, "icmpType"],
    [{ from: "a", to: "b", protocol: "tcp", port: "22", start: "yesterday" }, "start"],
    [
      {
        from: "a",
        to: "b",
        protocol: "tcp",
        port: "22",
        start: "2026-06-01T12:00:00Z",
        end: "2026-06-01T11:00:00Z",
      },
      "start",
    ],
    [{ from: "a", to: "b", protocol: "tcp", port: "22", region: "not a region" }, "region"],
    [{ from: "i-0000000000000dead", to: "prod-app-1", protocol: "tcp", port: "22" }, "from"],
    [{ from: "prod-app-1", to: "no-such-host", protocol: "tcp", port: "22" }, "to"],
  ])("%j → 400 naming %s", async (params, field) => {
    auth.mockResolvedValueOnce(viewer);
    const res = await call(params as Record<string, string>);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "bad_request", field });
  });

  test("fault (b): the reply from prod-reports-db is denied by its NACL's * rule, as the CLI says", async () => {
    auth.mockResolvedValueOnce(viewer);
    const res = await call({
      from: "prod-app-1",
      to: "prod-reports-db",
      protocol: "tcp",
      port: "5432",
      start: String(NOW - 3 * HOUR),
      end: String(NOW - 2 * HOUR),
    });
    expect(res.status).toBe(200);
    const verdict = await res.json();
    expect(verdict.verdict).toBe("blocked");
    expect(verdict.explanations[0]).toMatchObject({
      code: "SUBNET_ACL_RESTRICTION",
      direction: "egress",
      path: "reply",
      ruleNumber: 32767,
    });
    expect(verdict.evidence.pattern).toBe("ACCEPTED_REPLY_REJECTED");
    expect(Array.isArray(verdict.hops)).toBe(true);
  });
});
