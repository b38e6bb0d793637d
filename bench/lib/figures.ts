import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Where benchmarks keep generated data and their figures (gitignored). */
export const BENCH_DATA = join(process.cwd(), "data", "bench");
const FIGURES = join(BENCH_DATA, "figures");

/** One measured figure, with what it is compared to. */
export interface Figure {
  name: string;
  value: string;
  baseline?: string;
  /** measured / baseline, as printed. */
  ratio?: string;
  target?: string;
  /** true met, false missed, undefined no target. */
  met?: boolean;
}

/** A benchmark's figures and what limits them. */
export interface Section {
  id: string;
  title: string;
  figures: Figure[];
  notes: string[];
  seconds?: number;
}

/** Prints a section's figures and keeps them for RESULTS.md. */
export function saveSection(section: Section): void {
  mkdirSync(FIGURES, { recursive: true });
  writeFileSync(join(FIGURES, `${section.id}.json`), `${JSON.stringify(section, null, 2)}\n`);
  console.log(`\n## ${section.title}`);
  for (const f of section.figures) {
    const parts = [`${f.name}: ${f.value}`];
    if (f.baseline) parts.push(`baseline ${f.baseline}`);
    if (f.ratio) parts.push(`ratio ${f.ratio}`);
    if (f.target) parts.push(`target ${f.target} ${f.met === undefined ? "" : f.met ? "MET" : "MISSED"}`);
    console.log(`  ${parts.join(" | ")}`);
  }
  for (const note of section.notes) console.log(`  note: ${note}`);
}

export function loadSection(id: string): Section | undefined {
  try {
    return JSON.parse(readFileSync(join(FIGURES, `${id}.json`), "utf8")) as Section;
  } catch {
    return undefined;
  }
}

/** Prefix for progress lines on stderr. */
export const progress =
  (tag: string) =>
  (line: string): void => {
    process.stderr.write(`[${tag}] ${line}\n`);
  };
