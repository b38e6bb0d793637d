/**
 * Issue 10 item 5: one diagnosis on a world of ~20,000 interfaces and ~5,000 security groups (the demo
 * world at scale 100, plus generated groups attached to its interfaces), against loading the topology
 * it needs from EC2 through the SDK. Run: npm run bench -- --only diagnosis
 */
import { startAwsHarness } from "@/emulator/test-support/aws-harness";
import { buildDemoWorld } from "@/emulator/world/demo";
import type { World } from "@/emulator/world/types";
import { liveTopology } from "@/lib/aws/diagnosis-topology";
import { diagnose } from "@/lib/diagnosis/diagnose";
import type { DiagnoseInput, DiagnosisTopology } from "@/lib/diagnosis/verdict";
import { progress, saveSection } from "./lib/figures";
import { fmt, timeRuns } from "./lib/stats";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const log = progress("diagnosis");
const TARGET_GROUPS = 5000;

/** Adds security groups (a few rules each) until there are `target`, each attached to interfaces of its VPC. */
function withMoreGroups(world: World, target: number): World {
  const ec2 = world.ec2 ?? {};
  const groups = [...(ec2.SecurityGroups ?? [])];
  const vpcs = (ec2.Vpcs ?? []).map((v) => v.VpcId ?? "");
  const extra = new Map<string, { GroupId: string; GroupName: string }[]>();
  for (let j = 0; groups.length < target; j++) {
    const vpc = vpcs[j % vpcs.length] ?? "";
    const id = `sg-0b${j.toString(16).padStart(15, "0")}`;
    const name = `bench-${j}`;
    groups.push({
      GroupId: id,
      GroupName: name,
      Description: "bench",
      VpcId: vpc,
      OwnerId: world.accountId,
      IpPermissions: [8000, 9000, 9443].map((port, k) => ({
        IpProtocol: "tcp",
        FromPort: port + (j % 50),
        ToPort: port + (j % 50),
        IpRanges: [{ CidrIp: `10.${(j + k) % 250}.0.0/16` }],
      })),
      IpPermissionsEgress: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
    });
    extra.set(vpc, [...(extra.get(vpc) ?? []), { GroupId: id, GroupName: name }]);
  }
  const seen = new Map<string, number>();
  const interfaces = (ec2.NetworkInterfaces ?? []).map((eni) => {
    const list = extra.get(eni.VpcId ?? "") ?? [];
    const n = seen.get(eni.VpcId ?? "") ?? 0;
    seen.set(eni.VpcId ?? "", n + 1);
    const add = list[n % Math.max(1, list.length)];
    return add ? { ...eni, Groups: [...(eni.Groups ?? []), add] } : eni;
  });
  return { ...world, ec2: { ...ec2, SecurityGroups: groups, NetworkInterfaces: interfaces } };
}

const nameOf = (tags: { Key?: string; Value?: string }[] | undefined) =>
  tags?.find((t) => t.Key === "Name")?.Value;

function questions(t: DiagnosisTopology): DiagnoseInput[] {
  const instances = (t.Reservations ?? []).flatMap((r) => r.Instances ?? []);
  const id = (name: string) => instances.find((i) => nameOf(i.Tags) === name)?.InstanceId ?? name;
  const enis = t.NetworkInterfaces ?? [];
  const far = enis[enis.length - 1];
  const near = enis[enis.length - 7];
  return [
    {
      from: enis.find((e) => e.Description?.includes("prod-alb"))?.PrivateIpAddress ?? "prod-alb",
      to: id("prod-app-1"),
      protocol: "tcp",
      port: 8081,
    },
    { from: id("prod-app-1"), to: id("prod-reports-db"), protocol: "tcp", port: 5432 },
    { from: id("prod-app-1"), to: id("prod-db-1"), protocol: "tcp", port: 5432 },
    { from: id("prod-app-3"), to: "203.0.113.150", protocol: "tcp", port: 443 },
    { from: "192.0.2.10", to: id("prod-web-legacy"), protocol: "tcp", port: 443 },
    ...(far && near
      ? [
          {
            from: near.PrivateIpAddress ?? "",
            to: far.NetworkInterfaceId ?? "",
            protocol: "tcp" as const,
            port: 8010,
          },
        ]
      : []),
  ];
}

const buildStarted = performance.now();
const world = withMoreGroups(buildDemoWorld({ scale: 100 }), TARGET_GROUPS);
const counts = {
  interfaces: world.ec2?.NetworkInterfaces?.length ?? 0,
  groups: world.ec2?.SecurityGroups?.length ?? 0,
  subnets: world.ec2?.Subnets?.length ?? 0,
};
log(
  `world: ${counts.interfaces} interfaces, ${counts.groups} security groups (${((performance.now() - buildStarted) / 1000).toFixed(1)} s)`,
);
const harness = await startAwsHarness({ world: { ...world, logs: [] } });
try {
  const ec2 = harness.clients().ec2;
  let topology: DiagnosisTopology = {};
  const load = await timeRuns(
    async () => {
      topology = await liveTopology(ec2);
    },
    { repeats: 3, warmups: 1 },
  );
  log(`topology load ${load.median.toFixed(0)} ms`);
  const qs = questions(topology);
  const perQuestion: number[] = [];
  const verdicts: string[] = [];
  for (const q of qs) {
    const r = await timeRuns(async () => diagnose(topology, q), { repeats: 9, warmups: 2 });
    perQuestion.push(r.median);
    verdicts.push(diagnose(topology, q).verdict);
  }
  const worst = Math.max(...perQuestion);
  log(`diagnose: ${perQuestion.map((m) => m.toFixed(1)).join(", ")} ms`);
  saveSection({
    id: "diagnosis",
    title: "5. Diagnosis on a large account",
    figures: [
      {
        name: `one diagnosis (configuration verdict, request and reply), ${fmt(counts.interfaces, 0)} interfaces, ${fmt(counts.groups, 0)} security groups, ${fmt(counts.subnets, 0)} subnets — slowest of ${qs.length} questions (median of 9 each)`,
        value: `${fmt(worst, 1)} ms (all: ${perQuestion.map((m) => fmt(m, 1)).join(", ")} ms)`,
        baseline: `loading the topology it needs (liveTopology: 10 Describe* calls, paged, through the SDK from the emulator) ${fmt(load.median, 0)} ms`,
        ratio: `${fmt(worst / load.median, 3)}× the load`,
        target: "< 300 ms",
        met: worst < 300,
      },
    ],
    notes: [
      `Verdicts: ${verdicts.join(", ")}. The flow-log evidence (one Insights query) comes on top and is not in this figure; its cost is the Insights figures' (section 2).`,
      "The server's cost of a diagnosis is dominated by the topology load; the app loads it once per request (the page's pickers share it).",
    ],
  });
} finally {
  await harness.close();
}
