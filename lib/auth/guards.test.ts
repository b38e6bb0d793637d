import { afterEach, describe, expect, test, vi } from "vitest";

const auth = vi.hoisted(() => vi.fn());
vi.mock("./auth", () => ({ auth }));
const { queryRateLimiter, withSession } = await import("./guards");

const ORIGIN = "http://localhost:3000";
const ok = vi.fn(async () => Response.json({ done: true }));
const call = (handler: ReturnType<typeof withSession>, init: RequestInit & { url?: string } = {}) =>
  handler(new Request(init.url ?? `${ORIGIN}/api/thing`, init), {});

auth.mockResolvedValue({ user: { name: "otto", role: "operator" }, expires: "2099-01-01T00:00:00Z" });
vi.spyOn(console, "error").mockImplementation(() => {});
afterEach(() => {
  vi.unstubAllEnvs();
  queryRateLimiter.clear();
});

describe("mutations", () => {
  const post = withSession("operator", ok);
  const json = { origin: ORIGIN, "content-type": "application/json" };

  test.each([
    ["same origin JSON", { method: "POST", headers: json, body: "{}" }, 200, undefined],
    [
      "JSON with charset",
      { method: "POST", headers: { ...json, "content-type": "application/json; charset=utf-8" }, body: "{}" },
      200,
      undefined,
    ],
    [
      "another origin",
      { method: "POST", headers: { ...json, origin: "https://evil.example" }, body: "{}" },
      403,
      "csrf",
    ],
    [
      "no origin",
      { method: "POST", headers: { "content-type": "application/json" }, body: "{}" },
      403,
      "csrf",
    ],
    [
      "form post",
      {
        method: "POST",
        headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
        body: "a=1",
      },
      415,
      "unsupported_media_type",
    ],
    [
      "text/plain",
      { method: "PUT", headers: { origin: ORIGIN, "content-type": "text/plain" }, body: "{}" },
      415,
      "unsupported_media_type",
    ],
    [
      "no content type",
      { method: "PATCH", headers: { origin: ORIGIN }, body: "{}" },
      415,
      "unsupported_media_type",
    ],
    ["DELETE without body", { method: "DELETE", headers: { origin: ORIGIN } }, 200, undefined],
    [
      "DELETE with a form body",
      { method: "DELETE", headers: { origin: ORIGIN, "content-type": "text/plain" }, body: "x" },
      415,
      "unsupported_media_type",
    ],
    [
      "declared 5 MB body",
      { method: "POST", headers: { ...json, "content-length": String(5 * 1024 * 1024) }, body: "{}" },
      413,
      "too_large",
    ],
  ] as const)("%s → %d", async (_label, init, status, error) => {
    const res = await call(post, init as RequestInit);
    expect(res.status).toBe(status);
    if (error) expect(await res.json()).toMatchObject({ error, message: expect.any(String) });
  });
});

test("an exception the handler did not expect is a JSON 500, logged", async () => {
  const boom = withSession("viewer", () => {
    throw new TypeError("x is undefined");
  });
  const res = await call(boom);
  expect(res.status).toBe(500);
  expect(await res.json()).toMatchObject({ error: "internal" });
});

describe("query rate", () => {
  test("over FLOWSCOPE_QUERY_RATE_PER_MIN a user gets 429 with Retry-After; others go on", async () => {
    vi.stubEnv("FLOWSCOPE_QUERY_RATE_PER_MIN", "3");
    const query = withSession("viewer", ok, { rateLimit: "query" });
    for (let i = 0; i < 3; i++) expect((await call(query)).status).toBe(200);
    const limited = await call(query);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: "rate_limited" });
    auth.mockResolvedValueOnce({ user: { name: "vera", role: "viewer" }, expires: "2099-01-01T00:00:00Z" });
    expect((await call(query)).status).toBe(200);
  });

  test("the default is generous: a minute of busy browsing (40 views of 3 panels) passes", async () => {
    const query = withSession("viewer", ok, { rateLimit: "query" });
    for (let i = 0; i < 120; i++) expect((await call(query)).status).toBe(200);
  });
});

describe("a change refused for want of a role", () => {
  test("is in the audit log as denied; a refused read is not", async () => {
    const { readAudit } = await import("@/lib/audit/audit-log");
    vi.spyOn(console, "info").mockImplementation(() => {});
    auth.mockResolvedValueOnce({ user: { name: "vera", role: "viewer" }, expires: "2099-01-01T00:00:00Z" });
    const res = await call(withSession("operator", ok), {
      url: `${ORIGIN}/api/flow-logs/fl-1`,
      method: "DELETE",
      headers: { origin: ORIGIN },
    });
    expect(res.status).toBe(403);
    expect(readAudit(1)[0]).toMatchObject({
      actor: "vera",
      role: "viewer",
      action: "DELETE /api/flow-logs/fl-1",
      outcome: "denied",
    });
    auth.mockResolvedValueOnce({ user: { name: "vera", role: "viewer" }, expires: "2099-01-01T00:00:00Z" });
    const before = readAudit().length;
    expect((await call(withSession("operator", ok))).status).toBe(403);
    expect(readAudit().length).toBe(before);
  });
});
