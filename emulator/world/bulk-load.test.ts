import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { createSimulator } from "../simulator/index";
import { openEmulatorData } from "../state/open-data";
import { bulkLoad } from "./bulk-load";
import { buildDemoWorld } from "./demo";

const NOW = Date.parse("2026-06-01T12:00:00Z");
const dir = mkdtempSync(join(tmpdir(), "flowscope-bulk-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("bulk-loads hours of records into a data folder that the emulator then keeps and continues", async () => {
  const world = buildDemoWorld({ seed: 1, now: new Date(NOW) });
  const lines: string[] = [];
  const result = await bulkLoad({
    world,
    dataDir: dir,
    now: NOW,
    hours: 2,
    flushEvents: 5_000,
    log: (l) => lines.push(l),
  });
  expect(result.records).toBeGreaterThan(10_000);
  expect(result.logGroups).toBe(3);
  expect(lines.some((l) => /^\d+ records, \d+% of the span/.test(l))).toBe(true);

  const data = await openEmulatorData({ world, dir, now: NOW });
  try {
    expect(data.origin).toBe("kept");
    const simulator = createSimulator({ state: data.state, store: data.store, deliveryDelayMs: 5 * 60_000 });
    // Nothing is due again at the same instant; ten minutes later only the new windows are.
    expect(await simulator.tick(NOW)).toEqual({ delivered: 0 });
    const { delivered } = await simulator.tick(NOW + 10 * 60_000);
    expect(delivered).toBeGreaterThan(0);
    expect(delivered).toBeLessThan(result.records / 6);
  } finally {
    await data.close();
  }
});
