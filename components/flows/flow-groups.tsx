"use client";
import Link from "next/link";
import type { TopEvent } from "@/components/traffic/panel-events";
import { SegmentedLinks } from "@/components/traffic/segmented-links";
import type { EmptyLinks } from "@/components/ui/empty-explanation";
import { QueryPanel } from "@/components/ui/query-panel";
import { usePanelQuery } from "@/components/ui/use-panel-query";
import { GROUP_LIMIT, groupDrill, groupsUrl } from "@/lib/flows/groups";
import { type FlowsPageState, flowsHref } from "@/lib/flows/search-params";
import { TOP_DIMENSIONS, type TopDimension } from "@/lib/traffic/contract";
import { formatBytes, formatCount } from "@/lib/traffic/format";

const LABELS: Record<TopDimension, string> = {
  sources: "Source",
  destinations: "Destination",
  pairs: "Pair",
  dstPorts: "Destination port",
  interfaces: "Interface",
};

/** Counts by one dimension for the current filter (the traffic page's top panel); a group drills in. */
export function FlowGroups({ state, links }: { state: FlowsPageState & { vpc: string }; links: EmptyLinks }) {
  const query = usePanelQuery<TopEvent>(groupsUrl(state));
  const tabs = TOP_DIMENSIONS.map((d) => ({
    key: d,
    label: LABELS[d],
    href: flowsHref(state, { group: d }),
    active: state.group === d,
  }));
  return (
    <QueryPanel
      id="groups-panel"
      title="Flows by group"
      query={query}
      emptyLinks={links}
      subheader={<SegmentedLinks label="Group by" items={tabs} variant="tabs" />}
    >
      {(result) => (
        <table className="min-w-full text-sm" data-testid="group-table">
          <caption className="pb-2 text-left text-xs text-slate-500">
            The {GROUP_LIMIT} largest groups for the current filter, by{" "}
            {state.action === "REJECT" ? "rejected flows" : "flows"}; click one to list its records.
          </caption>
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-2 py-1.5">{LABELS[state.group]}</th>
              <th className="px-2 py-1.5 text-right">Flows</th>
              <th className="px-2 py-1.5 text-right">Rejected</th>
              <th className="px-2 py-1.5 text-right">Bytes</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => {
              const drill = groupDrill(state.group, row);
              const label = row.portName ?? Object.values(row.enrichment)[0]?.label;
              return (
                <tr key={row.key} data-testid="group-row" className="border-t border-slate-100">
                  <td className="px-2 py-1.5">
                    {drill ? (
                      <Link
                        href={flowsHref(state, { ...drill, view: "table" })}
                        className="font-mono text-sky-700 underline"
                      >
                        {row.key}
                      </Link>
                    ) : (
                      <span className="font-mono">{row.key}</span>
                    )}
                    {label && <span className="ml-2 text-xs text-slate-500">{label}</span>}
                  </td>
                  <td className="px-2 py-1.5 text-right">{formatCount(row.flows)}</td>
                  <td className="px-2 py-1.5 text-right">{formatCount(row.rejectedFlows)}</td>
                  <td className="px-2 py-1.5 text-right">{formatBytes(row.bytes)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </QueryPanel>
  );
}
