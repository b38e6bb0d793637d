import { describe, expect, test } from "vitest";
import { ipInCidr } from "../../lib/net/ip";
import type { WorldTrafficFlow } from "../world/types";
import { addressOf, type Conversation, isEni } from "./conversation";
import { worldFlows } from "./generators-world";
import { evaluatePath } from "./path";
import { DEFAULT_PROFILE } from "./profile";
import { tinyWorld } from "./tiny-world.fixture";
import { buildTopology } from "./topology";
import { conversationsAt } from "./traffic";

const flow = (f: Partial<WorldTrafficFlow>): WorldTrafficFlow => ({
  from: "internet",
  to: "eni-web",
  protocol: "tcp",
  port: 443,
  ratePerMinute: 2,
  ...f,
});

function conversations(traffic: WorldTrafficFlow[], minutes = 60, from = Date.UTC(2026, 5, 1, 15) / 1000) {
  const topology = buildTopology({ ...tinyWorld(), traffic });
  const out: Conversation[] = [];
  for (let m = 0; m < minutes; m++)
    out.push(...conversationsAt(topology, DEFAULT_PROFILE, 7, from + 60 * m, [worldFlows]));
  return { topology, out };
}

const side = (e: Conversation["client"]) => (isEni(e) ? e.eni.id : addressOf(e));

describe("World.traffic", () => {
  test("a group expands to its interfaces, each pair at the flow's rate", () => {
    const { out } = conversations([flow({ from: "eni-web", to: "sg-app", port: 8080, ratePerMinute: 3 })]);
    const perServer = new Map<string, number>();
    for (const c of out) perServer.set(side(c.server), (perServer.get(side(c.server)) ?? 0) + 1);
    expect([...perServer.keys()].sort()).toEqual(["eni-app", "eni-bh", "eni-free", "eni-off"]);
    for (const n of perServer.values()) expect(n).toBeGreaterThan(120);
    expect(new Set(out.map((c) => `${side(c.client)}:${c.serverPort}:${c.protocol}`))).toEqual(
      new Set(["eni-web:8080:6"]),
    );
  });

  test("internet clients come from the web-client ranges; addresses and instances resolve", () => {
    const { out } = conversations([
      flow({}),
      flow({ from: "i-app", to: "198.51.100.7", protocol: "udp", port: 514, ratePerMinute: 1 }),
    ]);
    const web = out.filter((c) => side(c.server) === "eni-web");
    expect(web.length).toBeGreaterThan(60);
    for (const c of web)
      expect(DEFAULT_PROFILE.webClients.some((b) => ipInCidr(side(c.client), b))).toBe(true);
    const syslog = out.filter((c) => c.protocol === 17);
    expect(new Set(syslog.map((c) => `${side(c.client)}>${side(c.server)}:${c.serverPort}`))).toEqual(
      new Set(["eni-app>198.51.100.7:514"]),
    );
  });

  test("no self-pairs, nothing for unknown resources or protocols, the same conversations every time", () => {
    const odd = [flow({ from: "sg-db", to: "sg-db" }), flow({ to: "eni-nope" }), flow({ protocol: "gre" })];
    expect(conversations(odd).out).toEqual([]);
    expect(conversations([flow({})], 5).out).toEqual(conversations([flow({})], 5).out);
  });

  test("with dailyRhythm the rate follows the day; the rules, not the flow, decide what gets through", () => {
    const rhythmic = [flow({ ratePerMinute: 4, dailyRhythm: true })];
    const peak = conversations(rhythmic, 60).out.length;
    const night = conversations(rhythmic, 60, Date.UTC(2026, 5, 1, 3) / 1000).out.length;
    expect(peak).toBeGreaterThan(2 * night);
    // sg-app admits 9090 from sg-web, not 8080: the flow proposes, the security group rejects.
    const { topology, out } = conversations([flow({ from: "eni-web", to: "eni-app", port: 8080 })], 10);
    const actions = out.flatMap((c) =>
      evaluatePath(topology, c).sightings.map((s) => `${s.eni.id} ${s.action}`),
    );
    expect(new Set(actions)).toEqual(new Set(["eni-web ACCEPT", "eni-app REJECT"]));
  });
});
