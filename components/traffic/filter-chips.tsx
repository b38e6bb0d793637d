import Link from "next/link";
import { filterChips, withoutFilter, withoutFilters } from "@/lib/traffic/filters";
import { type ResolvedTrafficState, trafficHref } from "@/lib/traffic/search-params";

/** The filters in effect, each removable; a click on a top talker adds one. */
export function FilterChips({
  state,
  addressLabels,
}: {
  state: ResolvedTrafficState;
  addressLabels: Record<string, string>;
}) {
  const chips = filterChips(state);
  return (
    <section
      data-testid="filter-chips"
      className="flex min-h-8 flex-wrap items-center gap-2 text-sm"
      aria-label="Filters"
    >
      <span className="text-xs font-medium text-slate-600">Filters</span>
      {chips.length === 0 && (
        <span className="text-xs text-slate-500">None. Click a row of the top talkers to filter by it.</span>
      )}
      {chips.map((chip) => {
        const name = chip.hint ?? addressLabels[chip.value];
        return (
          <span
            key={chip.key}
            data-testid={`chip-${chip.key}`}
            className="inline-flex items-center gap-1 rounded-full border border-sky-200 bg-sky-50 py-0.5 pr-1 pl-3 text-sky-900"
          >
            <span className="text-sky-700">{chip.label}</span>
            <span className="font-mono text-xs font-medium">{chip.value}</span>
            {name && <span className="text-xs text-sky-700">({name})</span>}
            <Link
              href={trafficHref(withoutFilter(state, chip.key))}
              aria-label={`Remove filter ${chip.label} ${chip.value}`}
              className="ml-1 rounded-full px-1.5 text-sky-700 hover:bg-sky-100 hover:text-sky-950"
            >
              ×
            </Link>
          </span>
        );
      })}
      {chips.length > 1 && (
        <Link href={trafficHref(withoutFilters(state))} className="text-xs text-slate-600 underline">
          Clear all
        </Link>
      )}
    </section>
  );
}
