import type { FlowLog } from "@/lib/topology/types";

function destination(log: FlowLog): string {
  if (log.LogDestinationType === "cloud-watch-logs" || (!log.LogDestinationType && log.LogGroupName)) {
    return `CloudWatch Logs: ${log.LogGroupName ?? log.LogDestination ?? "?"}`;
  }
  return `${log.LogDestinationType ?? "?"}: ${log.LogDestination ?? "?"}`;
}

function created(value: FlowLog["CreationTime"]): string {
  if (!value) return "—";
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toISOString().replace("T", " ").slice(0, 16);
}

export function FlowLogTable({ logs }: { logs: FlowLog[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2">Flow log</th>
            <th className="px-4 py-2">Resource</th>
            <th className="px-4 py-2">Traffic</th>
            <th className="px-4 py-2">Destination</th>
            <th className="px-4 py-2">Interval</th>
            <th className="px-4 py-2">Status</th>
            <th className="px-4 py-2">Created (UTC)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {logs.map((l) => (
            <tr key={l.FlowLogId} data-testid={`flow-log-${l.FlowLogId}`} className="align-top">
              <td className="px-4 py-2 font-mono text-xs">{l.FlowLogId}</td>
              <td className="px-4 py-2 font-mono text-xs">{l.ResourceId}</td>
              <td className="px-4 py-2">{l.TrafficType}</td>
              <td className="px-4 py-2 text-xs">{destination(l)}</td>
              <td className="px-4 py-2">{l.MaxAggregationInterval === 60 ? "1 min" : "10 min"}</td>
              <td className="px-4 py-2 text-xs">
                <div>{l.FlowLogStatus}</div>
                <div
                  className={l.DeliverLogsStatus === "FAILED" ? "font-medium text-red-700" : "text-slate-500"}
                >
                  delivery {l.DeliverLogsStatus ?? "—"}
                </div>
                {l.DeliverLogsErrorMessage && <div className="text-red-700">{l.DeliverLogsErrorMessage}</div>}
              </td>
              <td className="px-4 py-2 text-xs">{created(l.CreationTime)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
