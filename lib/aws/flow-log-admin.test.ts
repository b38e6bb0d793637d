import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  PutRetentionPolicyCommand,
  ResourceAlreadyExistsException,
} from "@aws-sdk/client-cloudwatch-logs";
import {
  CreateFlowLogsCommand,
  DeleteFlowLogsCommand,
  EC2Client,
  EC2ServiceException,
} from "@aws-sdk/client-ec2";
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readAudit } from "@/lib/audit/audit-log";
import { INITIAL_STATE, type WizardState } from "@/lib/flow-log-wizard/state";
import { createFromWizard, deleteFlowLogs } from "./flow-log-admin";

const ec2 = mockClient(EC2Client);
const logs = mockClient(CloudWatchLogsClient);
const iam = mockClient(IAMClient);
const ctx = { accountId: "123456789012", region: "us-east-1" };
const actor = { name: "otto", role: "operator" };
const state: WizardState = {
  ...INITIAL_STATE,
  resourceIds: ["subnet-0a1b2c3d"],
  newLogGroup: "/new",
  retentionInDays: 7,
  newRoleName: "flow-logs-new",
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "flowscope-admin-"));
  vi.stubEnv("FLOWSCOPE_DATA_DIR", dir);
  vi.spyOn(console, "info").mockImplementation(() => {});
  ec2.reset();
  logs.reset();
  iam.reset();
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const awsError = (name: string, message: string) =>
  new EC2ServiceException({ name, message, $fault: "client", $metadata: {} });

describe("createFromWizard", () => {
  it("creates the log group, the role, then the flow logs, and audits each", async () => {
    // prepare
    logs.on(CreateLogGroupCommand).resolves({}).on(PutRetentionPolicyCommand).resolves({});
    iam
      .on(CreateRoleCommand)
      .resolves({ Role: { Arn: "arn:aws:iam::123456789012:role/flow-logs-new" } as never });
    iam.on(PutRolePolicyCommand).resolves({});
    ec2.on(CreateFlowLogsCommand).resolves({ FlowLogIds: ["fl-1"], Unsuccessful: [] });
    // act
    const outcome = await createFromWizard(state, ctx, actor, "token-1");
    // assess
    expect(outcome).toMatchObject({ ok: true, flowLogIds: ["fl-1"], created: { logGroup: "/new" } });
    expect(logs.commandCalls(PutRetentionPolicyCommand)[0]?.args[0].input).toEqual({
      logGroupName: "/new",
      retentionInDays: 7,
    });
    const trust = JSON.parse(
      iam.commandCalls(CreateRoleCommand)[0]?.args[0].input.AssumeRolePolicyDocument ?? "{}",
    );
    expect(trust.Statement[0].Principal.Service).toBe("vpc-flow-logs.amazonaws.com");
    expect(ec2.commandCalls(CreateFlowLogsCommand)[0]?.args[0].input).toMatchObject({
      ResourceType: "Subnet",
      ResourceIds: ["subnet-0a1b2c3d"],
      LogGroupName: "/new",
      DeliverLogsPermissionArn: "arn:aws:iam::123456789012:role/flow-logs-new",
      ClientToken: "token-1",
    });
    expect(readAudit().map((e) => `${e.action}:${e.outcome}`)).toEqual([
      "CreateFlowLogs:ok",
      "CreateRole:ok",
      "CreateLogGroup:ok",
    ]);
  });

  it("puts a thrown FlowLogAlreadyExists on the resources step and reports what it had created", async () => {
    logs.on(CreateLogGroupCommand).resolves({}).on(PutRetentionPolicyCommand).resolves({});
    iam
      .on(CreateRoleCommand)
      .resolves({ Role: { Arn: "arn:aws:iam::123456789012:role/flow-logs-new" } as never });
    ec2
      .on(CreateFlowLogsCommand)
      .rejects(awsError("FlowLogAlreadyExists", "There is an existing Flow Log with the same configuration"));
    const outcome = await createFromWizard(state, ctx, actor, "t");
    expect(outcome).toMatchObject({
      ok: false,
      error: "FlowLogAlreadyExists",
      place: { step: "resources", field: "resourceIds" },
      created: { logGroup: "/new", roleArn: "arn:aws:iam::123456789012:role/flow-logs-new" },
    });
    expect(readAudit()[0]).toMatchObject({ action: "CreateFlowLogs", outcome: "error" });
  });

  it("answers 409 with every Unsuccessful item when no flow log was created", async () => {
    ec2.on(CreateFlowLogsCommand).resolves({
      FlowLogIds: [],
      Unsuccessful: [
        { ResourceId: "subnet-0a1b2c3d", Error: { Code: "InvalidSubnetID.NotFound", Message: "nope" } },
      ],
    });
    const existing = {
      ...state,
      logGroupMode: "existing" as const,
      existingLogGroup: "/g",
      roleMode: "existing" as const,
      existingRoleArn: "arn:aws:iam::123456789012:role/r",
    };
    const outcome = await createFromWizard(existing, ctx, actor, "t");
    expect(outcome).toMatchObject({
      ok: false,
      status: 409,
      place: { step: "resources" },
      unsuccessful: [{ resourceId: "subnet-0a1b2c3d", code: "InvalidSubnetID.NotFound", message: "nope" }],
    });
    expect(logs.commandCalls(CreateLogGroupCommand)).toHaveLength(0);
    expect(iam.commandCalls(CreateRoleCommand)).toHaveLength(0);
  });

  it("stops at a log group that already exists, on the destination step, before any role or flow log", async () => {
    logs.on(CreateLogGroupCommand).rejects(
      new ResourceAlreadyExistsException({
        message: "The specified log group already exists",
        $metadata: {},
      }),
    );
    const outcome = await createFromWizard(state, ctx, actor, "t");
    expect(outcome).toMatchObject({ ok: false, place: { step: "destination", field: "newLogGroup" } });
    expect(iam.commandCalls(CreateRoleCommand)).toHaveLength(0);
    expect(ec2.commandCalls(CreateFlowLogsCommand)).toHaveLength(0);
  });
});

describe("deleteFlowLogs", () => {
  it.each([
    ["deleted", [], "ok"],
    [
      "not found",
      [{ ResourceId: "fl-1", Error: { Code: "InvalidFlowLogId.NotFound", Message: "not found" } }],
      "error",
    ],
  ])("%s", async (_, unsuccessful, outcome) => {
    ec2.on(DeleteFlowLogsCommand).resolves({ Unsuccessful: unsuccessful });
    const result = await deleteFlowLogs("us-east-1", ["fl-1"], actor);
    expect(result).toMatchObject({
      ok: true,
      unsuccessful: unsuccessful.map((u) => ({ resourceId: u.ResourceId })),
    });
    expect(readAudit()[0]).toMatchObject({ action: "DeleteFlowLogs", target: "fl-1", outcome });
  });
});
