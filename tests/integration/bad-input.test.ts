import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { type AwsHarness, startAwsHarness } from "@/emulator/test-support/aws-harness";
import { withSession } from "@/lib/auth/guards";
import { readJsonBody } from "@/lib/security/json-body";
import { BAD_INPUTS, type BadInput } from "./bad-input.cases";

const auth = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/auth", () => ({ auth }));

const routes = {
  panel: () => import("@/app/api/traffic/panel/route"),
  records: () => import("@/app/api/flows/records/route"),
  export: () => import("@/app/api/flows/export/route"),
  diagnose: () => import("@/app/api/diagnose/route"),
  overview: () => import("@/app/api/overview/route"),
  groups: () => import("@/app/api/flows/groups/route"),
} as const;
const PATHS = {
  panel: "/api/traffic/panel",
  records: "/api/flows/records",
  export: "/api/flows/export",
  diagnose: "/api/diagnose",
  overview: "/api/overview",
  groups: "/api/flows/groups",
};
const ORIGIN = "http://flowscope.test";

let harness: AwsHarness;
const statuses: number[] = [];
beforeAll(async () => {
  harness = await startAwsHarness({ queries: { minDurationMs: 0 } });
  vi.stubEnv("AWS_ENDPOINT_URL", harness.emulator.url);
  vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDFLOWSCOPETEST");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "dummy");
  vi.stubEnv("AWS_REGION", "us-east-1");
  vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
  vi.stubEnv("FLOWSCOPE_QUERY_RATE_PER_MIN", "0");
  auth.mockResolvedValue({ user: { name: "ann", role: "admin" }, expires: "2099-01-01T00:00:00Z" });
  vi.spyOn(console, "error").mockImplementation(() => {});
}, 60_000);
afterAll(async () => {
  vi.unstubAllEnvs();
  await harness?.close();
  console.info(
    `[bad-input] ${statuses.length} inputs, ${statuses.filter((s) => s >= 500).length} answered 5xx`,
  );
});

async function call({ api, params }: BadInput): Promise<Response> {
  const { GET } = await routes[api]();
  const url = new URL(`${ORIGIN}${PATHS[api]}`);
  for (const [key, value] of Object.entries(params)) url.searchParams.append(key, value);
  return GET(new Request(url), { params: Promise.resolve({}) });
}

