import { flowLogField } from "@/lib/flow/fields";
import { describeDestination, describeFormat } from "@/lib/flow-log-wizard/describe";
import type { FlowLog } from "@/lib/topology/types";
import { DeleteFlowLogButton } from "./delete-flow-log-button";

function created(value: FlowLog["CreationTime"]): string {
  if (!value) return "—";
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toISOString().replace("T", " ").slice(0, 16);
}

const RESOURCE_KIND: Record<string, string> = { vpc: "VPC", subnet: "Subnet", eni: "Interface" };

function FormatCell({ format }: { format: string | undefined }) {
  const f = describeFormat(format);
  return (
    <details className="max-w-xs">
      <summary className="cursor-pointer">
        {f.kind === "default" ? "AWS default" : f.kind === "custom" ? "Custom" : "Unreadable"}
        {f.version !== undefined && ` · v${f.version}`} · {f.fields.length} fields
      </summary>
      <ol className="mt-1 list-decimal pl-5 font-mono text-[11px] text-slate-600" data-testid="format-fields">
        {f.fields.map((name, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a field may repeat in an unreadable format
          <li key={`${name}-${i}`} title={flowLogField(name)?.description}>
            {name}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Every flow log of the region: what it records, where to, in which format, and whether delivery works. */
export function InventoryTable({
  logs,
  names,
  region,
  canDelete,
}: {
  logs: FlowLog[];
  names: Map<string, string>;
  region: string;
  canDelete: boolean;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">Flow log</th>
            <th className="px-3 py-2">Resource</th>
            <th className="px-3 py-2">Traffic</th>
            <th className="px-3 py-2">Destination</th>
            <th className="px-3 py-2">Format</th>
            <th className="px-3 py-2">Interval</th>
            <th className="px-3 py-2">Status</th>
            <th className="px-3 py-2">Created (UTC)</th>
            <th className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {logs.map((l) => {
            const id = l.FlowLogId ?? "?";
            const name = l.Tags?.find((t) => t.Key === "Name")?.Value;
            const resource = l.ResourceId ?? "?";
            const dest = describeDestination(l);
            const failed = l.DeliverLogsStatus === "FAILED";
            return (
              <tr key={id} data-testid={`flow-log-${id}`} className="align-top">
                <td className="px-3 py-2">
                  {name && <div className="font-medium">{name}</div>}
                  <div className="font-mono text-xs text-slate-600">{id}</div>
                </td>
                <td className="px-3 py-2">
                  <div className="text-xs text-slate-500">
                    {RESOURCE_KIND[resource.split("-")[0] ?? ""] ?? "Resource"}
                  </div>
                  {names.get(resource) && <div>{names.get(resource)}</div>}
                  <div className="font-mono text-xs text-slate-600">{resource}</div>
                </td>
                <td className="px-3 py-2">{l.TrafficType ?? "—"}</td>
                <td className="px-3 py-2 text-xs">
                  <div className="text-slate-500">{dest.kind}</div>
                  <div className="break-all font-mono">{dest.target}</div>
                </td>
                <td className="px-3 py-2 text-xs">
                  <FormatCell format={l.LogFormat} />
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {l.MaxAggregationInterval === 60 ? "1 min" : "10 min"}
                </td>
                <td className="px-3 py-2 text-xs" data-testid="status">
                  <div>{l.FlowLogStatus ?? "—"}</div>
                  <div className={failed ? "font-medium text-red-700" : "text-slate-500"}>
                    delivery {l.DeliverLogsStatus ?? "—"}
                  </div>
                  {l.DeliverLogsErrorMessage && (
                    <div className="text-red-700">
                      {l.DeliverLogsErrorMessage}
                      {l.DeliverLogsErrorMessage === "Access error" &&
                        ": the role is missing, lacks permissions, or does not trust vpc-flow-logs.amazonaws.com."}
                    </div>
                  )}
                </td>
                <td className="px-3 py-2 text-xs whitespace-nowrap">{created(l.CreationTime)}</td>
                <td className="px-3 py-2">
                  <DeleteFlowLogButton
                    flowLogId={id}
                    label={name ? `${name} (${id})` : id}
                    destination={`${dest.kind} ${dest.target}`}
                    region={region}
                    canDelete={canDelete}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
