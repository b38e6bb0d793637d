import type { VpcCoverage } from "@/lib/topology/coverage";
import { CoverageBadge } from "../ui/coverage-badge";

function Ratio({ n, of }: { n: number; of: number }) {
  const tone =
    of === 0 ? "text-slate-400" : n === of ? "text-emerald-700" : n === 0 ? "text-red-700" : "text-amber-700";
  return (
    <span className={tone}>
      {n} / {of}
    </span>
  );
}

export function VpcSummaryTable({ vpcs }: { vpcs: VpcCoverage[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2">VPC</th>
            <th className="px-4 py-2">CIDRs</th>
            <th className="px-4 py-2 text-right">Subnets</th>
            <th className="px-4 py-2 text-right">Interfaces</th>
            <th className="px-4 py-2">VPC flow log</th>
            <th className="px-4 py-2">Subnets covered</th>
            <th className="px-4 py-2">Interfaces fully covered</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {vpcs.map((v) => (
            <tr key={v.id} data-testid={`vpc-row-${v.id}`}>
              <td className="px-4 py-2">
                <a href={`#${v.id}`} className="font-medium text-sky-700 hover:underline">
                  {v.name ?? "(no Name tag)"}
                </a>
                <div className="font-mono text-xs text-slate-500">
                  {v.id}
                  {v.isDefault && " · default"}
                </div>
              </td>
              <td className="px-4 py-2 font-mono text-xs">{[...v.cidrs, ...v.ipv6Cidrs].join(", ")}</td>
              <td className="px-4 py-2 text-right">{v.subnets.length}</td>
              <td className="px-4 py-2 text-right">{v.interfaceCount}</td>
              <td className="px-4 py-2">
                <CoverageBadge traffic={v.traffic} />
              </td>
              <td className="px-4 py-2">
                <Ratio n={v.counts.subnetsCovered} of={v.subnets.length} />
              </td>
              <td className="px-4 py-2">
                <Ratio n={v.counts.interfacesCovered} of={v.interfaceCount} />
                {v.counts.interfacesPartial > 0 && (
                  <span className="ml-2 text-xs text-amber-700">({v.counts.interfacesPartial} partial)</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
