import { DescribeFlowLogsCommand, EC2Client, type FlowLog } from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { describe, expect, it } from "vitest";
import { loadFlowLogScope, ScopeNotFoundError } from "./flow-log-scope";
import type { VpcInventory } from "./vpc-inventory";

const VPC = "vpc-00000000000000001";
const hex = (n: number) => n.toString(16).padStart(17, "0");
const eniId = (n: number) => `eni-${hex(n)}`;

function inventory(interfaces: number): VpcInventory {
  return {
    vpc: { VpcId: VPC, Tags: [{ Key: "Name", Value: "prod" }] },
    vpcs: [{ VpcId: VPC }],
    subnets: [
      { SubnetId: "subnet-00000000000000001", VpcId: VPC, Tags: [{ Key: "Name", Value: "prod-a" }] },
      { SubnetId: "subnet-00000000000000002", VpcId: VPC },
    ],
    interfaces: Array.from({ length: interfaces }, (_, i) => ({
      NetworkInterfaceId: eniId(i + 1),
      VpcId: VPC,
      SubnetId: i % 2 === 0 ? "subnet-00000000000000001" : "subnet-00000000000000002",
    })),
    instances: [],
  };
}

function mocked(flowLogs: FlowLog[]) {
  const ec2 = new EC2Client({ region: "us-east-1" });
  const mock = mockClient(ec2);
  mock.on(DescribeFlowLogsCommand).callsFake((input: { Filter?: { Values?: string[] }[] }) => {
    const ids = new Set(input.Filter?.[0]?.Values ?? []);
    return { FlowLogs: flowLogs.filter((log) => ids.has(log.ResourceId ?? "")) };
  });
  const calls = () =>
    mock.commandCalls(DescribeFlowLogsCommand).map((c) => c.args[0].input.Filter?.[0]?.Values ?? []);
  return { ec2, calls };
}

const vpcLog: FlowLog = {
  FlowLogId: "fl-vpc",
  ResourceId: VPC,
  TrafficType: "ACCEPT",
  LogDestinationType: "cloud-watch-logs",
  LogGroupName: "/vpc",
  FlowLogStatus: "ACTIVE",
};
const eniLog: FlowLog = {
  ...vpcLog,
  FlowLogId: "fl-eni",
  ResourceId: eniId(3),
  TrafficType: "ALL",
  LogGroupName: "/eni",
};

describe("loadFlowLogScope", () => {
  it("asks for the VPC, its subnets and interfaces in batches of 200 resource ids", async () => {
    // prepare
    const { ec2, calls } = mocked([vpcLog, eniLog]);
    // act
    const scope = await loadFlowLogScope(ec2, inventory(450), { vpcId: VPC });
    // assess
    expect(calls().map((values) => values.length)).toEqual([200, 200, 53]);
    expect(calls()[0]?.slice(0, 3)).toEqual([VPC, "subnet-00000000000000001", "subnet-00000000000000002"]);
    expect(scope.level).toBe("vpc");
    expect(scope.flowLogs.map((l) => l.id).sort()).toEqual(["fl-eni", "fl-vpc"]);
    expect(scope.uses.map((u) => [u.flowLog.id, u.interfaceIds.length])).toEqual([
      ["fl-vpc", 449],
      ["fl-eni", 1],
    ]);
    expect(scope.warnings).toEqual([
      "An ACCEPT-only flow log (fl-vpc) covers prod (449 interfaces): rejected traffic there is invisible.",
    ]);
  });

  it("narrows to a subnet and to an interface", async () => {
    const { ec2 } = mocked([vpcLog, eniLog]);
    const subnet = await loadFlowLogScope(ec2, inventory(6), {
      vpcId: VPC,
      subnetId: "subnet-00000000000000001",
    });
    expect([subnet.level, subnet.interfaces.map((e) => e.id)]).toEqual([
      "subnet",
      [eniId(1), eniId(3), eniId(5)],
    ]);
    const eni = await loadFlowLogScope(ec2, inventory(6), { vpcId: VPC, eniId: eniId(3) });
    expect([eni.level, eni.uses.map((u) => u.flowLog.id), eni.warnings]).toEqual([
      "interface",
      ["fl-eni"],
      [],
    ]);
  });

  it("lists interfaces that no flow log covers", async () => {
    const { ec2 } = mocked([]);
    const scope = await loadFlowLogScope(ec2, inventory(2), { vpcId: VPC });
    expect(scope.uncovered.map((e) => e.id)).toEqual([eniId(1), eniId(2)]);
  });

  it.each([
    ["a subnet of another VPC", { subnetId: "subnet-0000000000000000f" }, "subnet"],
    ["an interface of another VPC", { eniId: eniId(99) }, "eni"],
  ])("rejects %s with ScopeNotFoundError", async (_, over, field) => {
    const { ec2 } = mocked([]);
    const error = await loadFlowLogScope(ec2, inventory(2), { vpcId: VPC, ...over }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScopeNotFoundError);
    expect(error).toMatchObject({ field });
  });
});
