import { describe, expect, test } from "vitest";
import { evaluateNetworkAcl } from "../../lib/diagnosis/network-acls";
import { replyOf } from "../../lib/diagnosis/packet";
import { matchSecurityGroups } from "../../lib/diagnosis/security-groups";
import { addressOf, type Conversation, type Endpoint } from "./conversation";
import { neverRecorded, unrecordedAddresses } from "./never-recorded";
import { evaluatePath } from "./path";
import { DEFAULT_PROFILE } from "./profile";
import { requestPacket } from "./sighting";
import { tinyWorld } from "./tiny-world.fixture";
import { buildTopology, type Eni } from "./topology";
import { conversationsAt, observeSlot } from "./traffic";

const topology = buildTopology(tinyWorld());
const eni = (id: string): { eni: Eni } => {
  const found = topology.eniById.get(id);
  if (!found) throw new Error(`no ${id}`);
  return { eni: found };
};
const aclPub = topology.acls.find((a) => a.NetworkAclId === "acl-pub") ?? {};
const INTERNET = { ip: "192.0.2.7" };

function conversation(
  client: Endpoint,
  server: Endpoint,
  protocol: number,
  serverPort: number,
): Conversation {
  return {
    client,
    server,
    protocol,
    clientPort: protocol === 1 ? 0 : 40001,
    serverPort: protocol === 1 ? 0 : serverPort,
    requestPackets: 5,
    requestBytes: 500,
    replyPackets: 4,
    replyBytes: 4000,
    start: 1_772_442_000,
    end: 1_772_442_004,
  };
}

/** [eni, direction, action] of each sighting, in path order. */
const summary = (c: Conversation) =>
  evaluatePath(topology, c).sightings.map((s) => `${s.eni.id} ${s.direction} ${s.action}`);

describe("planted faults agree with lib/diagnosis", () => {
  test("SG missing the port: the request is rejected at the destination", () => {
    const c = conversation(eni("eni-web"), eni("eni-app"), 6, 8080);
    expect(
      matchSecurityGroups(eni("eni-app").eni.groups, "ingress", requestPacket(c), topology.sg),
    ).toBeUndefined();
    expect(summary(c)).toEqual(["eni-web egress ACCEPT", "eni-app ingress REJECT"]);
    expect(evaluatePath(topology, c).completed).toBe(false);
  });

  test("the port the SG does open is accepted both ways", () => {
    const c = conversation(eni("eni-web"), eni("eni-app"), 6, 9090);
    expect(summary(c)).toEqual([
      "eni-web egress ACCEPT",
      "eni-app ingress ACCEPT",
      "eni-app egress ACCEPT",
      "eni-web ingress ACCEPT",
    ]);
    expect(evaluatePath(topology, c).completed).toBe(true);
  });

  test("NACL without outbound ephemeral ports: request ACCEPT in, reply REJECT out", () => {
    const c = conversation(INTERNET, eni("eni-web"), 6, 443);
    expect(evaluateNetworkAcl(aclPub, "egress", replyOf(requestPacket(c))).action).toBe("deny");
    expect(summary(c)).toEqual(["eni-web ingress ACCEPT", "eni-web egress REJECT"]);
  });

  test("ping allowed in, reply denied out by the NACL (flow-log-records.md §10.3)", () => {
    const [request, reply] = evaluatePath(topology, conversation(INTERNET, eni("eni-web"), 1, 0)).sightings;
    expect(request).toMatchObject({
      action: "ACCEPT",
      srcaddr: "192.0.2.7",
      dstaddr: "10.20.0.20",
      srcport: 0,
    });
    expect(reply).toMatchObject({
      action: "REJECT",
      srcaddr: "10.20.0.20",
      dstaddr: "192.0.2.7",
      dstport: 0,
    });
  });

  test("a port the SG does not open to the internet is a single inbound REJECT", () => {
    expect(summary(conversation(INTERNET, eni("eni-web"), 6, 22))).toEqual(["eni-web ingress REJECT"]);
  });

  test("no route, or a blackhole route: nothing is recorded at all", () => {
    expect(summary(conversation(eni("eni-db"), INTERNET, 6, 443))).toEqual([]);
    expect(summary(conversation(eni("eni-bh"), INTERNET, 6, 443))).toEqual([]);
  });

  test("a stopped instance sends nothing; a request to it is seen only by the sender", () => {
    expect(summary(conversation(eni("eni-off"), eni("eni-db"), 6, 5432))).toEqual([]);
    expect(summary(conversation(eni("eni-web"), eni("eni-off"), 6, 9090))).toEqual(["eni-web egress ACCEPT"]);
  });
});

