/** The engine solves each planted configuration fault of the demo world (emulator/world/demo-faults.test.ts). */
import { describe, expect, test } from "vitest";
import { buildDemoWorld } from "../emulator/world/demo";
import { namesOf } from "../emulator/world/demo-history.fixture";
import { diagnose } from "../lib/diagnosis/diagnose";
import type { DiagnoseInput, DiagnosisTopology } from "../lib/diagnosis/verdict";

const world = buildDemoWorld({ seed: 1 });
const topology = world.ec2 as DiagnosisTopology;
const n = namesOf(world);
const alb = n.loadBalancer("prod-alb")[0]?.id ?? "";
const subnetAcl = (instance: string) => {
  const eni = topology.NetworkInterfaces?.find((e) => e.NetworkInterfaceId === n.eni(instance).id);
  return topology.NetworkAcls?.find((a) => a.Associations?.some((x) => x.SubnetId === eni?.SubnetId))
    ?.NetworkAclId;
};

const faults: [string, DiagnoseInput, Record<string, unknown>][] = [
  [
    "(a) ALB health check on 8081: app-sg lacks the port",
    { from: alb, to: n.instanceId("prod-app-1"), protocol: "tcp", port: 8081 },
    { code: "ENI_SG_RULES_MISMATCH", direction: "ingress", path: "request" },
  ],
  [
    "(b) reports DB answers through prod-reports-nacl without the ephemeral range",
    { from: n.instanceId("prod-app-1"), to: n.instanceId("prod-reports-db"), protocol: "tcp", port: 5432 },
    {
      code: "SUBNET_ACL_RESTRICTION",
      resourceId: subnetAcl("prod-reports-db"),
      direction: "egress",
      path: "reply",
      ruleNumber: 32767,
    },
  ],
  [
    "(c) prod-app-c has no route out",
    { from: n.instanceId("prod-app-3"), to: "8.8.8.8", protocol: "tcp", port: 443 },
    { code: "NO_ROUTE_TO_DESTINATION", path: "request" },
  ],
  [
    "(d) prod-batch-1 is stopped",
    { from: n.instanceId("prod-bastion"), to: n.instanceId("prod-batch-1"), protocol: "tcp", port: 22 },
    { code: "BAD_STATE", resourceId: n.instanceId("prod-batch-1") },
  ],
  [
    "(e) prod-web-legacy has no public IP",
    { from: "internet", to: n.instanceId("prod-web-legacy"), protocol: "tcp", port: 443 },
    { code: "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", resourceId: n.eni("prod-web-legacy").id },
  ],
];

describe("the demo world's planted faults", () => {
  test.each(faults)("%s", (_name, input, first) => {
    const result = diagnose(topology, input);
    expect(result.verdict).toBe("blocked");
    expect(result.explanations[0]).toMatchObject(first);
    expect(result.explanations[0]?.fix).toBeTruthy();
  });

  test("the working neighbours of each fault are reachable", () => {
    const ok: DiagnoseInput[] = [
      { from: alb, to: n.instanceId("prod-app-1"), protocol: "tcp", port: 8080 },
      { from: n.instanceId("prod-app-1"), to: n.instanceId("prod-db-1"), protocol: "tcp", port: 5432 },
      { from: n.instanceId("prod-app-1"), to: "8.8.8.8", protocol: "tcp", port: 443 },
    ];
    for (const input of ok)
      expect(diagnose(topology, input).verdict, JSON.stringify(input)).toBe("reachable");
  });
});
