import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { readAudit, recordAudit } from "./audit-log";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "flowscope-audit-"));
  vi.stubEnv("FLOWSCOPE_DATA_DIR", dir);
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

test("entries come back newest first and a torn last line is skipped", () => {
  recordAudit({
    actor: "otto",
    role: "operator",
    action: "CreateFlowLogs",
    target: "subnet-1",
    outcome: "ok",
  });
  recordAudit({
    actor: "vera",
    role: "viewer",
    action: "DeleteFlowLogs",
    target: "fl-1",
    outcome: "denied",
    region: "us-east-1",
  });
  appendFileSync(join(dir, "audit.jsonl"), '{"time":"2026-');
  const entries = readAudit();
  expect(entries.map((e) => `${e.actor}:${e.action}:${e.outcome}`)).toEqual([
    "vera:DeleteFlowLogs:denied",
    "otto:CreateFlowLogs:ok",
  ]);
  expect(entries[0]?.time).toMatch(/^\d{4}-\d\d-\d\dT/);
});

test("an empty data folder has no entries, and a limit keeps the newest", () => {
  expect(readAudit()).toEqual([]);
  for (let i = 0; i < 5; i++)
    recordAudit({ actor: "a", role: "admin", action: "CreateFlowLogs", target: `vpc-${i}`, outcome: "ok" });
  expect(readAudit(2).map((e) => e.target)).toEqual(["vpc-4", "vpc-3"]);
});
