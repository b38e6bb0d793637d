// biome-ignore-all lint/suspicious/noTemplateCurlyInString: LogFormat strings are written ${field}
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  DescribeLogGroupsCommand,
  PutRetentionPolicyCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { CreateFlowLogsCommand, DeleteFlowLogsCommand, EC2Client } from "@aws-sdk/client-ec2";
import {
  CreateRoleCommand,
  GetRoleCommand,
  IAMClient,
  NoSuchEntityException,
  PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { INITIAL_STATE, type WizardState } from "@/lib/flow-log-wizard/state";

const auth = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/auth", () => ({ auth }));

const { POST: create } = await import("./route");
const { POST: validate } = await import("./validate/route");
const { DELETE: remove } = await import("./[id]/route");

const sts = mockClient(STSClient);
const logs = mockClient(CloudWatchLogsClient);
const iam = mockClient(IAMClient);
const ec2 = mockClient(EC2Client);

const valid: WizardState = {
  ...INITIAL_STATE,
  resourceIds: ["subnet-0a1b2c3d4e5f60718"],
  newLogGroup: "/flowscope/new",
  newRoleName: "flow-logs-new",
};
const headers = {
  "content-type": "application/json",
  origin: "http://flowscope.test",
  "sec-fetch-site": "same-origin",
};
const post = (handler: typeof create, path: string, body: unknown) =>
  handler(
    new Request(`http://flowscope.test${path}`, {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
const del = (id: string) =>
  remove(new Request(`http://flowscope.test/api/flow-logs/${id}`, { method: "DELETE", headers }), {
    params: Promise.resolve({ id }),
  });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "flowscope-routes-"));
  vi.stubEnv("FLOWSCOPE_DATA_DIR", dir);
  vi.spyOn(console, "info").mockImplementation(() => {});
  for (const m of [sts, logs, iam, ec2]) m.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: "123456789012" });
  logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: "/existing" }] });
  iam.on(GetRoleCommand).rejects(new NoSuchEntityException({ message: "no such role", $metadata: {} }));
  auth.mockResolvedValue({ user: { name: "otto", role: "operator" }, expires: "2099-01-01T00:00:00Z" });
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe("who may change flow logs", () => {
  it.each([
    ["create", () => post(create, "/api/flow-logs", { state: valid })],
    ["validate", () => post(validate, "/api/flow-logs/validate", { step: "resources", state: valid })],
    ["delete", () => del("fl-0123456789abcdef0")],
  ])("a viewer gets 403 on %s, and AWS is not called", async (_, call) => {
    auth.mockResolvedValue({ user: { name: "vera", role: "viewer" }, expires: "2099-01-01T00:00:00Z" });
    const res = await call();
    expect(res.status).toBe(403);
    expect(ec2.calls()).toHaveLength(0);
  });
});

describe("POST /api/flow-logs/validate: the client's schema again, then AWS", () => {
  it.each<[string, unknown, string, string, RegExp]>([
    ["a body that is not JSON", "{nope", "bad_request", "body", /JSON/],
    ["an unknown step", { step: "colour", state: valid }, "bad_request", "step", /Unknown step/],
    [
      "no resource",
      { step: "resources", state: { ...valid, resourceIds: [] } },
      "invalid",
      "resourceIds",
      /pick at least one/,
    ],
    [
      "a 5-minute interval",
      { step: "traffic", state: { ...valid, maxAggregationInterval: 300 } },
      "invalid",
      "maxAggregationInterval",
      /1 minute or 10 minutes/,
    ],
    [
      "a new log group that exists",
      { step: "destination", state: { ...valid, newLogGroup: "/existing" } },
      "invalid",
      "newLogGroup",
      /already exists/,
    ],
    [
      "an existing log group that does not",
      { step: "destination", state: { ...valid, logGroupMode: "existing", existingLogGroup: "/gone" } },
      "invalid",
      "existingLogGroup",
      /does not exist/,
    ],
    [
      "a missing existing role",
      {
        step: "role",
        state: { ...valid, roleMode: "existing", existingRoleArn: "arn:aws:iam::123456789012:role/gone" },
      },
      "invalid",
      "existingRoleArn",
      /does not exist/,
    ],
    [
      "a bad region",
      { region: "moon-1x", step: "resources", state: valid },
      "bad_request",
      "region",
      /region/,
    ],
  ])("%s → 400 naming the field", async (_, body, error, field, message) => {
    const res = await post(validate, "/api/flow-logs/validate", body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error, field, message: expect.stringMatching(message) });
  });

  it("an existing role that trusts another service is unsuitable", async () => {
    const trust = encodeURIComponent(
      JSON.stringify({
        Statement: [
          { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
        ],
      }),
    );
    const arn = "arn:aws:iam::123456789012:role/instance";
    iam.on(GetRoleCommand).resolves({ Role: { Arn: arn, AssumeRolePolicyDocument: trust } as never });
    const res = await post(validate, "/api/flow-logs/validate", {
      step: "role",
      state: { ...valid, roleMode: "existing", existingRoleArn: arn },
    });
    expect(await res.json()).toMatchObject({
      field: "existingRoleArn",
      message: expect.stringMatching(/trusts ec2.amazonaws.com/),
    });
  });

  it("a valid step → 200", async () => {
    const res = await post(validate, "/api/flow-logs/validate", { step: "destination", state: valid });
    expect(res.status).toBe(200);
  });
});

describe("POST /api/flow-logs", () => {
  it("refuses what skipped the client's checks, on the step it concerns, before any AWS change", async () => {
    const res = await post(create, "/api/flow-logs", {
      state: { ...valid, formatMode: "custom", fields: ["${version}"] },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "invalid", step: "format", field: "fields" });
    expect(logs.commandCalls(CreateLogGroupCommand)).toHaveLength(0);
    expect(ec2.commandCalls(CreateFlowLogsCommand)).toHaveLength(0);
  });

  it("creates the log group, the role and the flow logs → 201", async () => {
    logs.on(CreateLogGroupCommand).resolves({}).on(PutRetentionPolicyCommand).resolves({});
    iam
      .on(CreateRoleCommand)
      .resolves({ Role: { Arn: "arn:aws:iam::123456789012:role/flow-logs-new" } as never });
    iam.on(PutRolePolicyCommand).resolves({});
    ec2.on(CreateFlowLogsCommand).resolves({ FlowLogIds: ["fl-0123456789abcdef0"], Unsuccessful: [] });
    const res = await post(create, "/api/flow-logs", { state: valid, clientToken: "t-1" });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ flowLogIds: ["fl-0123456789abcdef0"] });
    expect(ec2.commandCalls(CreateFlowLogsCommand)[0]?.args[0].input.ClientToken).toBe("t-1");
  });
});

describe("DELETE /api/flow-logs/[id]", () => {
  it("names a malformed id", async () => {
    const res = await del("vpc-1");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ field: "id" });
  });
  it("deletes, or says it was not found", async () => {
    ec2.on(DeleteFlowLogsCommand).resolves({ Unsuccessful: [] });
    expect((await del("fl-0123456789abcdef0")).status).toBe(200);
    ec2.on(DeleteFlowLogsCommand).resolves({
      Unsuccessful: [
        {
          ResourceId: "fl-0123456789abcdef0",
          Error: { Code: "InvalidFlowLogId.NotFound", Message: "not found" },
        },
      ],
    });
    expect((await del("fl-0123456789abcdef0")).status).toBe(404);
  });
});
