import { afterEach, describe, expect, test, vi } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders, servedOverHttps } from "./headers";

describe("security headers", () => {
  afterEach(() => vi.unstubAllEnvs());

  test("the production CSP allows scripts by nonce only, never eval, and no framing", () => {
    const csp = contentSecurityPolicy("abc", false);
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(contentSecurityPolicy("abc", true)).toContain("'unsafe-eval'");
  });

  test("HSTS only over HTTPS", () => {
    expect(securityHeaders("n", { dev: false, https: false }).has("strict-transport-security")).toBe(false);
    const https = securityHeaders("n", { dev: false, https: true });
    expect(https.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(https.get("x-content-type-options")).toBe("nosniff");
    expect(https.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  test.each([
    ["https://a.example/x", {}, undefined, true],
    ["http://a.example/x", {}, undefined, false],
    ["http://a.example/x", { "x-forwarded-proto": "https" }, undefined, true],
    ["http://a.example/x", { "x-forwarded-proto": "http" }, "https://a.example", false],
    ["http://localhost:3000/", {}, "https://flowscope.example.com", true],
  ] as const)("%s %j (AUTH_URL %s) → https %s", (url, headers, authUrl, expected) => {
    if (authUrl) vi.stubEnv("AUTH_URL", authUrl);
    expect(servedOverHttps(new URL(url), new Headers(headers))).toBe(expected);
  });

  test("nonces are fresh and base64", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
