import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CreateFlowLogsCommand, DescribeFlowLogsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { afterAll, expect, test } from "vitest";
import { smallWorldPath } from "./test-support/ec2-harness";

const root = fileURLToPath(new URL("..", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "flowscope-durability-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the CLI on `dataDir` and resolves with its start line. */
function start(extra: string[] = []): Promise<{ child: ChildProcess; line: string; url: string }> {
  const args = [
    "--import",
    "tsx",
    join(root, "emulator", "cli.ts"),
    "--world",
    smallWorldPath,
    "--data",
    dataDir,
  ];
  const child = spawn(process.execPath, [...args, "--port", "0", "--quiet", "--no-simulator", ...extra], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split("\n")[0] ?? "";
      const url = /listening on (http:\/\/\S+)/.exec(line)?.[1];
      if (buffer.includes("\n") && url) resolve({ child, line, url });
    });
    child.on("exit", (code) => reject(new Error(`emulator exited ${code} before starting`)));
  });
}

const client = (endpoint: string) =>
  new EC2Client({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "secret" },
    maxAttempts: 1,
  });

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

test("a CreateFlowLogs acknowledged before a SIGKILL is there after the restart", async () => {
  const first = await start();
  expect(first.line).toMatch(/seeded from the world\)$/);
  const ec2 = client(first.url);
  const ids: string[] = [];
  for (const subnet of ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002", "subnet-0a1b2c3d4e5f60003"]) {
    const out = await ec2.send(
      new CreateFlowLogsCommand({
        ResourceType: "Subnet",
        ResourceIds: [subnet],
        TrafficType: "ALL",
        LogGroupName: "/durable",
        DeliverLogsPermissionArn: "arn:aws:iam::123456789012:role/vpc-flow-logs-to-cwl",
      }),
    );
    ids.push(...(out.FlowLogIds ?? []));
  }
  // One more in flight when the process dies: it may or may not have landed, but nothing else may break.
  void ec2
    .send(
      new CreateFlowLogsCommand({
        ResourceType: "VPC",
        ResourceIds: ["vpc-0a1b2c3d4e5f60002"],
        TrafficType: "ALL",
        LogGroupName: "/durable",
        DeliverLogsPermissionArn: "arn:aws:iam::123456789012:role/vpc-flow-logs-to-cwl",
      }),
    )
    .catch(() => undefined);
  await killed(first.child);

  const second = await start();
  expect(second.line).toMatch(/kept from an earlier run/);
  const { FlowLogs } = await client(second.url).send(new DescribeFlowLogsCommand({ FlowLogIds: ids }));
  expect(FlowLogs?.map((f) => f.FlowLogId).sort()).toEqual([...ids].sort());
  await killed(second.child);

  const third = await start(["--reset"]);
  expect(third.line).toMatch(/reset and seeded from the world\)$/);
  const after = await client(third.url).send(new DescribeFlowLogsCommand({ FlowLogIds: ids }));
  expect(after.FlowLogs).toEqual([]);
  third.child.kill("SIGTERM");
}, 30_000);
