import { describe, expect, test } from "vitest";
import { endOptions } from "./pickers";
import type { DiagnosisTopology } from "./verdict";

const t: DiagnosisTopology = {
  Reservations: [
    {
      Instances: [
        { InstanceId: "i-1", PrivateIpAddress: "10.0.1.5", Tags: [{ Key: "Name", Value: "web-1" }] },
        { InstanceId: "i-2" },
      ],
    },
  ],
  NetworkInterfaces: [
    { NetworkInterfaceId: "eni-a", PrivateIpAddress: "10.0.1.5", Attachment: { InstanceId: "i-1" } },
    { NetworkInterfaceId: "eni-b", PrivateIpAddress: "10.0.0.9", Description: "ELB app/prod-alb/1" },
    { NetworkInterfaceId: "eni-c", Description: "extra", Attachment: { InstanceId: "i-1" } },
  ],
};

describe("endOptions", () => {
  test("internet, instances by Name and id, interfaces by description or instance and IP", () => {
    expect(endOptions(t)).toEqual([
      { value: "internet", label: "any host on the internet" },
      { value: "i-1", label: "web-1 · instance · 10.0.1.5" },
      { value: "i-2", label: "instance" },
      { value: "eni-a", label: "web-1 (i-1) · 10.0.1.5" },
      { value: "eni-b", label: "ELB app/prod-alb/1 · 10.0.0.9" },
      { value: "eni-c", label: "extra · web-1 (i-1)" },
    ]);
  });
  test("an empty topology still offers the internet", () => {
    expect(endOptions({})).toEqual([{ value: "internet", label: "any host on the internet" }]);
  });
});
