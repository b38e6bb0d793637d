import Link from "next/link";
import type { VpcCoverage } from "@/lib/topology/coverage";

type Gap = { id: string; label: string; kind: "VPC" | "Subnet" | "NetworkInterface"; note: string };

/** What no flow log records: VPCs, subnets and interfaces with no delivering flow log (own or inherited). */
export function coverageGaps(vpcs: VpcCoverage[]): Gap[] {
  const gaps: Gap[] = [];
  for (const vpc of vpcs) {
    if (vpc.traffic === "NONE")
      gaps.push({
        id: vpc.id,
        label: vpc.name ?? vpc.id,
        kind: "VPC",
        note: "no flow log on the VPC itself",
      });
    for (const subnet of vpc.subnets) {
      if (subnet.traffic === "NONE")
        gaps.push({
          id: subnet.id,
          label: `${subnet.name ?? subnet.id} (${vpc.name ?? vpc.id})`,
          kind: "Subnet",
          note: "nothing recorded",
        });
      else if (subnet.traffic !== "ALL")
        gaps.push({
          id: subnet.id,
          label: `${subnet.name ?? subnet.id} (${vpc.name ?? vpc.id})`,
          kind: "Subnet",
          note: `${subnet.traffic} only`,
        });
      for (const eni of subnet.interfaces)
        if (eni.traffic !== "ALL")
          gaps.push({
            id: eni.id,
            label: `${eni.label} · ${eni.privateIp ?? ""}`,
            kind: "NetworkInterface",
            note: eni.traffic === "NONE" ? "nothing recorded" : `${eni.traffic} only`,
          });
    }
  }
  return gaps;
}

const KIND_LABEL = { VPC: "VPCs", Subnet: "Subnets", NetworkInterface: "Interfaces" } as const;

export function CoverageGaps({
  vpcs,
  region,
  canCreate,
}: {
  vpcs: VpcCoverage[];
  region: string;
  canCreate: boolean;
}) {
  const gaps = coverageGaps(vpcs);
  if (gaps.length === 0)
    return <p className="text-sm text-slate-600">Every VPC, subnet and interface is recorded.</p>;
  return (
    <div className="grid gap-3 md:grid-cols-3">
      {(["VPC", "Subnet", "NetworkInterface"] as const).map((kind) => {
        const list = gaps.filter((g) => g.kind === kind);
        return (
          <div
            key={kind}
            className="rounded-lg border border-slate-200 bg-white p-3"
            data-testid={`gaps-${kind}`}
          >
            <h3 className="text-sm font-semibold">
              {KIND_LABEL[kind]} <span className="font-normal text-slate-500">({list.length})</span>
            </h3>
            {list.length === 0 ? (
              <p className="mt-1 text-xs text-slate-500">None.</p>
            ) : (
              <ul className="mt-1 max-h-56 space-y-1 overflow-y-auto text-xs">
                {list.map((g) => (
                  <li key={g.id} className="flex items-baseline justify-between gap-2">
                    <span>
                      {g.label} <span className="font-mono text-slate-500">{g.id}</span>{" "}
                      <span className="text-amber-700">{g.note}</span>
                    </span>
                    {canCreate && (
                      <Link
                        href={`/flow-logs/new?step=resources&region=${region}&type=${g.kind}&ids=${g.id}`}
                        className="shrink-0 text-sky-700 hover:underline"
                      >
                        Add
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
}
