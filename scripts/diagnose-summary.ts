import type { Verdict } from "@/lib/diagnosis/verdict";

const MARK = { pass: "ok ", block: "XX ", "not-applicable": " - " } as const;

/** The verdict for people: the answer, why, the fix, then each hop. */
export function summarize(v: Verdict): string {
  const lines = [`Verdict: ${v.verdict.toUpperCase()}`];
  for (const e of v.explanations) {
    const where = [e.path, e.direction, e.ruleNumber !== undefined ? `rule ${e.ruleNumber}` : undefined]
      .filter(Boolean)
      .join(", ");
    lines.push(
      "",
      `${e.code} on ${e.resourceId}${where ? ` (${where})` : ""}`,
      `  ${e.message}`,
      `  Fix: ${e.fix}`,
    );
    if (e.awsCli) lines.push(`  $ ${e.awsCli}`);
  }
  if (v.evidence) {
    const ev = v.evidence;
    lines.push("", `Evidence: ${ev.pattern}, ${ev.accepted} accepted, ${ev.rejected} rejected`);
    for (const reason of ev.reasons ?? []) lines.push(`  ${reason}`);
  }
  lines.push("", "Path:");
  for (const h of v.hops) {
    const where = [h.path, h.direction].filter(Boolean).join(" ");
    lines.push(`  ${MARK[h.result]} ${h.component} ${h.resourceId} [${where}] ${h.detail}`);
  }
  return lines.join("\n");
}
