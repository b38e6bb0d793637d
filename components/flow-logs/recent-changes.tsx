import type { AuditEntry } from "@/lib/audit/audit-log";

const ACTIONS = new Set(["CreateFlowLogs", "DeleteFlowLogs", "CreateRole", "CreateLogGroup"]);

/** The latest flow-log changes made through Flowscope (the audit log), newest first. */
export function RecentChanges({ entries }: { entries: AuditEntry[] }) {
  const shown = entries.filter((e) => ACTIONS.has(e.action)).slice(0, 10);
  if (shown.length === 0)
    return <p className="text-sm text-slate-600">No changes made through Flowscope yet.</p>;
  return (
    <ul
      className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-xs"
      data-testid="recent-changes"
    >
      {shown.map((e) => (
        <li key={`${e.time}-${e.action}-${e.target}`} className="flex flex-wrap gap-x-3 px-3 py-2">
          <span className="text-slate-500">{e.time.replace("T", " ").slice(0, 19)}</span>
          <span>
            {e.actor} <span className="text-slate-400">({e.role})</span>
          </span>
          <span className="font-medium">{e.action}</span>
          <span className="font-mono">{e.target}</span>
          <span className={e.outcome === "ok" ? "text-emerald-700" : "text-red-700"}>{e.outcome}</span>
          {e.detail && <span className="text-slate-600">{e.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
