import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { STATE_FILE } from "@/emulator/state/open-data";
import {
  EMULATOR_STATE_FILE,
  holdsData,
  planSeed,
  readSeedStamp,
  type SeedSource,
  worldFileSource,
  writeSeedStamp,
} from "./start-seed";

const demo: SeedSource = { kind: "demo" };
const snap = (sha256: string): SeedSource => ({ kind: "world", file: "/home/me/snap.json", sha256 });

describe("planSeed", () => {
  it.each([
    ["an empty folder is seeded", false, undefined, snap("a"), false, false, /seeded from it now/],
    ["--reset reseeds", true, snap("a"), snap("a"), true, true, /--reset/],
    [
      "the same world file keeps its data",
      true,
      snap("a"),
      snap("a"),
      false,
      false,
      /kept .* this same file/,
    ],
    ["an edited world file reseeds", true, snap("a"), snap("b"), false, true, /held world snap.json/],
    ["a world file over the demo reseeds", true, demo, snap("a"), false, true, /held the demo world/],
    ["a world file over unknown data reseeds", true, undefined, snap("a"), false, true, /unknown origin/],
    ["the demo keeps demo data", true, demo, demo, false, false, /kept/],
    ["the demo keeps data from before stamps", true, undefined, demo, false, false, /kept/],
    ["the demo over a world file reseeds", true, snap("a"), demo, false, true, /held world snap.json/],
  ])("%s", (_, holds, previous, next, reset, reseeds, note) => {
    const plan = planSeed({ holdsData: holds, previous, next, reset });
    expect(plan.reset).toBe(reseeds);
    expect(plan.note).toMatch(note);
  });
});

describe("seed stamp", () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "flowscope-seed-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("remembers a world file by its content", () => {
    const dir = tempDir();
    const file = join(dir, "world.json");
    writeFileSync(file, '{"accountId":"123456789012"}');
    const source = worldFileSource(file);
    writeSeedStamp(dir, source);
    expect(readSeedStamp(dir)).toEqual(source);
    writeFileSync(file, '{"accountId":"210987654321"}');
    expect(worldFileSource(file)).not.toEqual(source);
  });

  it("reads a missing or broken stamp as unknown, and sees whether the folder holds data", () => {
    const dir = tempDir();
    expect(readSeedStamp(dir)).toBeUndefined();
    writeFileSync(join(dir, "seeded-from.json"), "{");
    expect(readSeedStamp(dir)).toBeUndefined();
    expect(holdsData(dir)).toBe(false);
    writeFileSync(join(dir, STATE_FILE), "");
    expect(holdsData(dir)).toBe(true);
    expect(EMULATOR_STATE_FILE).toBe(STATE_FILE);
  });
});