describe.each(BAD_INPUTS)("$api: $label", (input) => {
  test("answers without a crash and names what is wrong", async () => {
    const started = Date.now();
    const res = await call(input);
    statuses.push(res.status);
    expect(res.status).toBeLessThan(500);
    if (input.expect === "stream") {
      expect(res.status).toBe(200);
      const lines = (await res.text()).split("\n").filter(Boolean);
      const last = JSON.parse(lines.at(-1) ?? "{}") as { type?: string; code?: string; message?: string };
      expect(["result", "empty", "error"]).toContain(last.type);
      // An error event must be a named, expected one (not an exception that slipped through as "Error").
      if (last.type === "error") {
        expect(last.code).not.toBe("Error");
        expect(last.message?.length).toBeGreaterThan(5);
      }
    } else {
      const body = (await res.json()) as { error: string; field: string; message: string };
      expect({ status: res.status, field: body.field }).toEqual(input.expect);
      expect(body.error).toBe("bad_request");
      expect(body.message.length).toBeGreaterThan(5);
      expect(body.message.length).toBeLessThan(400);
    }
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

// ── mutation bodies (the shape the flow-log wizard's routes use) ───────────────────────────────────
const CreateSchema = z.strictObject({
  resourceIds: z
    .array(z.string().regex(/^(vpc|subnet|eni)-[0-9a-f]{8,17}$/))
    .min(1)
    .max(1000),
  trafficType: z.enum(["ACCEPT", "REJECT", "ALL"]),
  logGroupName: z.string().regex(/^[\w#/.-]{1,512}$/),
});
const create = withSession("operator", async (req) => {
  const body = await readJsonBody(req, CreateSchema);
  if (!body.ok) return Response.json(body, { status: body.status });
  return Response.json({ created: body.data.resourceIds.length });
});
const valid = { resourceIds: ["vpc-01234567"], trafficType: "ALL", logGroupName: "/vpc/flow-logs" };

const MUTATIONS: { label: string; body: string; type?: string; status: number; field: string }[] = [
  { label: "not JSON", body: "{resourceIds:", status: 400, field: "body" },
  { label: "empty body", body: "", status: 400, field: "body" },
  { label: "JSON null", body: "null", status: 400, field: "body" },
  { label: "JSON array", body: "[]", status: 400, field: "body" },
  {
    label: "missing field",
    body: JSON.stringify({ ...valid, trafficType: undefined }),
    status: 400,
    field: "trafficType",
  },
  { label: "unknown field", body: JSON.stringify({ ...valid, admin: true }), status: 400, field: "body" },
  {
    label: "id wrong type",
    body: JSON.stringify({ ...valid, resourceIds: "vpc-01234567" }),
    status: 400,
    field: "resourceIds",
  },
  {
    label: "id injection",
    body: JSON.stringify({ ...valid, resourceIds: ["vpc-01234567' or '1'='1"] }),
    status: 400,
    field: "resourceIds.0",
  },
  {
    label: "id unicode digits",
    body: JSON.stringify({ ...valid, resourceIds: ["vpc-٠١٢٣٤٥٦٧"] }),
    status: 400,
    field: "resourceIds.0",
  },
  {
    label: "10,000 ids",
    body: JSON.stringify({ ...valid, resourceIds: Array(10_000).fill("vpc-01234567") }),
    status: 400,
    field: "resourceIds",
  },
  {
    label: "log group with NUL",
    body: JSON.stringify({ ...valid, logGroupName: "/vpc/\u0000" }),
    status: 400,
    field: "logGroupName",
  },
  {
    label: "log group RTL",
    body: JSON.stringify({ ...valid, logGroupName: "/vpc/\u202egol" }),
    status: 400,
    field: "logGroupName",
  },
  {
    label: "5 MB body",
    body: JSON.stringify({ ...valid, logGroupName: "x".repeat(5 * 1024 * 1024) }),
    status: 413,
    field: "body",
  },
  { label: "deeply nested", body: `${"[".repeat(5000)}${"]".repeat(5000)}`, status: 400, field: "body" },
  {
    label: "__proto__ pollution",
    body: '{"__proto__":{"admin":true},"resourceIds":["vpc-01234567"],"trafficType":"ALL","logGroupName":"/x"}',
    status: 400,
    field: "body",
  },
  {
    label: "form encoded",
    body: "resourceIds=vpc-01234567",
    type: "application/x-www-form-urlencoded",
    status: 415,
    field: "content-type",
  },
  {
    label: "text/plain JSON",
    body: JSON.stringify(valid),
    type: "text/plain",
    status: 415,
    field: "content-type",
  },
  {
    label: "multipart",
    body: "--x\r\n\r\n--x--",
    type: "multipart/form-data; boundary=x",
    status: 415,
    field: "content-type",
  },
  {
    label: "JSON look-alike type",
    body: JSON.stringify(valid),
    type: "application/jsonp",
    status: 415,
    field: "content-type",
  },
];

describe.each(MUTATIONS)("mutation: $label", ({ body, type, status, field }) => {
  test(`→ ${status} naming ${field}`, async () => {
    const res = await create(
      new Request(`${ORIGIN}/api/example`, {
        method: "POST",
        headers: { origin: ORIGIN, "content-type": type ?? "application/json" },
        body,
      }),
      {},
    );
    statuses.push(res.status);
    expect(res.status).toBe(status);
    const json = (await res.json()) as { field: string; message: string };
    expect(json.field).toBe(field);
    expect(json.message.length).toBeGreaterThan(5);
  });
});

test("the valid body goes through", async () => {
  const res = await create(
    new Request(`${ORIGIN}/api/example`, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/json" },
      body: JSON.stringify(valid),
    }),
    {},
  );
  expect(await res.json()).toEqual({ created: 1 });
});

test("at least 100 malformed inputs are tried", () => {
  expect(BAD_INPUTS.length + MUTATIONS.length).toBeGreaterThanOrEqual(100);
});
