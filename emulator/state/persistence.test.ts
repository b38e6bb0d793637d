import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeLogGroupsCommand, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateFlowLogsCommand, DescribeFlowLogsCommand } from "@aws-sdk/client-ec2";
import { CreateRoleCommand, GetRolePolicyCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { afterAll, describe, expect, test } from "vitest";
import { startAwsHarness } from "../test-support/aws-harness";
import { loadSmallWorld } from "../test-support/ec2-harness";
import type { WorldRole } from "../world/types";
import { EmulatorState } from "./emulator-state";
import { openEmulatorData, STATE_FILE } from "./open-data";

const root = mkdtempSync(join(tmpdir(), "flowscope-state-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const world = loadSmallWorld();
/** Lets the role deliver into /kept/group (create-flow-logs.md §5.2). */
const PERMISSIONS = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: "arn:aws:logs:us-east-1:123456789012:log-group:/kept/group:*",
    },
  ],
});
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { Service: "vpc-flow-logs.amazonaws.com" }, Action: "sts:AssumeRole" },
  ],
});
const flowLogIds = async (h: Awaited<ReturnType<typeof startAwsHarness>>) =>
  ((await h.ec2.send(new DescribeFlowLogsCommand({}))).FlowLogs ?? []).map((f) => f.FlowLogId);

describe("the data folder", () => {
  test("keeps created flow logs, roles, policies, log groups and delivered records across a restart; --reset reseeds", async () => {
    const dataDir = join(root, "restart");
    const first = await startAwsHarness({ world, dataDir });
    expect(first.emulator.data.origin).toBe("seeded");
    const created = await first.ec2.send(
      new CreateFlowLogsCommand({
        ResourceType: "VPC",
        ResourceIds: ["vpc-0a1b2c3d4e5f60002"],
        TrafficType: "REJECT",
        LogGroupName: "/kept/group",
        DeliverLogsPermissionArn: "arn:aws:iam::123456789012:role/kept-role",
        ClientToken: "kept-token",
      }),
    );
    await first.iam.send(new CreateRoleCommand({ RoleName: "kept-role", AssumeRolePolicyDocument: TRUST }));
    await first.iam.send(
      new PutRolePolicyCommand({ RoleName: "kept-role", PolicyName: "p", PolicyDocument: PERMISSIONS }),
    );
    const { store, state } = first.emulator.data;
    await store.createLogGroup({
      logGroupName: "/kept/group",
      creationTime: 1,
      arn: "arn:aws:logs:us-east-1:123456789012:log-group:/kept/group:*",
    });
    await store.append("/kept/group", "eni-x-all", [{ timestamp: 1_000, message: "delivered" }], 2_000);
    const before = await flowLogIds(first);
    await first.close();

    // Another world on the command line: a kept folder ignores it.
    const otherWorld = { ...world, accountId: "999999999999", ec2: {}, iam: {}, logs: [] };
    const second = await startAwsHarness({ world: otherWorld, dataDir });
    expect(second.emulator.data.origin).toBe("kept");
    expect(second.emulator.data.state.accountId).toBe(state.accountId);
    expect(await flowLogIds(second)).toEqual(before);
    const [kept] =
      (await second.ec2.send(new DescribeFlowLogsCommand({ FlowLogIds: created.FlowLogIds }))).FlowLogs ?? [];
    expect(kept).toMatchObject({ LogGroupName: "/kept/group", DeliverLogsStatus: "SUCCESS" });
    const policy = await second.iam.send(
      new GetRolePolicyCommand({ RoleName: "kept-role", PolicyName: "p" }),
    );
    expect(decodeURIComponent(policy.PolicyDocument ?? "")).toBe(PERMISSIONS);
    const events = await second.logs.send(
      new GetLogEventsCommand({ logGroupName: "/kept/group", logStreamName: "eni-x-all" }),
    );
    expect(events.events?.map((e) => e.message)).toEqual(["delivered"]);
    // The ClientToken is remembered too: the retry gets the same flow log back.
    const retried = await second.ec2.send(
      new CreateFlowLogsCommand({
        ResourceType: "VPC",
        ResourceIds: ["vpc-0a1b2c3d4e5f60002"],
        TrafficType: "REJECT",
        LogGroupName: "/kept/group",
        DeliverLogsPermissionArn: "arn:aws:iam::123456789012:role/kept-role",
        ClientToken: "kept-token",
      }),
    );
    expect(retried.FlowLogIds).toEqual(created.FlowLogIds);
    await second.close();

    const third = await startAwsHarness({ world, dataDir, reset: true });
    expect(third.emulator.data.origin).toBe("reset");
    expect(await flowLogIds(third)).toEqual((world.ec2?.FlowLogs ?? []).map((f) => f.FlowLogId));
    const groups = await third.logs.send(new DescribeLogGroupsCommand({}));
    expect(groups.logGroups?.map((g) => g.logGroupName)).toEqual(["/vpc/prod/flow-logs"]);
    await third.close();
  });

  test("a folder whose seeding never finished is seeded again", async () => {
    const dir = join(root, "half-seeded");
    const data = await openEmulatorData({ world, dir });
    await data.store.createLogGroup({
      logGroupName: "/stray",
      creationTime: 1,
      arn: "arn:aws:logs:us-east-1:1:log-group:/stray:*",
    });
    await data.close();
    rmSync(join(dir, STATE_FILE), { force: true });
    const again = await openEmulatorData({ world, dir });
    expect(again.origin).toBe("seeded");
    expect((await again.store.listLogGroups()).items.map((g) => g.logGroupName)).toEqual([
      "/vpc/prod/flow-logs",
    ]);
    await again.close();
  });
});

const role = (name: string): WorldRole => ({
  Path: "/",
  RoleName: name,
  RoleId: `AROA${name.toUpperCase()}`,
  Arn: `arn:aws:iam::123456789012:role/${name}`,
  CreateDate: "2026-05-01T00:00:00Z",
});

describe("EmulatorState", () => {
  test("a transaction that throws writes nothing; order survives a reopen", async () => {
    const path = join(root, "unit.duckdb");
    const state = await EmulatorState.open(path);
    expect(state.seeded).toBe(false);
    await state.seed(world);
    let notified = 0;
    state.subscribe(() => notified++);
    await expect(
      state.transact((tx) => {
        tx.putRole(role("never"));
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(state.world().iam?.Roles?.map((r) => r.RoleName)).toEqual(["vpc-flow-logs-to-cwl"]);
    await state.transact((tx) => tx.putRole(role("second")));
    expect(notified).toBe(1);
    await state.close();
    const reopened = await EmulatorState.open(path);
    expect(reopened.seeded).toBe(true);
    expect(reopened.world()).toEqual(state.world());
    expect(reopened.world().iam?.Roles?.map((r) => r.RoleName)).toEqual(["vpc-flow-logs-to-cwl", "second"]);
    await reopened.close();
  });
});
