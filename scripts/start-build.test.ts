import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { staleBuildReason } from "./start-build";

describe("staleBuildReason", () => {
  let root: string;
  const old = new Date("2024-01-01T00:00:00Z");
  const built = new Date("2024-06-01T00:00:00Z");
  const later = new Date("2024-12-01T00:00:00Z");

  function file(path: string, at: Date): void {
    const full = join(root, path);
    mkdirSync(join(full, ".."), { recursive: true });
    writeFileSync(full, "x");
    utimesSync(full, at, at);
  }

  function dir(path: string, at: Date): void {
    utimesSync(join(root, path), at, at);
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "flowscope-build-"));
    file("app/page.tsx", old);
    file("lib/aws/clients.ts", old);
    file("package-lock.json", old);
    for (const folder of ["app", "lib/aws", "lib"]) dir(folder, old);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("asks for a build when there is none", () => {
    expect(staleBuildReason(root)).toBe("no build yet");
  });

  it("is satisfied when the build is newer than every source", () => {
    file(".next/BUILD_ID", built);
    expect(staleBuildReason(root)).toBeUndefined();
  });

  it("names a newer source file, however deep", () => {
    file(".next/BUILD_ID", built);
    file("lib/aws/clients.ts", later);
    expect(staleBuildReason(root)).toBe("lib/aws/clients.ts changed since the last build");
  });

  it("notices a newer root file", () => {
    file(".next/BUILD_ID", built);
    file("package-lock.json", later);
    expect(staleBuildReason(root)).toBe("package-lock.json changed since the last build");
  });

  it("notices a deleted file through its folder's mtime", () => {
    file(".next/BUILD_ID", built);
    dir("app", later);
    expect(staleBuildReason(root)).toBe("app changed since the last build");
  });

  it("ignores files outside the app's sources", () => {
    file(".next/BUILD_ID", built);
    file("emulator/cli.ts", later);
    file("scripts/start.ts", later);
    expect(staleBuildReason(root)).toBeUndefined();
  });
});
