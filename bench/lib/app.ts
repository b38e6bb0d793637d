import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { rssOf, waitForOk } from "./proc";

export interface RunningApp {
  url: string;
  emulatorUrl: string;
  child: ChildProcess;
  /** Peak RSS (VmHWM) of the largest process under `npm start` other than the emulator: the Next.js server. MB. */
  appPeakMb(): number;
  stop(): Promise<void>;
}

export interface AppOptions {
  port: number;
  emulatorPort: number;
  dataDir: string;
  env: Record<string, string>;
  log: (line: string) => void;
}

/** Child processes of `pid`, recursively, from /proc. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

const cmdline = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
};

/** `npm start` (scripts/start.ts) on the demo world, built if stale, as its own process group. */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/start.ts",
      "--demo",
      "--port",
      String(options.port),
      "--emulator-port",
      String(options.emulatorPort),
    ],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        FLOWSCOPE_DATA_DIR: options.dataDir,
        NEXT_TELEMETRY_DISABLED: "1",
        ...options.env,
      },
    },
  );
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://localhost:${options.port}`;
  try {
    await waitForOk(`${url}/api/health`, 600_000);
  } catch (error) {
    child.kill("SIGTERM");
    throw new Error(`the app did not start: ${String(error)}\n${output.slice(-3000)}`);
  }
  return {
    url,
    emulatorUrl: `http://127.0.0.1:${options.emulatorPort}`,
    child,
    appPeakMb: () => {
      const pids = descendants(child.pid ?? 0).filter((p) => !cmdline(p).includes("emulator"));
      const peaks = pids.map((p) => rssOf(p)?.peakMb ?? 0);
      return Math.max(0, ...peaks);
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
