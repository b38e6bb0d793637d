import { execFileSync } from "node:child_process";
import { cpus, totalmem } from "node:os";

/** Date, commit and machine for RESULTS.md. */
export function describeRun(): { date: string; commit: string; machine: string } {
  const git = (...args: string[]) => {
    try {
      return execFileSync("git", args, { encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  };
  const dirty =
    git("status", "--porcelain", "--untracked-files=no") === "" ? "" : " (with uncommitted changes)";
  const cpu = cpus();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    commit: `${git("rev-parse", "--short", "HEAD")}${dirty}`,
    machine: `${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${process.platform}`,
  };
}
