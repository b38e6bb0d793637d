import { spawn } from "node:child_process";
import { statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { BENCH_DATA } from "./figures";
import { rssOf, waitForOk } from "./proc";
import { BENCH_QUERIES, runInsights } from "./queries";

const PORT = Number(process.env.FLOWSCOPE_BENCH_EMULATOR_PORT ?? 4681);

/** Starts the emulator CLI on `dataDir`, runs the four queries through the SDK, and reads its RSS. */
export async function measureEmulatorMemory(
  dataDir: string,
  world: { accountId: string; region: string },
  groups: { default: string; custom: string },
  from: number,
  log: (line: string) => void,
  pollMs: number,
): Promise<{ peakMb: number; idleMb: number; fileMb: number }> {
  const worldFile = join(BENCH_DATA, "world-min.json");
  writeFileSync(worldFile, JSON.stringify(world));
  const child = spawn(
    process.execPath,
    [
      ...["--import", "tsx", "emulator/cli.ts", "--world", worldFile, "--data", dataDir],
      ...["--port", String(PORT), "--no-simulator", "--quiet"],
    ],
    {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, FLOWSCOPE_EMULATOR_QUERY_MIN_MS: "0" },
    },
  );
  try {
    const url = `http://127.0.0.1:${PORT}`;
    await waitForOk(`${url}/_flowscope/health`, 60_000);
    const idle = rssOf(child.pid ?? 0);
    const logs = new CloudWatchLogsClient({
      endpoint: url,
      region: world.region,
      credentials: { accessKeyId: "AKIDBENCH", secretAccessKey: "bench" },
    });
    const startTime = Math.floor(from / 1000) - 120;
    const endTime = startTime + 2 * 86_400;
    for (const q of BENCH_QUERIES)
      await runInsights(
        logs,
        { logGroupName: groups[q.group], queryString: q.insights, startTime, endTime },
        pollMs,
      );
    const after = rssOf(child.pid ?? 0);
    log(`emulator RSS idle ${idle?.rssMb.toFixed(0)} MB, peak ${after?.peakMb.toFixed(0)} MB`);
    return {
      peakMb: after?.peakMb ?? Number.NaN,
      idleMb: idle?.rssMb ?? Number.NaN,
      fileMb: statSync(join(dataDir, "events.duckdb")).size / 1e6,
    };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}
