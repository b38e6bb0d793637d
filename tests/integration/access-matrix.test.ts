import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { type AwsHarness, startAwsHarness } from "@/emulator/test-support/aws-harness";
import type { Role } from "@/lib/auth/roles";
import { apiRoutes, concrete, type Method, routeMethods } from "./api-routes";

const auth = vi.hoisted(() => vi.fn());
const authHandler = vi.hoisted(() => vi.fn(async () => Response.json({})));
vi.mock("@/lib/auth/auth", () => ({ auth, handlers: { GET: authHandler, POST: authHandler } }));

/**
 * The least role each API route and method needs; "public" answers without a session. A route or method
 * missing here fails the test: decide who may call it, then add it.
 */
const ACCESS: Record<string, "public" | Role> = {
  "GET /api/health": "public",
  "GET /api/auth/[...nextauth]": "public",
  "POST /api/auth/[...nextauth]": "public",
  "GET /api/overview": "viewer",
  "GET /api/traffic/panel": "viewer",
  "GET /api/flows/records": "viewer",
  "GET /api/flows/export": "viewer",
  "GET /api/flows/groups": "viewer",
  "POST /api/flow-logs": "operator",
  "POST /api/flow-logs/validate": "operator",
  "DELETE /api/flow-logs/[id]": "operator",
  "GET /api/diagnose": "viewer",
};

const ORIGIN = "http://flowscope.test";
const SESSION_ROLES: Role[] = ["viewer", "operator", "admin"];
const RANK: Record<"public" | Role, number> = { public: -1, viewer: 0, operator: 1, admin: 2 };

function sessionOf(role: Role | undefined): Session | null {
  if (!role) return null;
  return {
    user: { name: `${role}-user`, email: `${role}@example.com`, role },
    expires: "2099-01-01T00:00:00Z",
  };
}

/** A request a well-behaved dashboard page would send: same origin, JSON body for mutations. */
function request(method: Method, path: string): Request {
  const mutation = !["GET", "HEAD", "OPTIONS"].includes(method);
  return new Request(`${ORIGIN}${path}?region=us-east-1`, {
    method,
    headers: mutation ? { origin: ORIGIN, "content-type": "application/json" } : {},
    body: mutation ? "{}" : undefined,
  });
}

let harness: AwsHarness;
beforeAll(async () => {
  harness = await startAwsHarness();
  vi.stubEnv("AWS_ENDPOINT_URL", harness.emulator.url);
  vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDFLOWSCOPETEST");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "dummy");
  vi.stubEnv("AWS_REGION", "us-east-1");
  vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
}, 60_000);
afterAll(async () => {
  vi.unstubAllEnvs();
  await harness?.close();
});

const routes = apiRoutes();

test("the API routes are found on disk", () => {
  expect(routes.map((r) => r.route)).toContain("/api/overview");
  expect(routes.length).toBeGreaterThanOrEqual(7);
});

describe.each(routes)("$route", ({ route, file }) => {
  test("every method is in the access matrix and answers each role as it should", async () => {
    const methods = await routeMethods(file);
    expect(methods.length, `${route} exports no HTTP method`).toBeGreaterThan(0);
    const { path, params } = concrete(route);
    for (const [method, handler] of methods) {
      const key = `${method} ${route}`;
      const needed = ACCESS[key];
      if (!needed)
        throw new Error(
          `add ${route} ${method} to the access matrix (tests/integration/access-matrix.test.ts)`,
        );
      for (const role of [undefined, ...SESSION_ROLES]) {
        auth.mockResolvedValue(sessionOf(role));
        const res = (await handler(request(method, path), { params: Promise.resolve(params) })) as Response;
        const who = `${key} as ${role ?? "anonymous"}`;
        await res.body?.cancel();
        if (needed === "public") {
          expect([401, 403], who).not.toContain(res.status);
        } else if (!role) {
          expect(res.status, who).toBe(401);
        } else if (RANK[role] < RANK[needed]) {
          expect(res.status, who).toBe(403);
        } else {
          expect([401, 403], who).not.toContain(res.status);
          expect(res.status, who).toBeLessThan(500);
        }
      }
    }
  }, 60_000);
});

test("401 and 403 answers are JSON that says what is missing", async () => {
  const { GET } = await import("@/app/api/overview/route");
  auth.mockResolvedValue(null);
  const anonymous = await GET(request("GET", "/api/overview"), { params: Promise.resolve({}) });
  expect(await anonymous.json()).toEqual({ error: "unauthorized", message: "Sign in first." });
  const { withSession } = await import("@/lib/auth/guards");
  const adminOnly = withSession("admin", () => new Response("secret"));
  auth.mockResolvedValue(sessionOf("operator"));
  const forbidden = await adminOnly(request("GET", "/x"), {});
  expect(forbidden.status).toBe(403);
  expect(await forbidden.json()).toEqual({ error: "forbidden", message: "This needs the admin role." });
});
