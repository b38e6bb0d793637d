"use client";
import dynamic from "next/dynamic";
import type { SeriesStripProps } from "./series-strip-chart";

// recharts is large: it loads after the page, into a box of the strip's final height (no layout shift).
const SeriesStripChart = dynamic(() => import("./series-strip-chart").then((m) => m.SeriesStripChart), {
  ssr: false,
  loading: () => <div aria-hidden className="absolute inset-0 animate-pulse rounded bg-slate-100" />,
});

/** One series of the traffic chart on its own scale; charts with the same syncId share the pointer. */
export function SeriesStrip(props: SeriesStripProps) {
  return (
    <div className="relative" style={{ height: props.height }}>
      <SeriesStripChart {...props} />
    </div>
  );
}
