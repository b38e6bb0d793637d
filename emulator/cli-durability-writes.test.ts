import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  DescribeLogGroupsCommand,
  FilterLogEventsCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { CreateFlowLogsCommand, DescribeFlowLogsCommand, EC2Client } from "@aws-sdk/client-ec2";
import {
  CreateRoleCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { afterAll, expect, test } from "vitest";
import { smallWorldPath } from "./test-support/ec2-harness";

/**
 * Issue 9 "nothing lost": every write the emulator acknowledged (IAM, Logs, EC2, and delivered records a
 * reader has seen) is there after a SIGKILL and a restart on the same --data folder.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function start(dataDir: string, extra: string[]): Promise<{ child: ChildProcess; url: string }> {
  const args = [
    "--import",
    "tsx",
    join(root, "emulator", "cli.ts"),
    "--world",
    smallWorldPath,
    "--data",
    dataDir,
  ];
  const child = spawn(process.execPath, [...args, "--port", "0", "--quiet", ...extra], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(buffer.split("\n")[0] ?? "")?.[1];
      if (buffer.includes("\n") && url) resolve({ child, url });
    });
    child.on("exit", (code) => reject(new Error(`emulator exited ${code} before starting`)));
  });
}

const config = (endpoint: string) => ({
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

const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "flowscope-durable-writes-"));
  dirs.push(dir);
  return dir;
};

const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { Service: "vpc-flow-logs.amazonaws.com" }, Action: "sts:AssumeRole" },
  ],
});
const POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: "*" }],
});

test("CreateRole, PutRolePolicy, CreateLogGroup and CreateFlowLogs acknowledged before a SIGKILL survive it", async () => {
  const dir = dataDir();
  const first = await start(dir, ["--no-simulator"]);
  const iam = new IAMClient(config(first.url));
  const logs = new CloudWatchLogsClient(config(first.url));
  const ec2 = new EC2Client(config(first.url));
  await iam.send(new CreateRoleCommand({ RoleName: "durable-delivery", AssumeRolePolicyDocument: TRUST }));
  await iam.send(
    new PutRolePolicyCommand({ RoleName: "durable-delivery", PolicyName: "deliver", PolicyDocument: POLICY }),
  );
  await logs.send(new CreateLogGroupCommand({ logGroupName: "/durable/wizard" }));
  const created = await ec2.send(
    new CreateFlowLogsCommand({
      ResourceType: "Subnet",
      ResourceIds: ["subnet-0a1b2c3d4e5f60001"],
      TrafficType: "REJECT",
      LogGroupName: "/durable/wizard",
      DeliverLogsPermissionArn: "arn:aws:iam::123456789012:role/durable-delivery",
    }),
  );
  const ids = created.FlowLogIds ?? [];
  expect(ids).toHaveLength(1);
  // A write still in flight at the kill may land or not; it must not break what was acknowledged.
  void logs.send(new CreateLogGroupCommand({ logGroupName: "/durable/in-flight" })).catch(() => undefined);
  await killed(first.child);

  const second = await start(dir, ["--no-simulator"]);
  const role = await new IAMClient(config(second.url)).send(
    new GetRoleCommand({ RoleName: "durable-delivery" }),
  );
  expect(role.Role?.Arn).toBe("arn:aws:iam::123456789012:role/durable-delivery");
  const policy = await new IAMClient(config(second.url)).send(
    new GetRolePolicyCommand({ RoleName: "durable-delivery", PolicyName: "deliver" }),
  );
  expect(decodeURIComponent(policy.PolicyDocument ?? "")).toContain("logs:PutLogEvents");
  const groups = await new CloudWatchLogsClient(config(second.url)).send(
    new DescribeLogGroupsCommand({ logGroupNamePrefix: "/durable/wizard" }),
  );
  expect(groups.logGroups?.map((g) => g.logGroupName)).toEqual(["/durable/wizard"]);
  const flowLogs = await new EC2Client(config(second.url)).send(
    new DescribeFlowLogsCommand({ FlowLogIds: ids }),
  );
  expect(flowLogs.FlowLogs?.map((f) => [f.FlowLogId, f.LogGroupName, f.TrafficType])).toEqual([
    [ids[0], "/durable/wizard", "REJECT"],
  ]);
  second.child.kill("SIGTERM");
}, 60_000);

type Seen = Map<string, number>;

/** Every event of the group, as "stream timestamp message" → how many times it occurs. */
async function events(logs: CloudWatchLogsClient, logGroupName: string): Promise<Seen> {
  const seen: Seen = new Map();
  let nextToken: string | undefined;
  do {
    const page = await logs.send(new FilterLogEventsCommand({ logGroupName, nextToken, limit: 10_000 }));
    for (const e of page.events ?? []) {
      const key = `${e.logStreamName} ${e.timestamp} ${e.message}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return seen;
}

const total = (seen: Seen) => [...seen.values()].reduce((a, b) => a + b, 0);

test("records delivered and read before a SIGKILL during delivery are there after it, once each", async () => {
  const dir = dataDir();
  const group = "/durable/delivery";
  const first = await start(dir, ["--tick-ms", "200", "--delivery-delay-ms", "0"]);
  const logs = new CloudWatchLogsClient(config(first.url));
  // A new flow log with one-minute windows: its group holds only what the simulator delivers from now on.
  await new EC2Client(config(first.url)).send(
    new CreateFlowLogsCommand({
      ResourceType: "VPC",
      ResourceIds: ["vpc-0a1b2c3d4e5f60001"],
      TrafficType: "ALL",
      LogGroupName: group,
      MaxAggregationInterval: 60,
      DeliverLogsPermissionArn: "arn:aws:iam::123456789012:role/vpc-flow-logs-to-cwl",
    }),
  );
  // Wait for the first deliveries (a window closes each minute), then kill while the simulator goes on.
  let before: Seen = new Map();
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    before = await events(logs, group).catch(() => new Map<string, number>());
    if (total(before) > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(total(before)).toBeGreaterThan(0);
  await killed(first.child);

  const second = await start(dir, ["--no-simulator"]);
  const after = await events(new CloudWatchLogsClient(config(second.url)), group);
  const lost = [...before.keys()].filter((key) => !after.has(key));
  expect(lost).toEqual([]);
  expect(total(after)).toBeGreaterThanOrEqual(total(before));
  // No record delivered twice by a half-finished batch: duplicates only where the first run had them.
  const doubled = [...after].filter(([key, n]) => n > (before.get(key) ?? 1));
  expect(doubled).toEqual([]);
  second.child.kill("SIGTERM");
}, 200_000);
