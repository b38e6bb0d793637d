import { describe, expect, test } from "vitest";
import type { InterfaceCoverage, SubnetCoverage, VpcCoverage } from "@/lib/topology/coverage";
import { addressLabels, checkScope, defaultVpc, scopeChoices } from "./scope";

const eni = (id: string, label: string, privateIp: string): InterfaceCoverage => ({
  id,
  label,
  type: "interface",
  privateIp,
  flowLogs: [],
  traffic: "ALL",
});
const subnet = (
  id: string,
  name: string,
  traffic: SubnetCoverage["traffic"],
  interfaces: InterfaceCoverage[],
) =>
  ({
    id,
    name,
    cidr: "10.0.1.0/24",
    availabilityZone: "us-east-1a",
    flowLogs: [],
    traffic,
    interfaces,
  }) satisfies SubnetCoverage;
const vpc = (id: string, name: string | undefined, subnets: SubnetCoverage[]): VpcCoverage => ({
  id,
  name,
  cidrs: ["10.0.0.0/16"],
  ipv6Cidrs: [],
  isDefault: false,
  flowLogs: [],
  traffic: "NONE",
  subnets,
  interfaceCount: subnets.flatMap((s) => s.interfaces).length,
  counts: { subnetsCovered: 0, interfacesCovered: 0, interfacesPartial: 0 },
});

const web = eni("eni-0000000000000000a", "prod-web-1", "10.0.1.10");
const prod = vpc("vpc-00000000000000001", "prod", [
  subnet("subnet-0000000000000000a", "prod-public-a", "ALL", [web]),
]);
const bare = vpc("vpc-00000000000000002", undefined, [subnet("subnet-0000000000000000b", "b", "NONE", [])]);

describe("scope", () => {
  test("the default VPC is the first that a flow log records, else the first", () => {
    expect(defaultVpc([bare, prod])?.id).toBe(prod.id);
    expect(defaultVpc([bare])?.id).toBe(bare.id);
    expect(defaultVpc([])).toBeUndefined();
  });

  test("pickers are labelled by Name tags", () => {
    expect(scopeChoices([prod, bare], prod)).toEqual({
      vpcs: [
        { value: prod.id, label: `prod (${prod.id})` },
        { value: bare.id, label: bare.id },
      ],
      subnets: [{ value: "subnet-0000000000000000a", label: "prod-public-a · 10.0.1.0/24 · us-east-1a" }],
      interfaces: [{ value: web.id, label: `prod-web-1 · 10.0.1.10 · ${web.id}` }],
    });
  });

  test.each<[string, { subnet?: string; eni?: string }, string | undefined]>([
    ["whole VPC", {}, undefined],
    ["its subnet", { subnet: "subnet-0000000000000000a" }, undefined],
    ["its interface", { eni: web.id }, undefined],
    ["another VPC's subnet", { subnet: "subnet-0000000000000000b" }, "subnet"],
    ["an unknown interface", { eni: "eni-0000000000000000f" }, "eni"],
  ])("%s", (_name, params, field) => {
    const check = checkScope(prod, params);
    expect(check.ok ? undefined : check.field).toBe(field);
  });

  test("addresses are named after their interface", () => {
    expect(addressLabels(prod)).toEqual({ "10.0.1.10": "prod-web-1" });
  });
});
