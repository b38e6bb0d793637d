import { describe, expect, it } from "vitest";
import { banner } from "./start-banner";

const facts = {
  source: "Demo world (local emulator) — account 123456789012, us-east-1",
  emulatorUrl: "http://127.0.0.1:4566",
  url: "http://localhost:3000",
};

describe("banner", () => {
  it("shows a generated password once, with where its hash is kept", () => {
    const text = banner({
      ...facts,
      admin: { kind: "generated", password: "s3cr3t-Pa55", hashFile: "/srv/data/admin-password.json" },
    });
    expect(text).toContain("Demo world (local emulator) — account 123456789012, us-east-1");
    expect(text).toMatch(/Open\s+http:\/\/localhost:3000/);
    expect(text).toMatch(/Sign in as\s+admin/);
    expect(text).toMatch(/Password\s+s3cr3t-Pa55/);
    expect(text).toContain("/srv/data/admin-password.json");
  });

  it("never prints a password it did not generate", () => {
    const fromEnv = banner({ ...facts, emulatorUrl: undefined, admin: { kind: "env" } });
    expect(fromEnv).toContain("FLOWSCOPE_ADMIN_PASSWORD");
    expect(fromEnv).not.toContain("AWS emulator");
    const stored = banner({ ...facts, admin: { kind: "stored", hashFile: "/srv/data/admin-password.json" } });
    expect(stored).toContain("printed on the first start");
  });
});
