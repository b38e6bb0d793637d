"use client";
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import dynamic from "next/dynamic";
import { Fragment, useState } from "react";
import type { FlowRow } from "@/lib/flows/contract";
import { flowKey } from "@/lib/flows/flow-row";
import { FLOW_COLUMNS } from "./flow-columns";

// A row's detail (and its reply search) only shows when a row is expanded: it loads then, not with the page.
const FlowDetail = dynamic(() => import("./flow-detail").then((m) => m.FlowDetail), {
  loading: () => <p className="text-sm text-slate-500">Loading details…</p>,
});

const ARROWS = { asc: " ▲", desc: " ▼" } as const;

/** Sortable records; a row's button opens its detail below it. */
export function FlowTable({ rows, region, vpc }: { rows: FlowRow[]; region: string; vpc: string }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: "start", desc: true }]);
  const [open, setOpen] = useState<string | null>(null);
  const table = useReactTable({
    data: rows,
    columns: FLOW_COLUMNS,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const width = FLOW_COLUMNS.length + 1;
  return (
    <div className="-mx-4 overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="flow-table">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              <th className="w-8 px-2" aria-label="Details" />
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    className="px-2 py-1.5"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    <button
                      type="button"
                      className="uppercase hover:text-slate-900"
                      onClick={header.column.getToggleSortingHandler()}
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      {sorted ? ARROWS[sorted] : ""}
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => {
            const expanded = open === row.id;
            return (
              <Fragment key={row.id}>
                <tr
                  data-testid="flow-row"
                  data-flow={flowKey(row.original)}
                  data-action={row.original.action}
                  data-dst-port={row.original.dstPort}
                  className="border-t border-slate-100 align-top hover:bg-slate-50"
                >
                  <td className="px-2 py-1.5">
                    <button
                      type="button"
                      aria-expanded={expanded}
                      aria-label={expanded ? "Hide details" : "Show details"}
                      className="rounded px-1 text-slate-500 hover:bg-slate-200"
                      onClick={() => setOpen(expanded ? null : row.id)}
                    >
                      {expanded ? "▾" : "▸"}
                    </button>
                  </td>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="px-2 py-1.5">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
                {expanded && (
                  <tr className="bg-slate-50">
                    <td colSpan={width} className="px-4 py-3">
                      <FlowDetail row={row.original} rows={rows} region={region} vpc={vpc} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
