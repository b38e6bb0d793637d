import { DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Harness, loadSmallWorld, startHarness } from "./test-support/ec2-harness";
import type { World } from "./world/types";

const world = loadSmallWorld();
const lines: string[] = [];
let h: Harness;
beforeAll(async () => {
  h = await startHarness(world);
});
afterAll(() => h.emulator.close());

const ec2Auth = (region: string) =>
  `AWS4-HMAC-SHA256 Credential=AKID/20260501/${region}/ec2/aws4_request, SignedHeaders=host, Signature=00`;
const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(h.emulator.url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8", ...headers },
    body,
  });
const code = (xml: string) => /<Code>([^<]*)<\/Code>/.exec(xml)?.[1];

describe("control endpoints", () => {
  test("health names the account and region", async () => {
    const res = await fetch(`${h.emulator.url}/_flowscope/health`);
    expect(await res.json()).toEqual({ ok: true, accountId: "123456789012", region: "us-east-1" });
  });

  test("stats count calls per service:Action and reset", async () => {
    await fetch(`${h.emulator.url}/_flowscope/stats/reset`, { method: "POST" });
    await h.ec2.send(new DescribeVpcsCommand({}));
    await h.ec2.send(new DescribeVpcsCommand({}));
    await h.sts.send(new GetCallerIdentityCommand({}));
    const stats = await (await fetch(`${h.emulator.url}/_flowscope/stats`)).json();
    expect(stats).toEqual({ "ec2:DescribeVpcs": 2, "sts:GetCallerIdentity": 1 });
    await fetch(`${h.emulator.url}/_flowscope/stats/reset`, { method: "POST" });
    expect(await (await fetch(`${h.emulator.url}/_flowscope/stats`)).json()).toEqual({});
  });
});

describe("STS GetCallerIdentity", () => {
  test.each(["us-east-1", "ap-southeast-2"])(
    "answers the world's account when signed for %s",
    async (region) => {
      const identity = await h.clientsFor(region).sts.send(new GetCallerIdentityCommand({}));
      expect(identity).toMatchObject({
        Account: "123456789012",
        Arn: "arn:aws:iam::123456789012:user/flowscope-emulator",
        UserId: "AIDAFLOWSCOPEEMULATOR",
      });
    },
  );
});

describe("EC2 query protocol", () => {
  test("an unsigned request is routed by its Action, in the world's region", async () => {
    const res = await post("Action=DescribeVpcs&Version=2016-11-15&VpcId.1=vpc-0a1b2c3d4e5f60002");
    const xml = await res.text();
    expect(res.status).toBe(200);
    expect(xml).toMatch(
      /^<\?xml[^>]*>\n<DescribeVpcsResponse xmlns="http:\/\/ec2.amazonaws.com\/doc\/2016-11-15\/">/,
    );
    expect(xml).toContain("<requestId>");
    expect(xml).toContain("<vpcSet><item>");
    expect(xml.match(/<vpcId>/g)).toHaveLength(1);
  });

  test.each([
    ["Version=2016-11-15", "MissingAction"],
    ["Action=DescribeVpcs", "MissingParameter"],
    ["Action=DescribeVpcs&Version=2014-01-01", "NoSuchVersion"],
    ["Action=DescribeVpcs&Version=2016-11-15&MaxResults=many", "InvalidParameterValue"],
    ["Action=RunInstances&Version=2016-11-15", "InvalidAction"],
  ])("%s is answered with %s in EC2's error shape", async (body, expected) => {
    const res = await post(body, { authorization: ec2Auth("us-east-1") });
    const xml = await res.text();
    expect(res.status).toBe(400);
    expect(code(xml)).toBe(expected);
    expect(xml).toMatch(
      /^<\?xml[^>]*>\n<Response><Errors><Error><Code>[^<]+<\/Code><Message>[^<]+<\/Message><\/Error><\/Errors><RequestID>/,
    );
  });

  test("a service the emulator does not know gets an error in its protocol", async () => {
    const json = await fetch(h.emulator.url, {
      method: "POST",
      headers: {
        "x-amz-target": "Kinesis_20131202.ListStreams",
        "content-type": "application/x-amz-json-1.1",
      },
      body: "{}",
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ __type: "UnknownOperationException" });
    const query = await post("Action=ListQueues&Version=2012-11-05");
    expect(code(await query.text())).toBe("InvalidAction");
  });
});

describe("serialization", () => {
  const withVpc = (patch: Record<string, unknown>): World => {
    const [first, ...rest] = world.ec2?.Vpcs ?? [];
    return { ...world, ec2: { Vpcs: [{ ...first, ...patch }, ...rest] } };
  };

  test("text is XML-escaped and comes back intact", async () => {
    const odd = `a<b & c>"d" 'e' ]]> \u00e9\u4e2d`;
    const local = await startHarness(withVpc({ Tags: [{ Key: "Name", Value: odd }] }));
    const out = await local.ec2.send(
      new DescribeVpcsCommand({ Filters: [{ Name: "tag:Name", Values: [odd] }] }),
    );
    await local.emulator.close();
    expect(out.Vpcs?.[0]?.Tags).toEqual([{ Key: "Name", Value: odd }]);
  });

  test("a world value that does not fit the shape is an InternalError naming its path", async () => {
    const local = await startHarness(withVpc({ IsDefault: "yes" }));
    const error = await local.ec2.send(new DescribeVpcsCommand({})).catch((e: unknown) => e);
    await local.emulator.close();
    expect(error).toMatchObject({ name: "InternalError", $metadata: { httpStatusCode: 500 } });
    expect((error as Error).message).toContain("Vpcs[0].IsDefault");
  });

  test("every request is logged in one line", async () => {
    const { startEmulator } = await import("./server");
    const local = await startEmulator({ world, port: 0, log: (line) => lines.push(line) });
    await fetch(local.url, {
      method: "POST",
      body: "Action=DescribeVpcs&Version=2016-11-15",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    await local.close();
    expect(lines).toEqual([expect.stringMatching(/^POST ec2:DescribeVpcs 200 \d+ms$/)]);
  });
});
