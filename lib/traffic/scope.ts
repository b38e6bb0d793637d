import type { VpcCoverage } from "@/lib/topology/coverage";
import type { TrafficParams } from "./contract";

export type ScopeOption = { value: string; label: string };
export type ScopeChoices = {
  vpcs: ScopeOption[];
  subnets: ScopeOption[];
  interfaces: ScopeOption[];
};

/** The VPC a newcomer lands on: the first one a flow log records, else the first one. */
export function defaultVpc(vpcs: VpcCoverage[]): VpcCoverage | undefined {
  return vpcs.find((v) => v.subnets.some((s) => s.traffic !== "NONE")) ?? vpcs[0];
}

const named = (name: string | undefined, id: string) => (name ? `${name} (${id})` : id);

/** Picker entries, labelled by Name tags: "prod (vpc-…)", "prod-public-a · 10.0.1.0/24", "prod-web-1 · 10.0.1.10". */
export function scopeChoices(vpcs: VpcCoverage[], vpc: VpcCoverage): ScopeChoices {
  return {
    vpcs: vpcs.map((v) => ({ value: v.id, label: named(v.name, v.id) })),
    subnets: vpc.subnets.map((s) => ({
      value: s.id,
      label: [s.name ?? s.id, s.cidr, s.availabilityZone].filter(Boolean).join(" · "),
    })),
    interfaces: vpc.subnets.flatMap((s) =>
      s.interfaces.map((i) => ({
        value: i.id,
        label: [i.label, i.privateIp, i.id].filter(Boolean).join(" · "),
      })),
    ),
  };
}

export type ScopeCheck =
  | { ok: true; label: string }
  | { ok: false; field: "subnet" | "eni"; message: string };

/** The subnet or interface in the URL must belong to the VPC: otherwise the page would query another scope. */
export function checkScope(vpc: VpcCoverage, params: Pick<TrafficParams, "subnet" | "eni">): ScopeCheck {
  const vpcName = vpc.name ?? vpc.id;
  if (params.subnet) {
    const subnet = vpc.subnets.find((s) => s.id === params.subnet);
    if (!subnet)
      return { ok: false, field: "subnet", message: `${params.subnet} is not a subnet of ${vpcName}.` };
    return { ok: true, label: `subnet ${subnet.name ?? subnet.id}` };
  }
  if (params.eni) {
    const eni = vpc.subnets.flatMap((s) => s.interfaces).find((i) => i.id === params.eni);
    if (!eni) return { ok: false, field: "eni", message: `${params.eni} is not an interface in ${vpcName}.` };
    return { ok: true, label: `interface ${eni.label} (${eni.id})` };
  }
  return { ok: true, label: "whole VPC" };
}

/** Private and public IPs of the VPC's interfaces → their label, to name addresses in filter chips. */
export function addressLabels(vpc: VpcCoverage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of vpc.subnets.flatMap((s) => s.interfaces)) {
    if (i.privateIp) out[i.privateIp] = i.label;
    if (i.publicIp) out[i.publicIp] = i.label;
  }
  return out;
}
