import { createColumnHelper } from "@tanstack/react-table";
import { durationText, endpointText, protocolText, utcText } from "@/lib/flows/cells";
import type { FlowRow } from "@/lib/flows/contract";
import { tcpFlagNames } from "@/lib/flows/flow-row";
import { formatBytes, formatCount } from "@/lib/traffic/format";

const col = createColumnHelper<FlowRow>();
const local = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "medium" });

function Endpoint({ row, side }: { row: FlowRow; side: "src" | "dst" }) {
  const addr = side === "src" ? row.srcAddr : row.dstAddr;
  // ICMP records carry type and code where ports would be, as 0: an address alone reads better.
  const icmp = row.protocol === 1 || row.protocol === 58;
  const port = icmp ? undefined : side === "src" ? row.srcPort : row.dstPort;
  const label = addr ? row.enrichment[addr]?.label : undefined;
  return (
    <div className="min-w-36">
      <div className="font-mono text-xs">{endpointText(addr, port)}</div>
      {label && <div className="text-xs text-slate-500">{label}</div>}
    </div>
  );
}

/** The table's columns; every one sorts on the raw value, not on its text. */
export const FLOW_COLUMNS = [
  col.accessor((r) => r.start ?? 0, {
    id: "start",
    header: "Start",
    cell: ({ row: { original: r } }) =>
      r.start === undefined ? (
        "—"
      ) : (
        <div className="whitespace-nowrap" title={utcText(r.start)}>
          <div>{local.format(r.start)}</div>
          <div className="text-xs text-slate-500">
            {utcText(r.start)} · {durationText(r.start, r.end)}
          </div>
        </div>
      ),
  }),
  col.accessor((r) => r.srcAddr ?? "", {
    id: "source",
    header: "Source",
    cell: ({ row }) => <Endpoint row={row.original} side="src" />,
  }),
  col.accessor((r) => r.dstAddr ?? "", {
    id: "destination",
    header: "Destination",
    cell: ({ row }) => <Endpoint row={row.original} side="dst" />,
  }),
  col.accessor((r) => r.dstPort ?? -1, {
    id: "dstPort",
    header: "Dst port",
    cell: (c) => c.row.original.dstPort ?? "—",
  }),
  col.accessor((r) => r.protocol ?? -1, {
    id: "protocol",
    header: "Protocol",
    cell: (c) => protocolText(c.row.original.protocol),
  }),
  col.accessor((r) => r.action ?? "", {
    id: "action",
    header: "Action",
    cell: (c) => (
      <span className={c.getValue() === "REJECT" ? "font-medium text-red-700" : "text-emerald-700"}>
        {c.getValue() || "—"}
      </span>
    ),
  }),
  col.accessor((r) => r.bytes ?? -1, {
    id: "bytes",
    header: "Bytes",
    cell: (c) => (c.row.original.bytes === undefined ? "—" : formatBytes(c.row.original.bytes)),
  }),
  col.accessor((r) => r.packets ?? -1, {
    id: "packets",
    header: "Packets",
    cell: (c) => (c.row.original.packets === undefined ? "—" : formatCount(c.row.original.packets)),
  }),
  col.accessor((r) => r.tcpFlags ?? -1, {
    id: "tcpFlags",
    header: "TCP flags",
    cell: (c) => tcpFlagNames(c.row.original.tcpFlags) || "—",
  }),
  col.accessor((r) => r.interfaceId ?? "", {
    id: "interface",
    header: "Interface",
    cell: ({ row: { original: r } }) =>
      r.interfaceId ? (
        <div className="min-w-32">
          <div className="font-mono text-xs">{r.interfaceId}</div>
          <div className="text-xs text-slate-500">{r.enrichment[r.interfaceId]?.label}</div>
        </div>
      ) : (
        "—"
      ),
  }),
];
