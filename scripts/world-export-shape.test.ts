import { describe, expect, it } from "vitest";
import { cliTimestamp, sortedBy, toCliShape, worldRole } from "./world-export-shape";

describe("toCliShape", () => {
  it("prints Dates as the AWS CLI does and leaves out what is undefined or null", () => {
    const sdk = {
      $metadata: { httpStatusCode: 200 },
      FlowLogId: "fl-1",
      CreationTime: new Date("2026-05-02T09:20:11.512Z"),
      DeliverLogsErrorMessage: undefined,
      Tags: [{ Key: "Name", Value: undefined }],
      Nested: { When: new Date("2026-05-02T09:14:03Z"), Gone: null, Count: 0, Flag: false },
    };
    expect(toCliShape(sdk)).toEqual({
      FlowLogId: "fl-1",
      CreationTime: "2026-05-02T09:20:11.512000+00:00",
      Tags: [{ Key: "Name" }],
      Nested: { When: "2026-05-02T09:14:03+00:00", Count: 0, Flag: false },
    });
  });

  it.each([
    ["2026-05-02T09:14:03.000Z", "2026-05-02T09:14:03+00:00"],
    ["2026-05-02T09:14:03.007Z", "2026-05-02T09:14:03.007000+00:00"],
  ])("cliTimestamp %s", (iso, cli) => {
    expect(cliTimestamp(new Date(iso))).toBe(cli);
  });
});

describe("worldRole", () => {
  it("decodes the URL-encoded trust policy to JSON, as `aws iam get-role` prints it", () => {
    const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole" }] };
    const role = worldRole({
      RoleName: "r",
      Path: "/",
      RoleId: "AROAEXAMPLE",
      Arn: "arn:aws:iam::123456789012:role/r",
      CreateDate: new Date("2026-01-01T00:00:00Z"),
      AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(policy)),
    });
    expect(role.AssumeRolePolicyDocument).toEqual(policy);
    expect(role.CreateDate).toBe("2026-01-01T00:00:00+00:00");
  });

  it("keeps a policy that is not JSON as the text IAM gave", () => {
    const role = { RoleName: "r", Path: "/", RoleId: "AROAEXAMPLE", Arn: "arn", CreateDate: new Date(0) };
    expect(worldRole({ ...role, AssumeRolePolicyDocument: "%7Bnot" }).AssumeRolePolicyDocument).toBe(
      "%7Bnot",
    );
  });
});

describe("sortedBy", () => {
  it("sorts a copy by a string key, missing keys first", () => {
    const items = [{ id: "b" }, { id: "a" }, {}];
    expect(sortedBy(items, (i: { id?: string }) => i.id)).toEqual([{}, { id: "a" }, { id: "b" }]);
    expect(items[0]).toEqual({ id: "b" });
  });
});
