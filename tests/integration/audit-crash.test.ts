import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test, vi } from "vitest";
import { readAudit } from "@/lib/audit/audit-log";
import { ROOT } from "./api-routes";

const dir = mkdtempSync(join(tmpdir(), "flowscope-audit-crash-"));
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

test("every audit entry acknowledged before a SIGKILL is in the log afterwards", async () => {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", join(ROOT, "tests/integration/support/audit-writer.ts")],
    { cwd: ROOT, env: { ...process.env, FLOWSCOPE_DATA_DIR: dir }, stdio: ["ignore", "pipe", "inherit"] },
  );
  let acked = -1;
  let buffer = "";
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once("exit", (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve) => {
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        const n = /^ack (\d+)$/.exec(line)?.[1];
        if (n !== undefined) acked = Number(n);
      }
      // Kill mid-stream, while it is writing.
      if (acked >= 200 && child.exitCode === null) {
        child.kill("SIGKILL");
        resolve();
      }
    });
  });
  expect(await exited).toBe("SIGKILL");
  vi.stubEnv("FLOWSCOPE_DATA_DIR", dir);
  vi.spyOn(console, "info").mockImplementation(() => {});
  const targets = new Set(readAudit(1_000_000).map((e) => e.target));
  const missing = Array.from({ length: acked + 1 }, (_, i) => `fl-${String(i).padStart(17, "0")}`).filter(
    (t) => !targets.has(t),
  );
  expect(missing).toEqual([]);
  expect(targets.size).toBeGreaterThanOrEqual(acked + 1);
}, 60_000);
