"use client";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { EvidenceBin } from "@/lib/diagnosis/evidence-series";

const TICK = { fontSize: 11, fill: "#475569" };
const time = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const formatTime = (t: unknown) => (typeof t === "number" ? time.format(t) : String(t));

/** The bars of the evidence chart: accepted and rejected records of the 5-tuple per time bin, stacked. */
export function EvidenceBars({ series }: { series: EvidenceBin[] }) {
  return (
    <BarChart
      responsive
      data={series}
      style={{ width: "100%", height: 140 }}
      margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
    >
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="t" tickFormatter={formatTime} tick={TICK} minTickGap={24} />
      <YAxis allowDecimals={false} tick={TICK} width={32} />
      <Tooltip labelFormatter={formatTime} />
      <Bar dataKey="accepted" name="Accepted" stackId="records" fill="#10b981" isAnimationActive={false} />
      <Bar dataKey="rejected" name="Rejected" stackId="records" fill="#ef4444" isAnimationActive={false} />
    </BarChart>
  );
}
