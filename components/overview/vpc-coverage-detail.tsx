import type { FlowLogRef, VpcCoverage } from "@/lib/topology/coverage";
import { CoverageBadge } from "../ui/coverage-badge";

function FlowLogList({ refs }: { refs: FlowLogRef[] }) {
  if (refs.length === 0) return <span className="text-xs text-slate-400">none</span>;
  return (
    <ul className="space-y-0.5">
      {refs.map((r) => (
        <li key={`${r.flowLogId}-${r.level}`} className="font-mono text-xs text-slate-600">
          {r.flowLogId}{" "}
          <span className="text-slate-400">
            ({r.level}, {r.trafficType})
          </span>
          {!r.active && <span className="ml-1 text-red-600">inactive</span>}
          {r.deliveryFailed && <span className="ml-1 text-red-600">delivery FAILED</span>}
        </li>
      ))}
    </ul>
  );
}

export function VpcCoverageDetail({ vpc }: { vpc: VpcCoverage }) {
  return (
    <section
      id={vpc.id}
      data-testid={`vpc-detail-${vpc.id}`}
      className="rounded-lg border border-slate-200 bg-white"
    >
      <header className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-4 py-3">
        <h3 className="font-semibold">{vpc.name ?? vpc.id}</h3>
        <span className="font-mono text-xs text-slate-500">{vpc.id}</span>
        <CoverageBadge traffic={vpc.traffic} />
        <div className="ml-auto">
          <FlowLogList refs={vpc.flowLogs} />
        </div>
      </header>
      {vpc.subnets.length === 0 && (
        <p className="px-4 py-3 text-sm text-slate-500">This VPC has no subnets.</p>
      )}
      <div className="divide-y divide-slate-100">
        {vpc.subnets.map((s) => (
          <details key={s.id} className="group px-4 py-2" data-testid={`subnet-${s.id}`}>
            <summary className="flex cursor-pointer flex-wrap items-center gap-3 text-sm">
              <span className="font-medium">{s.name ?? s.id}</span>
              <span className="font-mono text-xs text-slate-500">
                {s.id} · {s.cidr} · {s.availabilityZone}
              </span>
              <CoverageBadge traffic={s.traffic} />
              <span className="text-xs text-slate-500">
                {s.interfaces.length} interface{s.interfaces.length === 1 ? "" : "s"}
              </span>
            </summary>
            <table className="mt-2 min-w-full text-xs">
              <thead className="text-left text-slate-500">
                <tr>
                  <th className="py-1 pr-4">Interface</th>
                  <th className="py-1 pr-4">Resource</th>
                  <th className="py-1 pr-4">Private / public IP</th>
                  <th className="py-1 pr-4">Coverage</th>
                  <th className="py-1">Flow logs</th>
                </tr>
              </thead>
              <tbody>
                {s.interfaces.map((i) => (
                  <tr key={i.id} data-testid={`eni-${i.id}`} className="align-top">
                    <td className="py-1 pr-4 font-mono">{i.id}</td>
                    <td className="py-1 pr-4">
                      {i.label}
                      <div className="text-slate-400">{i.instanceId ?? i.type}</div>
                    </td>
                    <td className="py-1 pr-4 font-mono">
                      {i.privateIp ?? "—"}
                      {i.publicIp && <div>{i.publicIp}</div>}
                    </td>
                    <td className="py-1 pr-4">
                      <CoverageBadge traffic={i.traffic} />
                    </td>
                    <td className="py-1">
                      <FlowLogList refs={i.flowLogs} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ))}
      </div>
    </section>
  );
}
