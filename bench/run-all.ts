/**
 * `npm run bench`: every figure of issue 10 (and the load test of issue 9), each benchmark in its own
 * process, then bench/RESULTS.md. Flags: --quick (1 M records only, short load runs) for development,
 * --only ingest,diagnosis,load,page to run some, --report-only to rewrite RESULTS.md from the last figures.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { staleBuildReason } from "@/scripts/start-build";
import { BENCH_DATA, loadSection, type Section, saveSection } from "./lib/figures";
import { LIMITS } from "./lib/limits";
import { describeRun } from "./lib/machine";
import { renderResults } from "./lib/report";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    "report-only": { type: "boolean", default: false },
  },
});
const STEPS = [
  { id: "ingest", script: "bench/ingest-insights.ts", args: values.quick ? ["--sizes", "1000000"] : [] },
  { id: "diagnosis", script: "bench/diagnosis.ts", args: [], conditions: true },
  { id: "load", script: "bench/load.ts", args: ["--matrix", "--duration", values.quick ? "20" : "45"] },
  { id: "page", script: "bench/page-weight.ts", args: [] },
] as const;
const only = values.only?.split(",");
const started = Date.now();
const failures: string[] = [];

function step(id: string, command: string, args: string[]): void {
  const t = Date.now();
  console.log(`\n=== ${id}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  const seconds = (Date.now() - t) / 1000;
  console.log(
    `=== ${id}: ${result.status === 0 ? "done" : `FAILED (exit ${result.status})`} in ${seconds.toFixed(0)} s`,
  );
  if (result.status !== 0) failures.push(`${id} exited ${result.status}`);
}

if (!values["report-only"]) {
  const stale = staleBuildReason(process.cwd());
  if (stale && (!only || only.includes("load") || only.includes("page"))) {
    const t = Date.now();
    step("build", join("node_modules", ".bin", "next"), ["build"]);
    saveSection({
      id: "build",
      title: "Build",
      figures: [
        {
          name: "next build (the load and page benchmarks serve the production build)",
          value: `${((Date.now() - t) / 1000).toFixed(0)} s`,
        },
      ],
      notes: [`Built because ${stale}.`],
    });
  }
  for (const s of STEPS) {
    if (only && !only.includes(s.id)) continue;
    const flags = "conditions" in s ? ["--conditions=react-server"] : [];
    step(s.id, process.execPath, ["--import", "tsx", ...flags, s.script, ...s.args]);
  }
}

// load-only: the last `npm run bench:load` (issue 9), when one was run.
const order = [
  "ingest",
  "insights",
  "load",
  "load-only",
  "page",
  "diagnosis",
  "memory-emulator",
  "memory-app",
  "build",
];
const sections = order.flatMap((id) => {
  const s = loadSection(id);
  return s ? [s] : [];
}) as Section[];
// --report-only keeps the facts of the run that measured the figures.
const RUN_FILE = join(BENCH_DATA, "run.json");
type RunFacts = ReturnType<typeof describeRun> & { wallSeconds: number; command: string };
const run: RunFacts = values["report-only"]
  ? (JSON.parse(readFileSync(RUN_FILE, "utf8")) as RunFacts)
  : {
      ...describeRun(),
      wallSeconds: (Date.now() - started) / 1000,
      command: `npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
    };
if (!values["report-only"]) writeFileSync(RUN_FILE, JSON.stringify(run));
const wallSeconds = run.wallSeconds;
const markdown = renderResults(run, sections, [...LIMITS, ...failures.map((f) => `Run problem: ${f}.`)]);
writeFileSync(join("bench", "RESULTS.md"), markdown);
// Aligned as the project's formatter wants it, so `biome check .` stays clean after a run.
spawnSync(join("node_modules", ".bin", "biome"), ["format", "--write", join("bench", "RESULTS.md")], {
  stdio: "ignore",
});
const missed = sections.flatMap((s) =>
  s.figures.filter((f) => f.met === false).map((f) => `${s.title.split(":")[0]} — ${f.name}`),
);
console.log(`\nbench/RESULTS.md written; whole run ${(wallSeconds / 60).toFixed(1)} min.`);
if (missed.length > 0) console.log(`Targets missed (see RESULTS.md for why):\n  ${missed.join("\n  ")}`);
if (failures.length > 0) {
  console.error(`Failed steps: ${failures.join(", ")}`);
  process.exit(1);
}
