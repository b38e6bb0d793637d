import { describe, expect, test } from "vitest";
import { computeCoverage, type FlowLogRef, trafficOf } from "./coverage";
import type { RawTopology } from "./types";

const world: RawTopology = {
  Vpcs: [
    {
      VpcId: "vpc-a",
      CidrBlock: "10.0.0.0/16",
      CidrBlockAssociationSet: [
        { CidrBlock: "10.0.0.0/16", CidrBlockState: { State: "associated" } },
        { CidrBlock: "100.64.0.0/16", CidrBlockState: { State: "associated" } },
        { CidrBlock: "192.168.0.0/16", CidrBlockState: { State: "disassociated" } },
      ],
      Tags: [{ Key: "Name", Value: "prod" }],
    },
    { VpcId: "vpc-b", CidrBlock: "10.1.0.0/16" },
  ],
  Subnets: [
    {
      SubnetId: "subnet-a1",
      VpcId: "vpc-a",
      CidrBlock: "10.0.1.0/24",
      Tags: [{ Key: "Name", Value: "public-a" }],
    },
    { SubnetId: "subnet-b1", VpcId: "vpc-b", CidrBlock: "10.1.1.0/24" },
    { SubnetId: "subnet-b2", VpcId: "vpc-b", CidrBlock: "10.1.2.0/24" },
  ],
  NetworkInterfaces: [
    { NetworkInterfaceId: "eni-a1", SubnetId: "subnet-a1", Attachment: { InstanceId: "i-web" } },
    { NetworkInterfaceId: "eni-b1", SubnetId: "subnet-b1", InterfaceType: "natGateway", Description: "NAT" },
    { NetworkInterfaceId: "eni-b2", SubnetId: "subnet-b2" },
    { NetworkInterfaceId: "eni-b3", SubnetId: "subnet-b2" },
  ],
  Reservations: [{ Instances: [{ InstanceId: "i-web", Tags: [{ Key: "Name", Value: "web-1" }] }] }],
  FlowLogs: [
    {
      FlowLogId: "fl-vpc",
      ResourceId: "vpc-a",
      TrafficType: "ALL",
      FlowLogStatus: "ACTIVE",
      LogGroupName: "/g",
    },
    { FlowLogId: "fl-sub", ResourceId: "subnet-b1", TrafficType: "REJECT", FlowLogStatus: "ACTIVE" },
    { FlowLogId: "fl-eni", ResourceId: "eni-b2", TrafficType: "ACCEPT", DeliverLogsStatus: "FAILED" },
    { FlowLogId: "fl-eni2", ResourceId: "eni-b2", TrafficType: "REJECT" },
    { FlowLogId: "fl-tgw", ResourceId: "tgw-1", TrafficType: "ALL" },
  ],
};

const ref = (trafficType: string, active = true): FlowLogRef => ({
  flowLogId: "fl",
  level: "vpc",
  resourceId: "vpc",
  trafficType,
  active,
  deliveryFailed: false,
  destination: "g",
});

describe("trafficOf", () => {
  test.each([
    { refs: [], expected: "NONE" },
    { refs: [ref("ALL")], expected: "ALL" },
    { refs: [ref("ACCEPT")], expected: "ACCEPT" },
    { refs: [ref("REJECT")], expected: "REJECT" },
    { refs: [ref("ACCEPT"), ref("REJECT")], expected: "ALL" },
    { refs: [ref("ALL", false)], expected: "NONE" },
    { refs: [ref("ALL", false), ref("REJECT")], expected: "REJECT" },
    { refs: [{ ...ref("ALL"), deliveryFailed: true }], expected: "NONE" },
    { refs: [{ ...ref("ALL"), deliveryFailed: true }, ref("ACCEPT")], expected: "ACCEPT" },
  ])("$expected from $refs.length refs", ({ refs, expected }) => {
    expect(trafficOf(refs)).toBe(expected);
  });
});

describe("computeCoverage", () => {
  const [a, b] = computeCoverage(world);

  test("VPC level flow log covers every subnet and interface of its VPC", () => {
    expect(a?.name).toBe("prod");
    expect(a?.cidrs).toEqual(["10.0.0.0/16", "100.64.0.0/16"]);
    expect(a?.traffic).toBe("ALL");
    expect(a?.subnets[0]?.traffic).toBe("ALL");
    expect(a?.subnets[0]?.interfaces[0]).toMatchObject({ id: "eni-a1", label: "web-1", traffic: "ALL" });
    expect(a?.counts).toEqual({ subnetsCovered: 1, interfacesCovered: 1, interfacesPartial: 0 });
  });

  test.each([
    { subnet: "subnet-b1", traffic: "REJECT" },
    { subnet: "subnet-b2", traffic: "NONE" },
  ])("subnet $subnet records $traffic", ({ subnet, traffic }) => {
    expect(b?.subnets.find((s) => s.id === subnet)?.traffic).toBe(traffic);
  });

  test.each([
    { eni: "eni-b1", traffic: "REJECT", label: "NAT" },
    { eni: "eni-b2", traffic: "REJECT", label: "interface" }, // its ACCEPT log FAILED: only REJECT is recorded
    { eni: "eni-b3", traffic: "NONE", label: "interface" },
  ])("interface $eni records $traffic", ({ eni, traffic, label }) => {
    const found = b?.subnets.flatMap((s) => s.interfaces).find((i) => i.id === eni);
    expect(found).toMatchObject({ traffic, label });
  });

  test("unnamed VPC with partial coverage is counted honestly", () => {
    expect(b?.name).toBeUndefined();
    expect(b?.traffic).toBe("NONE");
    expect(b?.interfaceCount).toBe(3);
    expect(b?.counts).toEqual({ subnetsCovered: 1, interfacesCovered: 0, interfacesPartial: 2 });
  });

  test("a failed delivery is flagged on the reference", () => {
    const eni = b?.subnets[1]?.interfaces[0];
    expect(eni?.flowLogs.find((f) => f.flowLogId === "fl-eni")?.deliveryFailed).toBe(true);
  });

  test("an empty account has no VPCs", () => {
    expect(
      computeCoverage({ Vpcs: [], Subnets: [], NetworkInterfaces: [], Reservations: [], FlowLogs: [] }),
    ).toEqual([]);
  });
});
