import {
  CreateRoleCommand,
  EntityAlreadyExistsException,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListRolesCommand,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutRolePolicyCommand,
  paginateListRoles,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type AwsHarness, rejection, startAwsHarness } from "../../test-support/aws-harness";

const TRUST = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { Service: "vpc-flow-logs.amazonaws.com" }, Action: "sts:AssumeRole" },
  ],
};
const PERMISSIONS = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: "*" }],
};

let h: AwsHarness;
beforeAll(async () => {
  h = await startAwsHarness();
});
afterAll(() => h.close());

describe("IAM roles", () => {
  test("GetRole returns the world's role with its trust policy URL-encoded, as AWS does", async () => {
    const { Role } = await h.iam.send(new GetRoleCommand({ RoleName: "vpc-flow-logs-to-cwl" }));
    expect(Role).toMatchObject({
      RoleName: "vpc-flow-logs-to-cwl",
      Path: "/",
      RoleId: "AROAEXAMPLEFLOWLOGS01",
      Arn: "arn:aws:iam::123456789012:role/vpc-flow-logs-to-cwl",
      MaxSessionDuration: 3600,
    });
    expect(Role?.CreateDate).toEqual(new Date("2026-05-01T08:00:00Z"));
    expect(Role?.AssumeRolePolicyDocument).toMatch(/^%7B%22Version%22/);
    expect(JSON.parse(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? ""))).toEqual(TRUST);
  });

  test("CreateRole → GetRole → ListRoles round trip, answered whatever the signing region", async () => {
    const document = JSON.stringify(TRUST);
    const created = await h.iam.send(
      new CreateRoleCommand({
        RoleName: "flowscope-delivery",
        Path: "/service-role/",
        AssumeRolePolicyDocument: document,
        Description: "made by a test",
        Tags: [{ Key: "app", Value: "flowscope" }],
      }),
    );
    expect(created.Role).toMatchObject({
      Arn: "arn:aws:iam::123456789012:role/service-role/flowscope-delivery",
      Path: "/service-role/",
      Description: "made by a test",
      Tags: [{ Key: "app", Value: "flowscope" }],
    });
    expect(created.Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(decodeURIComponent(created.Role?.AssumeRolePolicyDocument ?? "")).toBe(document);
    const west = h.clients({ region: "eu-west-1", maxAttempts: 1 }).iam;
    const fetched = await west.send(new GetRoleCommand({ RoleName: "flowscope-delivery" }));
    expect(fetched.Role).toEqual(created.Role);
    const listed = await h.iam.send(new ListRolesCommand({ PathPrefix: "/service-role/" }));
    expect(listed.Roles?.map((r) => r.RoleName)).toEqual(["flowscope-delivery"]);
    expect(listed.IsTruncated).toBe(false);
  });

  test("ListRoles pages with Marker and MaxItems", async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListRoles({ client: h.iam, pageSize: 1 }, {})) {
      pages++;
      names.push(...(page.Roles ?? []).map((r) => r.RoleName ?? ""));
    }
    expect(names.slice(0, 2)).toEqual(["vpc-flow-logs-to-cwl", "flowscope-delivery"]);
    expect(pages).toBe(names.length);
  });

  test("errors: EntityAlreadyExists, MalformedPolicyDocument, NoSuchEntity, ValidationError", async () => {
    const document = JSON.stringify(TRUST);
    const twice = await rejection(
      h.iam.send(
        new CreateRoleCommand({ RoleName: "vpc-flow-logs-to-cwl", AssumeRolePolicyDocument: document }),
      ),
    );
    expect(twice).toBeInstanceOf(EntityAlreadyExistsException);
    expect(twice.message).toBe("Role with name vpc-flow-logs-to-cwl already exists.");
    expect(twice.$metadata?.httpStatusCode).toBe(409);
    const malformed = await rejection(
      h.iam.send(new CreateRoleCommand({ RoleName: "r2", AssumeRolePolicyDocument: "{not json" })),
    );
    expect(malformed).toBeInstanceOf(MalformedPolicyDocumentException);
    const missing = await rejection(h.iam.send(new GetRoleCommand({ RoleName: "nobody" })));
    expect(missing).toBeInstanceOf(NoSuchEntityException);
    expect(missing.message).toBe("The role with name nobody cannot be found.");
    const invalid = await rejection(h.iam.send(new GetRoleCommand({ RoleName: "bad name" })));
    expect(invalid.name).toBe("ValidationError");
  });

  test("CreateRole accepts a URL-encoded policy document", async () => {
    const encoded = encodeURIComponent(JSON.stringify(TRUST));
    await h.iam.send(new CreateRoleCommand({ RoleName: "encoded-trust", AssumeRolePolicyDocument: encoded }));
    const { Role } = await h.iam.send(new GetRoleCommand({ RoleName: "encoded-trust" }));
    expect(JSON.parse(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? ""))).toEqual(TRUST);
  });
});

describe("inline role policies", () => {
  test("PutRolePolicy → GetRolePolicy round trip, URL-encoded", async () => {
    const document = JSON.stringify(PERMISSIONS);
    await h.iam.send(
      new PutRolePolicyCommand({
        RoleName: "vpc-flow-logs-to-cwl",
        PolicyName: "deliver",
        PolicyDocument: document,
      }),
    );
    const out = await h.iam.send(
      new GetRolePolicyCommand({ RoleName: "vpc-flow-logs-to-cwl", PolicyName: "deliver" }),
    );
    expect(out).toMatchObject({ RoleName: "vpc-flow-logs-to-cwl", PolicyName: "deliver" });
    expect(decodeURIComponent(out.PolicyDocument ?? "")).toBe(document);
  });

  test("NoSuchEntity for a missing role or policy; MalformedPolicyDocument for bad JSON", async () => {
    const put = (RoleName: string, PolicyDocument: string) =>
      h.iam.send(new PutRolePolicyCommand({ RoleName, PolicyName: "p", PolicyDocument }));
    expect(await rejection(put("nobody", JSON.stringify(PERMISSIONS)))).toBeInstanceOf(NoSuchEntityException);
    expect(await rejection(put("vpc-flow-logs-to-cwl", "[]"))).toBeInstanceOf(
      MalformedPolicyDocumentException,
    );
    const missing = await rejection(
      h.iam.send(new GetRolePolicyCommand({ RoleName: "vpc-flow-logs-to-cwl", PolicyName: "nope" })),
    );
    expect(missing).toBeInstanceOf(NoSuchEntityException);
    expect(missing.message).toBe("The role policy with name nope cannot be found.");
  });
});
