import { rawRecordLine } from "@/lib/diagnosis/evidence-series";
import type { Evidence } from "@/lib/diagnosis/verdict";
import { EvidenceChart } from "./evidence-chart";

/** What the flow logs recorded for the same 5-tuple, both ways, or why they have nothing. */
export function EvidencePanel({ evidence }: { evidence: Evidence }) {
  const total = evidence.accepted + evidence.rejected;
  const share = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 100));
  return (
    <section className="space-y-2" data-testid="evidence">
      <h2 className="text-lg font-semibold">Flow-log evidence: {evidence.pattern}</h2>
      <div className="flex h-3 w-full max-w-md overflow-hidden rounded bg-slate-100" aria-hidden>
        <div className="bg-emerald-500" style={{ width: `${share(evidence.accepted)}%` }} />
        <div className="bg-red-500" style={{ width: `${share(evidence.rejected)}%` }} />
      </div>
      <div className="flex flex-wrap items-start gap-6">
        <table className="text-sm">
          <tbody>
            <tr>
              <th className="pr-3 text-left">Accepted</th>
              <td>{evidence.accepted}</td>
            </tr>
            <tr>
              <th className="pr-3 text-left">Rejected</th>
              <td>{evidence.rejected}</td>
            </tr>
            <tr>
              <th className="pr-3 text-left">Flow logs</th>
              <td className="font-mono">{evidence.flowLogIds.join(", ") || "none"}</td>
            </tr>
          </tbody>
        </table>
        {evidence.series && evidence.accepted + evidence.rejected > 0 && (
          <EvidenceChart series={evidence.series} />
        )}
      </div>
      {(evidence.reasons ?? []).map((r) => (
        <p key={r} className="text-sm text-slate-700">
          {r}
        </p>
      ))}
      {evidence.records.length > 0 && (
        <pre className="max-h-48 overflow-auto rounded bg-slate-50 p-2 text-xs">
          {evidence.records.map(rawRecordLine).join("\n")}
        </pre>
      )}
    </section>
  );
}
