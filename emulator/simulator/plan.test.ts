import { describe, expect, test } from "vitest";
import { buildDemoWorld } from "../world/demo";
import { planFor, portsOf } from "./plan";
import { tinyWorld } from "./tiny-world.fixture";
import { buildTopology, type Topology } from "./topology";

const name = (topology: Topology, eniId: string): string => {
  const eni = topology.eniById.get(eniId);
  const tag = eni?.instance?.Tags?.find((t) => t.Key === "Name")?.Value;
  return tag ?? eni?.interfaceType ?? eniId;
};

describe("who talks to whom comes from the world's rules", () => {
  const topology = buildTopology(buildDemoWorld({ seed: 1 }));
  const plan = planFor(topology);

  test("security-group references pair clients with servers on the rule's port", () => {
    const pairs = new Set(
      plan.peers.map((p) => `${name(topology, p.client.id)} → ${name(topology, p.server.id)}:${p.port}`),
    );
    for (const pair of [
      "interface → prod-app-1:8080",
      "prod-app-1 → prod-db-1:5432",
      "prod-app-2 → prod-reports-db:5432",
      "prod-db-2 → prod-db-1:5432",
      "prod-app-3 → interface:6379",
      "prod-bastion → prod-app-2:22",
      "prod-bastion → prod-batch-1:22",
      "staging-web-1 → staging-app-1:8080",
    ])
      expect(pairs).toContain(pair);
    // No rule admits the ALB's health checks: they come from World.traffic, not from the plan.
    expect([...pairs].some((p) => p.endsWith(":8081"))).toBe(false);
    expect([...pairs].some((p) => p.includes("→ prod-cache") && !p.startsWith("prod-app"))).toBe(false);
  });

  test("ports open to the world on public interfaces get web clients; named public blocks get their own", () => {
    const open = [...plan.openPorts].map(([id, ports]) =>
      [name(topology, id), [...new Set(ports.map((p) => p.port))].sort((a, b) => a - b)].join(" "),
    );
    expect(open.sort()).toEqual([
      "interface 80,443",
      "interface 80,443",
      "interface 80,443",
      "staging-web-1 443",
    ]);
    const admin = plan.adminSources.map((a) => `${name(topology, a.eni.id)}:${a.port} ${a.cidrs.join(",")}`);
    expect(admin).toContain("prod-bastion:22 198.51.100.0/28,192.0.2.240/28");
    // prod-web-legacy opens 443 to the world but has no public address: nobody on the internet reaches it.
    expect(plan.publicEnis.map((e) => name(topology, e.id)).sort()).toEqual([
      "interface",
      "interface",
      "interface",
      "prod-bastion",
      "staging-web-1",
    ]);
  });

  test("only instances that are up make traffic of their own", () => {
    const tiny = buildTopology(tinyWorld());
    expect(planFor(tiny).instances.map((e) => e.id)).toEqual(["eni-web", "eni-app", "eni-db", "eni-bh"]);
    expect(planFor(tiny).peers.map((p) => `${p.client.id}>${p.server.id}:${p.port}`)).toContain(
      "eni-web>eni-app:8080",
    );
  });
});

describe("portsOf", () => {
  test.each([
    [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443 }, [{ protocol: 6, port: 443 }]],
    [
      { IpProtocol: "udp", FromPort: 53, ToPort: 54 },
      [
        { protocol: 17, port: 53 },
        { protocol: 17, port: 54 },
      ],
    ],
    [{ IpProtocol: "tcp", FromPort: 8000, ToPort: 8100 }, [{ protocol: 6, port: 8000 }]],
    [{ IpProtocol: "tcp", FromPort: 1024, ToPort: 65535 }, []],
    [{ IpProtocol: "icmp", FromPort: 8, ToPort: -1 }, [{ protocol: 1, port: 0 }]],
    [{ IpProtocol: "icmp", FromPort: 3, ToPort: 4 }, []],
    [{ IpProtocol: "-1" }, []],
  ])("%j", (perm, ports) => {
    expect(portsOf(perm)).toEqual(ports);
  });
});
