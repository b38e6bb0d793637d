import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { EventStore } from "./event-store";

const dir = mkdtempSync(join(tmpdir(), "flowscope-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("keeps every acknowledged append when the writer is killed with SIGKILL", async () => {
  const path = join(dir, "events.duckdb");
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "durability-writer.fixture.ts"), path],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let acked = -1;
  await new Promise<void>((resolve) => {
    child.stdout.on("data", (chunk: Buffer) => {
      for (const match of chunk.toString().matchAll(/ack (\d+)/g)) acked = Number(match[1]);
      if (acked >= 20) child.kill("SIGKILL");
    });
    child.on("exit", () => resolve());
  });
  expect(acked).toBeGreaterThanOrEqual(20);
  const store = await EventStore.open(path);
  try {
    const [row] = await store.query(
      "SELECT count(*) AS n, count(DISTINCT ingestion_time) AS batches FROM events",
    );
    expect(Number(row?.n)).toBeGreaterThanOrEqual((acked + 1) * 500);
    expect(Number(row?.n) % 500).toBe(0);
    const streams = await store.listLogStreams("g");
    const total = streams.items.reduce((sum, s) => sum + s.storedBytes, 0);
    const [bytes] = await store.query("SELECT sum(size) AS b FROM events");
    expect(total).toBe(Number(bytes?.b));
  } finally {
    await store.close();
  }
});
