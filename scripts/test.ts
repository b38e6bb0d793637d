import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { E2E_JSON_REPORT } from "../tests/e2e/fixtures/constants";
import { findBrowser } from "./find-browser";
import { addCounts, type Counts, playwrightCounts, vitestCounts } from "./test-counts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const VITEST_JSON = join(mkdtempSync(join(tmpdir(), "flowscope-test-")), "vitest.json");

interface Step {
  name: string;
  label: string;
  command: string;
  args: string[];
  prepare?: () => void;
  counts?: () => Counts | undefined;
}

interface Outcome {
  step: Step;
  ok: boolean;
  seconds: number;
  counts: Counts | undefined;
}

const bin = (name: string) => join(ROOT, "node_modules", ".bin", name);

const STEPS: Step[] = [
  { name: "lint", label: "biome check .", command: bin("biome"), args: ["check", "."] },
  // PageProps, LayoutProps and typed routes are global types Next generates into .next/types (a fresh clone
  // has none until a build); typegen makes them in a second.
  { name: "typegen", label: "next typegen", command: bin("next"), args: ["typegen"] },
  { name: "typecheck", label: "tsc --noEmit -p .", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
  {
    name: "unit",
    label: "vitest run",
    command: bin("vitest"),
    args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`],
    counts: () => vitestCounts(readJson(VITEST_JSON)),
  },
  {
    name: "e2e",
    label: "playwright test",
    command: bin("playwright"),
    args: ["test"],
    prepare: () => {
      rmSync(E2E_JSON_REPORT, { force: true });
      const browser = findBrowser({ install: true });
      console.log(`Browser: ${browser.executablePath} (${browser.source})`);
    },
    counts: () => playwrightCounts(readJson(E2E_JSON_REPORT)),
  },
];

async function runStep(step: Step): Promise<Outcome> {
  console.log(`\n━━ ${step.name}: ${step.label}`);
  const started = Date.now();
  let ok: boolean;
  try {
    step.prepare?.();
    ok = (await exitCode(step.command, step.args)) === 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    ok = false;
  }
  const outcome = { step, ok, seconds: (Date.now() - started) / 1000, counts: step.counts?.() };
  console.log(summaryLine(outcome));
  return outcome;
}

let current: ChildProcess | undefined;
let interrupted = false;

function exitCode(command: string, args: string[]): Promise<number> {
  return new Promise((resolveCode) => {
    current = spawn(command, args, {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    current.once("error", (error) => {
      console.error(`cannot run ${command}: ${error.message}`);
      resolveCode(127);
    });
    current.once("exit", (code) => {
      current = undefined;
      resolveCode(code ?? 1);
    });
  });
}

/**
 * Ctrl-C already reaches the running step from the terminal: we only wait for it to clean up (a second
 * SIGINT would make Playwright skip stopping its web server). A SIGTERM sent to us alone is passed on.
 */
function handleSignals(): void {
  process.on("SIGINT", () => {
    interrupted = true;
  });
  process.on("SIGTERM", () => {
    interrupted = true;
    current?.kill("SIGTERM");
  });
}

function summaryLine({ step, ok, seconds, counts }: Outcome): string {
  const tally = counts ? `  ${counts.passed} passed, ${counts.failed} failed` : "";
  return `${ok ? "✔" : "✖"} ${step.name.padEnd(10)} ${ok ? "passed" : "FAILED"} in ${seconds.toFixed(1).padStart(6)}s${tally}`;
}

function readJson(path: string): unknown {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  process.chdir(ROOT);
  handleSignals();
  const outcomes: Outcome[] = [];
  for (const step of STEPS) {
    const outcome = await runStep(step);
    outcomes.push(outcome);
    if (!outcome.ok || interrupted) break;
  }
  const skipped = STEPS.slice(outcomes.length);
  console.log("\n━━ Summary");
  for (const outcome of outcomes) console.log(summaryLine(outcome));
  for (const step of skipped) console.log(`- ${step.name.padEnd(10)} skipped`);
  const total = addCounts(outcomes.map((outcome) => outcome.counts));
  const failedStep = outcomes.find((outcome) => !outcome.ok);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  if (interrupted) console.log("npm test was interrupted.");
  else if (failedStep) console.log(`npm test failed at step "${failedStep.step.name}".`);
  rmSync(dirname(VITEST_JSON), { recursive: true, force: true });
  return failedStep || interrupted ? 1 : 0;
}

process.exitCode = await main();
