import { afterEach, describe, expect, test, vi } from "vitest";
import { hasRole, roleFromClaims } from "./roles";

afterEach(() => vi.unstubAllEnvs());

describe("hasRole", () => {
  test.each([
    ["admin", "operator", true],
    ["operator", "operator", true],
    ["viewer", "operator", false],
    ["viewer", "viewer", true],
    [undefined, "viewer", false],
  ] as const)("%s has %s: %s", (role, needed, expected) => {
    expect(hasRole(role, needed)).toBe(expected);
  });
});

describe("roleFromClaims", () => {
  test.each([
    { env: {}, claims: {}, expected: "viewer" },
    { env: {}, claims: { groups: ["admin"] }, expected: "admin" },
    { env: { FLOWSCOPE_ADMIN_GROUPS: "net-admins, sre" }, claims: { groups: ["sre"] }, expected: "admin" },
    { env: { FLOWSCOPE_OPERATOR_GROUPS: "ops" }, claims: { groups: "ops" }, expected: "operator" },
    {
      env: { FLOWSCOPE_ROLE_CLAIM: "roles" },
      claims: { roles: ["operator"], groups: ["admin"] },
      expected: "operator",
    },
    { env: { FLOWSCOPE_DEFAULT_ROLE: "operator" }, claims: { groups: [42] }, expected: "operator" },
    { env: { FLOWSCOPE_DEFAULT_ROLE: "root" }, claims: {}, expected: "viewer" },
  ])("$claims with $env → $expected", ({ env, claims, expected }) => {
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    expect(roleFromClaims(claims)).toBe(expected);
  });
});
