import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { afterAll, beforeEach, describe, expect, test, vi } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "flowscope-auth-"));
const SECRET = "unit-test-secret-unit-test-secret-0123456789";
vi.stubEnv("FLOWSCOPE_DATA_DIR", dir);
vi.stubEnv("AUTH_SECRET", SECRET);
vi.stubEnv("AUTH_URL", "http://localhost:3000");
vi.stubEnv("FLOWSCOPE_ADMIN_PASSWORD", "admin-secret-1");
vi.stubEnv("FLOWSCOPE_LOCAL_USERS", "");
const { handlers, SESSION_MAX_AGE_S } = await import("./auth");
const { resetSignInThrottle } = await import("./signin-throttle");
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});
vi.spyOn(console, "warn").mockImplementation(() => {});
vi.spyOn(console, "info").mockImplementation(() => {});
vi.spyOn(console, "error").mockImplementation(() => {});

const COOKIE = "authjs.session-token";
const BASE = "http://localhost:3000/api/auth";

async function session(cookie: string): Promise<unknown> {
  const res = await handlers.GET(new NextRequest(`${BASE}/session`, { headers: { cookie } }));
  return res.json();
}

describe("sessions", () => {
  test("last 8 hours", async () => {
    expect(SESSION_MAX_AGE_S).toBe(8 * 3600);
    const token = await encode({
      token: { name: "vera", sub: "vera", role: "viewer" },
      secret: SECRET,
      salt: COOKIE,
      maxAge: SESSION_MAX_AGE_S,
    });
    const body = (await session(`${COOKIE}=${token}`)) as { user: { role: string }; expires: string };
    expect(body.user.role).toBe("viewer");
    const hours = (Date.parse(body.expires) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
  });

  test("an expired token gives no session", async () => {
    const token = await encode({
      token: { name: "vera", sub: "vera", role: "admin" },
      secret: SECRET,
      salt: COOKIE,
      maxAge: -60,
    });
    expect(await session(`${COOKIE}=${token}`)).toBeNull();
  });

  test("a token signed with another secret gives no session", async () => {
    const token = await encode({
      token: { name: "mallory", sub: "mallory", role: "admin" },
      secret: "some-other-secret-some-other-secret-0000",
      salt: COOKIE,
      maxAge: 3600,
    });
    expect(await session(`${COOKIE}=${token}`)).toBeNull();
  });
});

/** Posts the credentials form the way the browser does (with Auth.js's CSRF token) → where it redirects. */
async function signIn(username: string, password: string, address = "203.0.113.7"): Promise<string> {
  const csrf = await handlers.GET(new NextRequest(`${BASE}/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await handlers.POST(
    new NextRequest(`${BASE}/callback/credentials`, {
      method: "POST",
      headers: {
        cookie,
        "content-type": "application/x-www-form-urlencoded",
        "x-forwarded-for": address,
      },
      body: new URLSearchParams({ csrfToken, username, password, callbackUrl: "/" }),
    }),
  );
  return res.headers.get("location") ?? "";
}

describe("failed sign-ins", () => {
  beforeEach(() => resetSignInThrottle());

  test("five failures lock the account for 15 minutes, even for the right password", async () => {
    for (let i = 0; i < 5; i++) expect(await signIn("admin", `wrong-${i}`)).toMatch(/code=credentials/);
    expect(await signIn("admin", "admin-secret-1")).toMatch(/code=locked/);
    expect(await signIn("admin", "admin-secret-1", "198.51.100.9")).toMatch(/code=locked/);
  });

  test("a success clears the account's count", async () => {
    for (let i = 0; i < 4; i++) await signIn("admin", `wrong-${i}`);
    expect(await signIn("admin", "admin-secret-1")).not.toMatch(/error=/);
    expect(await signIn("admin", "wrong-again")).toMatch(/code=credentials/);
    expect(await signIn("admin", "admin-secret-1")).not.toMatch(/error=/);
  });

  test("one address guessing many usernames is locked out too", async () => {
    vi.stubEnv("FLOWSCOPE_SIGNIN_MAX_FAILURES_PER_IP", "3");
    for (let i = 0; i < 3; i++) await signIn(`user${i}`, "nope", "192.0.2.66");
    expect(await signIn("admin", "admin-secret-1", "192.0.2.66")).toMatch(/code=locked/);
    expect(await signIn("admin", "admin-secret-1", "192.0.2.67")).not.toMatch(/error=/);
    vi.stubEnv("FLOWSCOPE_SIGNIN_MAX_FAILURES_PER_IP", "");
  });
});
