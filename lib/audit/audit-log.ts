import "server-only";
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { dataDir } from "@/lib/config/data-dir";

/**
 * Who changed what in the AWS account through Flowscope, and when: one JSON line per attempt, appended to
 * `audit.jsonl` in the data folder and fsynced before the caller answers, so an acknowledged change is never
 * missing from the log after a crash. Failed attempts are recorded too (outcome "error" with the AWS code).
 */
export const auditEntrySchema = z.object({
  time: z.string(),
  actor: z.string(),
  role: z.string(),
  action: z.string(),
  region: z.string().optional(),
  target: z.string(),
  outcome: z.enum(["ok", "error", "denied"]),
  detail: z.string().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const AUDIT_FILE = "audit.jsonl";

function auditFile(): string {
  return join(dataDir(), AUDIT_FILE);
}

/** Appends one entry durably (write + fsync). Throws when the disk refuses, so the caller can say so. */
export function recordAudit(entry: Omit<AuditEntry, "time"> & { time?: string }): AuditEntry {
  const full = auditEntrySchema.parse({ ...entry, time: entry.time ?? new Date().toISOString() });
  const fd = openSync(auditFile(), "a", 0o600);
  try {
    writeSync(fd, `${JSON.stringify(full)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  console.info(`[audit] ${full.actor} (${full.role}) ${full.action} ${full.target}: ${full.outcome}`);
  return full;
}

/** The newest entries first. A torn last line (a crash mid-write of an unacknowledged entry) is skipped. */
export function readAudit(limit = 200): AuditEntry[] {
  const file = auditFile();
  if (!existsSync(file)) return [];
  const entries: AuditEntry[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      const parsed = auditEntrySchema.safeParse(JSON.parse(line));
      if (parsed.success) entries.push(parsed.data);
    } catch {
      // skip a torn line
    }
  }
  return entries.reverse().slice(0, limit);
}
