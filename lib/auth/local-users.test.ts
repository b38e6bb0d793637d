import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { listLocalUsers, removeLocalUser, upsertLocalUser, verifyLocalUser } from "./local-users";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "flowscope-users-"));
  vi.stubEnv("FLOWSCOPE_DATA_DIR", dir);
  vi.stubEnv("FLOWSCOPE_ADMIN_PASSWORD", "admin-secret-1");
  vi.stubEnv("FLOWSCOPE_LOCAL_USERS", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe("local users", () => {
  test("the built-in admin is always admin", () => {
    expect(verifyLocalUser("admin", "admin-secret-1")).toBe("admin");
    expect(verifyLocalUser("admin", "wrong")).toBeNull();
    expect(listLocalUsers()).toEqual([{ username: "admin", role: "admin", source: "file" }]);
  });

  test("env accounts sign in with their role", () => {
    vi.stubEnv(
      "FLOWSCOPE_LOCAL_USERS",
      JSON.stringify([
        { username: "vera", role: "viewer", password: "viewer-pass" },
        { username: "otto", role: "operator", password: "operator-pass" },
      ]),
    );
    expect(verifyLocalUser("vera", "viewer-pass")).toBe("viewer");
    expect(verifyLocalUser("otto", "operator-pass")).toBe("operator");
    expect(verifyLocalUser("otto", "viewer-pass")).toBeNull();
    expect(verifyLocalUser("nobody", "viewer-pass")).toBeNull();
  });

  test.each([
    ["not json", "FLOWSCOPE_LOCAL_USERS: not JSON"],
    [
      JSON.stringify([{ username: "a", role: "root", password: "12345678" }]),
      "FLOWSCOPE_LOCAL_USERS[0.role]",
    ],
    [JSON.stringify([{ username: "admin", role: "viewer", password: "12345678" }]), "built-in admin"],
    [
      JSON.stringify([{ username: "a b", role: "viewer", password: "12345678" }]),
      "FLOWSCOPE_LOCAL_USERS[0.username]",
    ],
    [
      JSON.stringify([{ username: "ab", role: "viewer", password: "short" }]),
      "FLOWSCOPE_LOCAL_USERS[0.password]",
    ],
  ])("a bad FLOWSCOPE_LOCAL_USERS (%s) names the field", (value, message) => {
    vi.stubEnv("FLOWSCOPE_LOCAL_USERS", value);
    expect(() => listLocalUsers()).toThrow(message);
  });

  test("file accounts keep only a hash and can be removed", () => {
    const { password } = upsertLocalUser("olga", "operator");
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(verifyLocalUser("olga", password)).toBe("operator");
    upsertLocalUser("olga", "viewer", "new-password-1");
    expect(verifyLocalUser("olga", password)).toBeNull();
    expect(verifyLocalUser("olga", "new-password-1")).toBe("viewer");
    expect(listLocalUsers().map((u) => `${u.username}:${u.role}`)).toEqual(["admin:admin", "olga:viewer"]);
    expect(removeLocalUser("olga")).toBe(true);
    expect(removeLocalUser("olga")).toBe(false);
    expect(verifyLocalUser("olga", "new-password-1")).toBeNull();
  });
});
