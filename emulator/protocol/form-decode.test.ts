import {
  DescribeInstancesRequest$,
  DescribeVpcsRequest$,
  GetManagedPrefixListEntriesRequest$,
} from "@aws-sdk/client-ec2";
import { describe, expect, test } from "vitest";
import { decodeQueryInput } from "./form-decode";

const decode = (schema: typeof DescribeVpcsRequest$, body: string) =>
  decodeQueryInput(schema, new URLSearchParams(body));

describe("decodeQueryInput (EC2 query)", () => {
  test.each([
    ["", {}],
    ["VpcId.1=vpc-a&VpcId.2=vpc-b", { VpcIds: ["vpc-a", "vpc-b"] }],
    ["VpcId.2=vpc-b&VpcId.10=vpc-j&VpcId.1=vpc-a", { VpcIds: ["vpc-a", "vpc-b", "vpc-j"] }],
    [
      "Filter.1.Name=vpc-id&Filter.1.Value.1=a&Filter.1.Value.2=b&Filter.2.Name=state&Filter.2.Value.1=available",
      {
        Filters: [
          { Name: "vpc-id", Values: ["a", "b"] },
          { Name: "state", Values: ["available"] },
        ],
      },
    ],
    ["MaxResults=5&NextToken=abc&DryRun=false", { MaxResults: 5, NextToken: "abc", DryRun: false }],
    ["Unknown=1&Filter.x.Name=ignored", { Filters: [] }],
  ])("%s", (body, expected) => {
    expect(decode(DescribeVpcsRequest$, body)).toEqual(expected);
  });

  test("instance ids use the ec2QueryName", () => {
    expect(decode(DescribeInstancesRequest$, "InstanceId.1=i-1")).toEqual({ InstanceIds: ["i-1"] });
  });

  test("scalars keep their type", () => {
    expect(decode(GetManagedPrefixListEntriesRequest$, "PrefixListId=pl-1&TargetVersion=3")).toEqual({
      PrefixListId: "pl-1",
      TargetVersion: 3,
    });
  });

  test.each(["MaxResults=five", "MaxResults=", "DryRun=yes"])("%s is InvalidParameterValue", (body) => {
    expect(() => decode(DescribeVpcsRequest$, body)).toThrow(
      expect.objectContaining({ code: "InvalidParameterValue" }),
    );
  });
});
