import { describe, expect, it } from "vitest";
import { deliveryPolicy, roleSuitability, trustPolicy } from "./policies";

const ctx = { accountId: "123456789012", region: "us-east-1" };
const doc = (statement: object) =>
  encodeURIComponent(JSON.stringify({ Version: "2012-10-17", Statement: [statement] }));
const arn = "arn:aws:iam::123456789012:role/r";

describe("policies", () => {
  it("trust: vpc-flow-logs only, guarded by source account and ARN", () => {
    expect(trustPolicy(ctx).Statement[0]).toEqual({
      Effect: "Allow",
      Principal: { Service: "vpc-flow-logs.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: {
        StringEquals: { "aws:SourceAccount": "123456789012" },
        ArnLike: { "aws:SourceArn": "arn:aws:ec2:us-east-1:123456789012:vpc-flow-log/*" },
      },
    });
  });
  it("permissions: four actions on one log group and its streams", () => {
    expect(deliveryPolicy(ctx, "/g").Statement[0]).toMatchObject({
      Action: [
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "logs:DescribeLogGroups",
        "logs:DescribeLogStreams",
      ],
      Resource: [
        "arn:aws:logs:us-east-1:123456789012:log-group:/g",
        "arn:aws:logs:us-east-1:123456789012:log-group:/g:*",
      ],
    });
  });
});

describe("roleSuitability", () => {
  it.each([
    [
      "the wizard's own trust policy",
      encodeURIComponent(JSON.stringify(trustPolicy(ctx))),
      arn,
      true,
      undefined,
    ],
    [
      "the reference's plain trust policy",
      doc({
        Effect: "Allow",
        Principal: { Service: "vpc-flow-logs.amazonaws.com" },
        Action: "sts:AssumeRole",
      }),
      arn,
      true,
      undefined,
    ],
    [
      "a list of services",
      doc({
        Effect: "Allow",
        Principal: { Service: ["ec2.amazonaws.com", "vpc-flow-logs.amazonaws.com"] },
        Action: ["sts:AssumeRole"],
      }),
      arn,
      true,
      undefined,
    ],
    [
      "an instance role",
      doc({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }),
      arn,
      false,
      /trusts ec2.amazonaws.com, not vpc-flow-logs/,
    ],
    [
      "a deny",
      doc({
        Effect: "Deny",
        Principal: { Service: "vpc-flow-logs.amazonaws.com" },
        Action: "sts:AssumeRole",
      }),
      arn,
      false,
      /denies/,
    ],
    [
      "another account's source",
      doc({
        Effect: "Allow",
        Principal: { Service: "vpc-flow-logs.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": "210987654321" } },
      }),
      arn,
      false,
      /account 210987654321/,
    ],
    [
      "a role of another account",
      doc({
        Effect: "Allow",
        Principal: { Service: "vpc-flow-logs.amazonaws.com" },
        Action: "sts:AssumeRole",
      }),
      "arn:aws:iam::210987654321:role/r",
      false,
      /this account/,
    ],
    ["garbage", "%%%not json", arn, false, /could not be read/],
  ])("%s", (_, document, roleArn, suitable, reason) => {
    const result = roleSuitability({ Arn: roleArn, AssumeRolePolicyDocument: document }, ctx);
    expect(result.suitable).toBe(suitable);
    if (!result.suitable && reason) expect(result.reason).toMatch(reason);
  });
});
