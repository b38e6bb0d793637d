import type { Section } from "./figures";

const cell = (s: string | undefined) => (s ?? "").replaceAll("|", "\\|");
const mark = (met: boolean | undefined) => (met === undefined ? "–" : met ? "met" : "**missed**");

/** RESULTS.md: run facts, one table per section, its notes, then what limits each figure. */
export function renderResults(
  run: { date: string; commit: string; machine: string; wallSeconds: number; command: string },
  sections: readonly Section[],
  limits: readonly string[],
): string {
  const lines = [
    "# Benchmark results",
    "",
    `Written by \`${run.command}\` (bench/run-all.ts). Figures are ratios against baselines run in the same process;`,
    "absolute times drift on a shared machine.",
    "",
    `- Date: ${run.date}`,
    `- Commit: ${run.commit}`,
    `- Machine: ${run.machine}`,
    `- Wall time of the whole run: ${Math.floor(run.wallSeconds / 60)} min ${(run.wallSeconds % 60).toFixed(1)} s`,
    "",
  ];
  for (const s of sections) {
    lines.push(`## ${s.title}`, "");
    if (s.figures.length > 0) {
      lines.push(
        "| Figure | Measured | Baseline / context | Ratio | Target | |",
        "| --- | --- | --- | --- | --- | --- |",
      );
      for (const f of s.figures)
        lines.push(
          `| ${cell(f.name)} | ${cell(f.value)} | ${cell(f.baseline)} | ${cell(f.ratio)} | ${cell(f.target)} | ${mark(f.met)} |`,
        );
      lines.push("");
    }
    for (const n of s.notes) lines.push(`- ${n}`);
    lines.push("");
  }
  if (limits.length > 0) {
    lines.push("## What limits each figure", "");
    for (const l of limits) lines.push(`- ${l}`);
    lines.push("");
  }
  return lines.join("\n");
}
