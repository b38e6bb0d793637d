import {
  AccessDeniedException,
  DescribeLogGroupsCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
  ThrottlingException,
} from "@aws-sdk/client-cloudwatch-logs";
import { CreateFlowLogsCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { CreateRoleCommand, GetRoleCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { type FaultSettings, faultSettingsFromEnv, parseFaultSettings, seededRandom } from "./faults";
import { type AwsHarness, rejection, startAwsHarness } from "./test-support/aws-harness";

let h: AwsHarness;
beforeAll(async () => {
  h = await startAwsHarness({ queries: { minDurationMs: 50 } });
});
afterAll(() => h.close());
beforeEach(() => setFaults({}));

async function setFaults(settings: Partial<FaultSettings>): Promise<Response> {
  return fetch(`${h.emulator.url}/_flowscope/faults`, { method: "POST", body: JSON.stringify(settings) });
}

describe("fault settings", () => {
  test("from the environment, checked", () => {
    expect(
      faultSettingsFromEnv({
        FLOWSCOPE_FAULT_THROTTLE_RATE: "0.25",
        FLOWSCOPE_FAULT_LATENCY_MS: "40",
        FLOWSCOPE_FAULT_ACCESS_DENIED: "ec2:CreateFlowLogs, StartQuery",
        FLOWSCOPE_FAULT_SEED: "7",
      }),
    ).toEqual({
      throttleRate: 0.25,
      latencyMs: 40,
      queryFailRate: 0,
      accessDenied: ["ec2:CreateFlowLogs", "StartQuery"],
      seed: 7,
    });
    expect(() => parseFaultSettings({ throttleRate: 2 })).toThrow(/throttleRate/);
    expect(() => parseFaultSettings({ unknown: 1 })).toThrow();
  });

  test("a seed repeats the same draws", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  test("POST /_flowscope/faults replaces them; GET shows them; a bad body is 400", async () => {
    expect(await (await setFaults({ latencyMs: 5 })).json()).toMatchObject({ latencyMs: 5, throttleRate: 0 });
    expect(await (await fetch(`${h.emulator.url}/_flowscope/faults`)).json()).toMatchObject({ latencyMs: 5 });
    const bad = await setFaults({ throttleRate: -1 });
    expect(bad.status).toBe(400);
    expect(await (await setFaults({})).json()).toEqual({
      throttleRate: 0,
      latencyMs: 0,
      queryFailRate: 0,
      accessDenied: [],
    });
  });
});

describe("throttling", () => {
  test("each service answers with its own throttling error, which the SDK types", async () => {
    await setFaults({ throttleRate: 1 });
    const ec2 = await rejection(h.ec2.send(new DescribeVpcsCommand({})));
    expect(ec2.name).toBe("RequestLimitExceeded");
    expect(ec2.$metadata?.httpStatusCode).toBe(503);
    const logs = await rejection(h.logs.send(new DescribeLogGroupsCommand({})));
    expect(logs).toBeInstanceOf(ThrottlingException);
    expect(logs.$metadata?.httpStatusCode).toBe(400);
    const iam = await rejection(h.iam.send(new GetRoleCommand({ RoleName: "vpc-flow-logs-to-cwl" })));
    expect(iam.name).toBe("Throttling");
  });

  test("the SDK's default retry strategy gets through a throttled first attempt", async () => {
    // A seed whose first draw throttles and whose second does not.
    const seed = Array.from({ length: 1000 }, (_, i) => i).find((s) => {
      const random = seededRandom(s);
      return random() < 0.5 && random() >= 0.5;
    });
    await setFaults({ throttleRate: 0.5, seed });
    await fetch(`${h.emulator.url}/_flowscope/stats/reset`, { method: "POST" });
    const out = await h.clients().ec2.send(new DescribeVpcsCommand({}));
    expect(out.Vpcs?.length).toBeGreaterThan(0);
    expect(out.$metadata.attempts).toBe(2);
    const stats = await (await fetch(`${h.emulator.url}/_flowscope/stats`)).json();
    expect(stats).toEqual({ "ec2:DescribeVpcs": 2 });
  });
});

describe("other faults", () => {
  test("latency is added to every request", async () => {
    await setFaults({ latencyMs: 150 });
    const started = performance.now();
    await h.sts.send(new GetCallerIdentityCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  test("queries end in Failed at the query fail rate", async () => {
    await setFaults({ queryFailRate: 1 });
    const { queryId } = await h.logs.send(
      new StartQueryCommand({
        logGroupName: "/vpc/prod/flow-logs",
        startTime: 0,
        endTime: 2e9,
        queryString: "fields @message",
      }),
    );
    let status: string | undefined;
    for (
      let i = 0;
      i < 100 && (status === undefined || status === "Scheduled" || status === "Running");
      i++
    ) {
      await new Promise((r) => setTimeout(r, 20));
      status = (await h.logs.send(new GetQueryResultsCommand({ queryId }))).status;
    }
    expect(status).toBe("Failed");
  });

  test("listed actions are refused as AWS refuses a caller without permission", async () => {
    await setFaults({ accessDenied: ["ec2:CreateFlowLogs", "logs:*", "CreateRole"] });
    const ec2 = await rejection(
      h.ec2.send(
        new CreateFlowLogsCommand({ ResourceType: "VPC", ResourceIds: ["vpc-1"], TrafficType: "ALL" }),
      ),
    );
    expect(ec2.name).toBe("UnauthorizedOperation");
    expect(ec2.$metadata?.httpStatusCode).toBe(403);
    expect(ec2.message).toMatch(/not authorized to perform: ec2:CreateFlowLogs/);
    const logs = await rejection(h.logs.send(new DescribeLogGroupsCommand({})));
    expect(logs).toBeInstanceOf(AccessDeniedException);
    const iam = await rejection(
      h.iam.send(new CreateRoleCommand({ RoleName: "x", AssumeRolePolicyDocument: "{}" })),
    );
    expect(iam.name).toBe("AccessDenied");
    expect(iam.$metadata?.httpStatusCode).toBe(403);
    await expect(h.ec2.send(new DescribeVpcsCommand({}))).resolves.toBeDefined();
    await expect(h.iam.send(new GetRoleCommand({ RoleName: "vpc-flow-logs-to-cwl" }))).resolves.toBeDefined();
  });
});
