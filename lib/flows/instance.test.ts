import { describe, expect, test } from "vitest";
import { checkExpertFilter } from "@/lib/insights/expert-filter";
import { expertWithInstance, resolveInstance, withInstance } from "./instance";

const inventory = {
  instances: [
    { InstanceId: "i-0aaa", Tags: [{ Key: "Name", Value: "web" }] },
    { InstanceId: "i-0bbb", Tags: [{ Key: "Name", Value: "twin" }] },
    { InstanceId: "i-0ccc", Tags: [{ Key: "Name", Value: "twin" }] },
    { InstanceId: "i-0ddd" },
  ],
  interfaces: [
    { NetworkInterfaceId: "eni-1", Attachment: { InstanceId: "i-0aaa" } },
    { NetworkInterfaceId: "eni-2", Attachment: { InstanceId: "i-0aaa" } },
    { NetworkInterfaceId: "eni-3", Attachment: { InstanceId: "i-0bbb" } },
  ],
};

describe("resolveInstance", () => {
  test.each([
    ["i-0aaa", ["eni-1", "eni-2"]],
    ["web", ["eni-1", "eni-2"]],
    ["i-0bbb", ["eni-3"]],
  ])("%s → %j", (text, ids) => {
    expect(resolveInstance(inventory, text, "vpc-1")).toMatchObject({ ok: true, interfaceIds: ids });
  });

  test.each([
    ["i-0zzz", /No instance i-0zzz in vpc-1/],
    ["nobody", /No instance nobody/],
    ["twin", /2 instances .* named twin/],
    ["i-0ddd", /no interfaces/],
  ])("%s is refused", (text, message) => {
    const resolved = resolveInstance(inventory, text, "vpc-1");
    expect(resolved.ok ? "" : resolved.message).toMatch(message);
  });
});

describe("withInstance", () => {
  test("ANDs the interfaces with the user's expression, and the result passes the checker", () => {
    const text = withInstance("dstPort = 22 or dstPort = 23", ["eni-1", "eni-2"]);
    expect(text).toBe('(dstPort = 22 or dstPort = 23) and interfaceId in ["eni-1", "eni-2"]');
    expect(checkExpertFilter(text).ok).toBe(true);
    expect(withInstance(undefined, ["eni-1"])).toBe('interfaceId in ["eni-1"]');
  });
});

describe("expertWithInstance", () => {
  test.each([
    [{ vpc: "vpc-1" }, { ok: true, expert: undefined }],
    [
      { vpc: "vpc-1", q: "dstPort = 22" },
      { ok: true, expert: "dstPort = 22" },
    ],
    [
      { vpc: "vpc-1", q: "dstPort = 22", instance: "web" },
      { ok: true, expert: '(dstPort = 22) and interfaceId in ["eni-1", "eni-2"]' },
    ],
    [
      { vpc: "vpc-1", instance: "twin" },
      { ok: false, event: { type: "error", field: "instance", code: "instance_not_found" } },
    ],
    [
      { vpc: "vpc-1", instance: "nope" },
      { ok: false, event: { field: "instance", message: "No instance nope in vpc-1." } },
    ],
  ])("%j", (request, expected) => {
    expect(expertWithInstance(inventory, request)).toMatchObject(expected);
  });
});
