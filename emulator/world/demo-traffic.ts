import { mustGet } from "./demo-context";
import type { DemoInterface } from "./demo-interfaces";
import type { DemoSecurity } from "./demo-security";
import type { TrafficPeer, TrafficSpec } from "./demo-spec";
import type { WorldTrafficFlow } from "./types";

/** The spec's traffic flows in the world's own terms: instance and group ids, `internet`, CIDRs. */
export function buildTraffic(
  security: DemoSecurity,
  interfaces: readonly DemoInterface[],
  specs: readonly TrafficSpec[],
): WorldTrafficFlow[] {
  const instances = new Map(
    interfaces.flatMap((i) => (i.kind === "instance" && i.instanceId ? [[i.key, i.instanceId]] : [])),
  );
  const peer = (p: TrafficPeer): string => {
    if ("internet" in p) return "internet";
    if ("cidr" in p) return p.cidr;
    if ("group" in p) return security.group(p.group).GroupId;
    return mustGet(instances, p.instance, "instance");
  };
  return specs.map((spec) => ({
    from: peer(spec.from),
    to: peer(spec.to),
    protocol: spec.protocol,
    port: spec.port,
    ratePerMinute: spec.ratePerMinute,
    ...(spec.dailyRhythm ? { dailyRhythm: true } : {}),
    description: spec.description,
  }));
}
