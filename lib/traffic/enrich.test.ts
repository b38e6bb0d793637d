import { describe, expect, it } from "vitest";
import { buildEnrichmentIndex } from "./enrich";

const index = buildEnrichmentIndex({
  vpcs: [
    { VpcId: "vpc-1", CidrBlock: "10.0.0.0/16", Tags: [{ Key: "Name", Value: "prod" }] },
    { VpcId: "vpc-2", CidrBlock: "10.1.0.0/16" },
  ],
  subnets: [
    {
      SubnetId: "subnet-a",
      VpcId: "vpc-1",
      CidrBlock: "10.0.1.0/24",
      Tags: [{ Key: "Name", Value: "prod-public-a" }],
    },
  ],
  interfaces: [
    {
      NetworkInterfaceId: "eni-web",
      SubnetId: "subnet-a",
      PrivateIpAddress: "10.0.1.10",
      Association: { PublicIp: "54.1.2.3" },
      Attachment: { InstanceId: "i-0123456789abcdef0" },
    },
    {
      NetworkInterfaceId: "eni-nat",
      SubnetId: "subnet-a",
      PrivateIpAddress: "10.0.1.5",
      Description: "Interface for NAT Gateway nat-1",
    },
  ],
  instances: [
    {
      InstanceId: "i-0123456789abcdef0",
      InstanceType: "t3.small",
      Tags: [{ Key: "Name", Value: "prod-web-1" }],
    },
  ],
});

describe("buildEnrichmentIndex", () => {
  it.each([
    [
      "the instance behind a private address",
      "10.0.1.10",
      undefined,
      "instance",
      "prod-web-1 (i-0123456789…, t3.small) in prod-public-a",
    ],
    [
      "the instance behind its public address",
      "54.1.2.3",
      undefined,
      "instance",
      "prod-web-1 (i-0123456789…, t3.small) in prod-public-a",
    ],
    [
      "an interface without an instance",
      "10.0.1.5",
      undefined,
      "interface",
      "Interface for NAT Gateway nat-1 (eni-nat) in prod-public-a",
    ],
    ["a free address of a subnet", "10.0.1.99", undefined, "subnet", "prod-public-a"],
    ["an address of another VPC", "10.1.2.3", undefined, "vpc", "vpc-2"],
    ["a public address outside the account", "198.51.100.7", undefined, "internet", "internet"],
    [
      "a private address outside the VPCs",
      "192.168.1.1",
      undefined,
      "unknown",
      "private address outside the account's VPCs",
    ],
    ["an AWS service the record names", "52.216.1.1", "S3", "aws-service", "Amazon S3"],
    [
      "an AWS service code without a friendly name",
      "3.5.1.1",
      "KINESIS_VIDEO_STREAMS",
      "aws-service",
      "KINESIS_VIDEO_STREAMS",
    ],
  ])("labels %s", (_, ip, service, kind, label) => {
    expect(index.address(ip, service)).toMatchObject({ kind, label });
  });

  it("labels an interface by id, and an unknown id as itself", () => {
    expect(index.interface("eni-web")).toMatchObject({ kind: "instance", resourceId: "i-0123456789abcdef0" });
    expect(index.interface("eni-gone")).toEqual({
      label: "eni-gone",
      kind: "interface",
      resourceId: "eni-gone",
    });
  });
});
