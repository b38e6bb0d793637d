import type { TrafficCoverage } from "@/lib/topology/coverage";

const STYLE: Record<TrafficCoverage, { text: string; className: string; title: string }> = {
  ALL: {
    text: "ALL",
    className: "bg-emerald-100 text-emerald-800",
    title: "Accepted and rejected traffic is logged",
  },
  ACCEPT: {
    text: "ACCEPT only",
    className: "bg-amber-100 text-amber-800",
    title: "Only accepted traffic is logged: rejects are invisible",
  },
  REJECT: {
    text: "REJECT only",
    className: "bg-amber-100 text-amber-800",
    title: "Only rejected traffic is logged: accepted flows are invisible",
  },
  NONE: {
    text: "No flow log",
    className: "bg-red-100 text-red-800",
    title: "No active flow log covers this resource",
  },
};

export function CoverageBadge({ traffic }: { traffic: TrafficCoverage }) {
  const s = STYLE[traffic];
  return (
    <span
      title={s.title}
      className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${s.className}`}
    >
      {s.text}
    </span>
  );
}
