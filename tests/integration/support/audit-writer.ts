/**
 * Records audit entries as fast as it can and prints "ack N" after each recordAudit returned (the point
 * where a route handler would answer the user). The crash test SIGKILLs it mid-stream.
 */
import { recordAudit } from "@/lib/audit/audit-log";

for (let i = 0; ; i++) {
  recordAudit({
    actor: "otto",
    role: "operator",
    action: i % 2 ? "DeleteFlowLogs" : "CreateFlowLogs",
    region: "us-east-1",
    target: `fl-${String(i).padStart(17, "0")}`,
    outcome: "ok",
  });
  process.stdout.write(`ack ${i}\n`);
  // Let stdout drain now and then, so acks are not buffered far behind the writes.
  if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
}
