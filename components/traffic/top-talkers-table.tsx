import Link from "next/link";
import type { Enrichment, TopDimension, TopMetric, TopRow } from "@/lib/traffic/contract";
import { rowFilter } from "@/lib/traffic/filters";
import { formatBytes, formatCount } from "@/lib/traffic/format";
import { type ResolvedTrafficState, trafficHref } from "@/lib/traffic/search-params";

/**
 * After a click the table turns to the question that follows: a source → whom it talks to; a destination →
 * who talks to it; a pair → on which ports; a port → between whom; an interface → its sources.
 */
const NEXT_TAB: Record<TopDimension, TopDimension> = {
  sources: "destinations",
  destinations: "sources",
  pairs: "dstPorts",
  dstPorts: "pairs",
  interfaces: "sources",
};

const COLUMNS: { metric: TopMetric | "flows"; label: string; format: (n: number) => string }[] = [
  { metric: "bytes", label: "Bytes", format: formatBytes },
  { metric: "packets", label: "Packets", format: formatCount },
  { metric: "flows", label: "Flows", format: formatCount },
  { metric: "rejectedFlows", label: "Rejected flows", format: formatCount },
];

const HEADINGS: Record<TopDimension, string> = {
  sources: "Source",
  destinations: "Destination",
  pairs: "Source → destination",
  dstPorts: "Destination port",
  interfaces: "Interface",
};

type Props = { rows: TopRow[]; dimension: TopDimension; metric: TopMetric; state: ResolvedTrafficState };

export function TopTalkersTable({ rows, dimension, metric, state }: Props) {
  const max = Math.max(1, ...rows.map((r) => r[metric]));
  return (
    <div className="-mx-4 overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="top-table" data-dimension={dimension}>
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="w-8 px-4 py-1.5 text-right">#</th>
            <th className="px-2 py-1.5">{HEADINGS[dimension]}</th>
            {COLUMNS.map((c) => (
              <th
                key={c.metric}
                className={`whitespace-nowrap px-3 py-1.5 text-right ${c.metric === metric ? "text-slate-800" : ""}`}
              >
                {c.label}
              </th>
            ))}
            <th className="w-32 px-4 py-1.5">
              <span className="sr-only">Share</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row, i) => {
            const filter = rowFilter(dimension, row);
            const href = filter && trafficHref(state, { ...filter, top: NEXT_TAB[dimension] });
            return (
              <tr
                key={row.key}
                data-testid="top-row"
                data-key={row.key}
                className="align-top hover:bg-slate-50"
              >
                <td className="px-4 py-2 text-right text-slate-400 tabular-nums">{i + 1}</td>
                <td className="px-2 py-2">
                  {href ? (
                    <Link href={href} className="group block" title="Filter the page by this">
                      <Talker row={row} dimension={dimension} />
                    </Link>
                  ) : (
                    <Talker row={row} dimension={dimension} />
                  )}
                </td>
                {COLUMNS.map((c) => (
                  <td
                    key={c.metric}
                    className={`whitespace-nowrap px-3 py-2 text-right tabular-nums ${cellTone(c.metric, metric, row)}`}
                  >
                    {c.format(row[c.metric])}
                  </td>
                ))}
                <td className="px-4 py-2 align-middle">
                  <div className="h-2 rounded bg-slate-100">
                    <div
                      className={`h-2 rounded ${metric === "rejectedFlows" ? "bg-orange-500" : "bg-sky-500"}`}
                      style={{ width: `${Math.round((row[metric] / max) * 100)}%` }}
                    />
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function cellTone(column: TopMetric | "flows", ranked: TopMetric, row: TopRow): string {
  const weight = column === ranked ? "font-semibold" : "";
  if (column === "rejectedFlows" && row.rejectedFlows > 0) return `${weight} text-orange-700`;
  return column === ranked ? `${weight} text-slate-900` : "text-slate-600";
}

function Talker({ row, dimension }: { row: TopRow; dimension: TopDimension }) {
  switch (dimension) {
    case "sources":
      return (
        <Address value={row.src ?? row.key} enrichment={row.src ? row.enrichment[row.src] : undefined} />
      );
    case "destinations":
      return (
        <Address value={row.dst ?? row.key} enrichment={row.dst ? row.enrichment[row.dst] : undefined} />
      );
    case "pairs":
      return (
        <span className="grid grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)] items-start gap-x-3">
          <Address value={row.src ?? "?"} enrichment={row.src ? row.enrichment[row.src] : undefined} />
          <span className="text-slate-400">→</span>
          <Address value={row.dst ?? "?"} enrichment={row.dst ? row.enrichment[row.dst] : undefined} />
        </span>
      );
    case "dstPorts":
      return (
        <span className="font-mono font-medium text-sky-800 group-hover:underline">
          {row.dstPort ?? row.key}
          {row.portName && <span className="ml-2 font-sans font-normal text-slate-600">{row.portName}</span>}
        </span>
      );
    case "interfaces": {
      const id = row.interfaceId ?? row.key;
      const e = row.enrichment[id];
      return (
        <span className="block">
          <span className="font-medium text-sky-800 group-hover:underline">{e?.label ?? id}</span>
          {e && <span className="block font-mono text-xs text-slate-500">{id}</span>}
        </span>
      );
    }
  }
}

const KIND_BADGE: Partial<Record<Enrichment["kind"], string>> = {
  internet: "bg-slate-100 text-slate-700",
  "aws-service": "bg-amber-50 text-amber-800",
};

function Address({ value, enrichment }: { value: string; enrichment?: Enrichment }) {
  const badge = enrichment && KIND_BADGE[enrichment.kind];
  return (
    <span className="block min-w-0">
      <span className="font-mono font-medium text-sky-800 group-hover:underline">{value}</span>
      {enrichment && enrichment.label !== value && (
        <span className="block truncate text-xs text-slate-600" title={enrichment.label}>
          {badge ? (
            <span className={`rounded px-1.5 py-0.5 ${badge}`}>{enrichment.label}</span>
          ) : (
            enrichment.label
          )}
        </span>
      )}
    </span>
  );
}
