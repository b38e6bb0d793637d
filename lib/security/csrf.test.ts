import { afterEach, describe, expect, test } from "vitest";
import { checkCsrf } from "./csrf";

const req = (method: string, headers: Record<string, string>) =>
  new Request("http://localhost:3000/api/x", { method, headers });

describe("checkCsrf", () => {
  afterEach(() => {
    delete process.env.AUTH_URL;
  });

  test.each([
    ["GET without anything", "GET", {}, true],
    ["POST same origin", "POST", { origin: "http://localhost:3000" }, true],
    ["POST Sec-Fetch-Site same-origin only", "POST", { "sec-fetch-site": "same-origin" }, true],
    ["DELETE from another site", "DELETE", { origin: "https://evil.example" }, false],
    ["POST origin null (sandboxed frame)", "POST", { origin: "null" }, false],
    [
      "POST same-site sibling",
      "POST",
      { origin: "http://localhost:3000", "sec-fetch-site": "same-site" },
      false,
    ],
    ["POST cross-site fetch metadata", "POST", { "sec-fetch-site": "cross-site" }, false],
    ["POST with no Origin at all", "POST", {}, false],
    ["POST other port", "PATCH", { origin: "http://localhost:3001" }, false],
  ] as const)("%s", (_label, method, headers, ok) => {
    expect(checkCsrf(req(method, headers)).ok).toBe(ok);
  });

  test("the public origin behind a proxy counts (X-Forwarded-Host/-Proto or AUTH_URL)", () => {
    const forwarded = req("POST", {
      origin: "https://flowscope.example.com",
      "x-forwarded-host": "flowscope.example.com",
      "x-forwarded-proto": "https",
    });
    expect(checkCsrf(forwarded).ok).toBe(true);
    process.env.AUTH_URL = "https://dash.example.org/";
    expect(checkCsrf(req("POST", { origin: "https://dash.example.org" })).ok).toBe(true);
  });
});