describe("each ENI's own view", () => {
  test("through the NAT gateway, as in flow-log-records.md §10.6", () => {
    const c = conversation(eni("eni-app"), { ip: "203.0.113.5" }, 6, 443);
    const views = evaluatePath(topology, c).sightings.map(
      (s) => `${s.eni.id} ${s.srcaddr} ${s.dstaddr} ${s.pktSrcaddr} ${s.pktDstaddr} ${s.action}`,
    );
    expect(views).toEqual([
      "eni-app 10.20.1.30 203.0.113.5 10.20.1.30 203.0.113.5 ACCEPT",
      "eni-nat 10.20.1.30 10.20.0.10 10.20.1.30 203.0.113.5 ACCEPT",
      "eni-nat 10.20.0.10 203.0.113.5 10.20.0.10 203.0.113.5 ACCEPT",
      "eni-nat 203.0.113.5 10.20.0.10 203.0.113.5 10.20.0.10 ACCEPT",
      "eni-nat 10.20.0.10 10.20.1.30 203.0.113.5 10.20.1.30 ACCEPT",
      "eni-app 203.0.113.5 10.20.1.30 203.0.113.5 10.20.1.30 ACCEPT",
    ]);
    const paths = evaluatePath(topology, c).sightings.map((s) => s.trafficPath ?? "-");
    expect(paths).toEqual([1, "-", 2, "-", 1, "-"]);
  });

  test("a public instance straight out of the internet gateway (Nitro: traffic-path 8)", () => {
    const [out, back] = evaluatePath(
      topology,
      conversation(eni("eni-web"), { ip: "52.216.8.10" }, 6, 443),
    ).sightings;
    expect(out).toMatchObject({
      direction: "egress",
      action: "ACCEPT",
      srcaddr: "10.20.0.20",
      trafficPath: 8,
    });
    expect(back).toMatchObject({ direction: "ingress", action: "ACCEPT", dstaddr: "10.20.0.20" });
  });
});

describe("never recorded", () => {
  test("instances do talk to the resolver, metadata and time sync, and none of it is observed", () => {
    const slots = Array.from({ length: 30 }, (_, i) => 1_772_442_000 + 60 * i);
    const hidden = slots.flatMap((slot) =>
      conversationsAt(topology, DEFAULT_PROFILE, 1, slot).filter((c) => neverRecorded(topology, c)),
    );
    expect(new Set(hidden.map((c) => addressOf(c.server)))).toEqual(
      new Set(["10.20.0.2", "169.254.169.254", "169.254.169.123", "255.255.255.255"]),
    );
    const seen = slots.flatMap((slot) =>
      [...observeSlot(topology, DEFAULT_PROFILE, 1, slot).values()].flat(),
    );
    expect(seen.length).toBeGreaterThan(0);
    for (const o of seen) expect(unrecordedAddresses(topology).has(o.dstaddr)).toBe(false);
  });

  test.each([
    ["the Amazon DNS server", { ip: "10.20.0.2" }, 17, 53, true],
    ["the VPC router", { ip: "10.20.1.1" }, 6, 80, true],
    ["instance metadata", { ip: "169.254.169.254" }, 6, 80, true],
    ["Amazon Time Sync", { ip: "169.254.169.123" }, 17, 123, true],
    ["DHCP", { ip: "255.255.255.255" }, 17, 67, true],
    ["a DNS server of your own", { ip: "10.20.2.40" }, 17, 53, false],
    ["a package mirror", { ip: "203.0.113.150" }, 6, 443, false],
  ] as const)("%s", (_name, server, protocol, port, expected) => {
    expect(neverRecorded(topology, conversation(eni("eni-app"), server, protocol, port))).toBe(expected);
  });
});
