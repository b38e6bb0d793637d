"use client";
import dynamic from "next/dynamic";
import type { EvidenceBin } from "@/lib/diagnosis/evidence-series";

// recharts loads after the page, into a box of the chart's final height (no layout shift).
const EvidenceBars = dynamic(() => import("./evidence-bars").then((m) => m.EvidenceBars), {
  ssr: false,
  loading: () => <div aria-hidden className="h-full w-full animate-pulse rounded bg-slate-100" />,
});

/** Accepted and rejected records of the 5-tuple per time bin, stacked. */
export function EvidenceChart({ series }: { series: EvidenceBin[] }) {
  return (
    <div data-testid="evidence-chart" className="w-full max-w-md" style={{ height: 140 }}>
      <EvidenceBars series={series} />
    </div>
  );
}
