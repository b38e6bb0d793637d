import type { VerdictHop } from "@/lib/diagnosis/verdict";

const TONE = {
  pass: "border-emerald-300 bg-emerald-50 text-emerald-900",
  block: "border-red-400 bg-red-50 text-red-900",
  "not-applicable": "border-slate-200 bg-slate-50 text-slate-500",
} as const;
const MARK = { pass: "✓", block: "✗", "not-applicable": "–" } as const;

/** Source to destination and back: each hop green (passes), red (blocks) or grey (not applied). */
export function PathDiagram({ hops }: { hops: VerdictHop[] }) {
  return (
    <div className="space-y-3" data-testid="path-diagram">
      {(["request", "reply"] as const).map((path) => (
        <section key={path}>
          <h3 className="mb-1 text-sm font-semibold capitalize">{path}</h3>
          <ol className="flex flex-wrap items-stretch gap-2">
            {hops
              .filter((h) => (h.path ?? "request") === path)
              .map((h) => (
                <li
                  key={`${h.component}-${h.resourceId}-${h.direction ?? ""}-${h.detail}`}
                  data-result={h.result}
                  data-testid="hop"
                  className={`rounded border px-2 py-1 text-xs ${TONE[h.result]}`}
                  title={h.detail}
                >
                  <span className="font-semibold">
                    {MARK[h.result]} {h.component}
                    {h.direction ? ` ${h.direction === "ingress" ? "in" : "out"}` : ""}
                  </span>
                  <span className="block font-mono">{h.resourceId}</span>
                  <span className="block">{h.detail}</span>
                </li>
              ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
