import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { smallWorldPath } from "./test-support/ec2-harness";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = join(root, "emulator", "cli.ts");

const dataParent = mkdtempSync(join(tmpdir(), "flowscope-cli-data-"));
afterAll(() => rmSync(dataParent, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}): ChildProcess {
  const { FLOWSCOPE_EMULATOR_PORT: _port, FLOWSCOPE_EMULATOR_PAGE_SIZE: _size, ...base } = process.env;
  // node --import tsx, not the tsx binary: its signal relay can race the CLI's own SIGTERM handler
  // under load and report 143 instead of the CLI's exit code.
  return spawn(process.execPath, ["--import", "tsx", cli, ...args], {
    cwd: root,
    // The default data folder is $FLOWSCOPE_DATA_DIR/emulator: never the developer's own data/.
    env: { ...base, FLOWSCOPE_DATA_DIR: dataParent, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function finish(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => {
    stdout += String(d);
  });
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.stdout?.on("data", (d) => {
      buffer += String(d);
      const end = buffer.indexOf("\n");
      if (end >= 0) resolve(buffer.slice(0, end));
    });
    child.on("close", (code) => reject(new Error(`exited ${code} before printing`)));
  });
}

describe("emulator CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "flowscope-cli-"));
  const badWorld = join(dir, "bad-world.json");
  writeFileSync(badWorld, JSON.stringify({ accountId: "12", region: "us-east-1" }));

  test.concurrent.each([
    [["--world", join(dir, "missing.json")], 66, /missing\.json: cannot read/],
    [["--world", badWorld], 65, /bad-world\.json: accountId: must be 12 digits/],
    [
      ["--world", smallWorldPath, "--verbose"],
      64,
      /Unknown option '--verbose'[\s\S]*usage: npm run emulator/,
    ],
  ])("%j exits %i", async (args, code, message) => {
    const result = await finish(run(args));
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
  });

  test("serves the world, prints one start line, and stops on SIGTERM with 0", async () => {
    const child = run(["--world", smallWorldPath, "--quiet"], {
      FLOWSCOPE_EMULATOR_PORT: "0",
      FLOWSCOPE_EMULATOR_PAGE_SIZE: "1",
    });
    const done = finish(child);
    const line = await firstLine(child);
    expect(line).toMatch(
      /^Flowscope emulator listening on http:\/\/127\.0\.0\.1:\d+ \(account 123456789012, region us-east-1, world .*small\.json; data .*emulator (seeded from the world|kept from an earlier run.*)\)$/,
    );
    const url = /(http:\/\/[^ ]+)/.exec(line)?.[1] ?? "";
    expect(await (await fetch(`${url}/_flowscope/health`)).json()).toMatchObject({ ok: true });
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "Action=DescribeVpcs&Version=2016-11-15",
    });
    const xml = await res.text();
    expect(xml.match(/<vpcId>/g)).toHaveLength(1);
    expect(xml).toContain("<nextToken>");
    child.kill("SIGTERM");
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
  });
});
