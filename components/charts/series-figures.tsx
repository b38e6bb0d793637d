import type { SeriesMetric } from "@/lib/traffic/contract";
import { formatMetric } from "@/lib/traffic/series";
import { SERIES_COLORS } from "./series-colors";

/** The window's totals beside the chart; the rejected one carries its exact value for tests and copy-paste. */
export function SeriesFigures({
  metric,
  totals,
}: {
  metric: SeriesMetric;
  totals: { accepted: number; rejected: number };
}) {
  return (
    <dl className="grid shrink-0 grid-cols-2 content-start gap-3 lg:w-48 lg:grid-cols-1">
      <Figure label="Accepted" color={SERIES_COLORS.accepted} value={formatMetric(metric, totals.accepted)} />
      <Figure
        label="Rejected"
        color={SERIES_COLORS.rejected}
        value={formatMetric(metric, totals.rejected)}
        testId="rejected-total"
        raw={totals.rejected}
      />
    </dl>
  );
}

function Figure(props: { label: string; color: string; value: string; testId?: string; raw?: number }) {
  return (
    <div className="rounded-md border border-slate-100 bg-slate-50 px-3 py-2">
      <dt className="flex items-center gap-2 text-xs font-medium text-slate-600">
        <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: props.color }} />
        {props.label} in window
      </dt>
      <dd
        data-testid={props.testId}
        data-value={props.raw}
        className="text-xl font-semibold tabular-nums text-slate-900"
      >
        {props.value}
      </dd>
    </div>
  );
}
