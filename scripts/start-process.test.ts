import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { spawnGroup } from "./start-process";
import { waitForLine } from "./start-wait";

/** Running, not merely a zombie waiting for PID 1 to reap it. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

function childPids(parent: number): number[] {
  const out = execFileSync("ps", ["-o", "pid=", "--ppid", String(parent)], { encoding: "utf8" }).trim();
  return out ? out.split(/\s+/).map(Number) : [];
}

describe("ManagedChild", () => {
  it("stops the whole process group, grandchildren included", async () => {
    const child = spawnGroup("sleepers", "sh", ["-c", "sleep 300 & sleep 300 & echo started; wait"], {
      env: process.env,
    });
    await waitForLine(child, /started/, 5_000);
    const grandchildren = childPids(child.pid ?? -1);
    expect(grandchildren).toHaveLength(2);
    await child.stop(2_000);
    expect(child.exitInfo).toEqual({ code: null, signal: "SIGTERM" });
    expect(grandchildren.filter(running)).toEqual([]);
  });

  it("escalates to SIGKILL when SIGTERM is ignored", async () => {
    const child = spawnGroup(
      "stubborn",
      "sh",
      ["-c", "trap '' TERM; echo started; while :; do sleep 0.1; done"],
      {
        env: process.env,
      },
    );
    await waitForLine(child, /started/, 5_000);
    await child.stop(300);
    expect(child.exitInfo?.signal).toBe("SIGKILL");
  });

  it("keeps the last lines of output", async () => {
    const child = spawnGroup(
      "talker",
      "sh",
      ["-c", "for i in $(seq 1 100); do echo line $i; done; echo oops >&2; exit 3"],
      {
        env: process.env,
      },
    );
    expect(await child.exited).toEqual({ code: 3, signal: null });
    await child.drained();
    expect(child.tail).toHaveLength(60);
    expect(child.tail).toContain("oops");
    expect(child.tail).toContain("line 100");
  });
});
