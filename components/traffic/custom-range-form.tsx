"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useMounted } from "@/components/ui/use-mounted";
import { type RangeHref, type ResolvedTrafficState, trafficHref } from "@/lib/traffic/search-params";
import { checkCustomRange, fromLocalInput, RANGE_PRESETS, toLocalInput } from "@/lib/traffic/time-range";

const inputClass =
  "rounded-md border border-slate-300 px-2 py-1.5 text-sm text-slate-900 aria-invalid:border-red-500 aria-invalid:ring-1 aria-invalid:ring-red-500";

/**
 * Two local-time inputs; the range reaches the URL (and so the queries) only once it is valid.
 * The inputs hold a draft, so typing never fires a query.
 */
export function CustomRangeForm({
  state,
  hrefFor = (patch) => trafficHref(state, patch),
}: {
  state: ResolvedTrafficState;
  /** The page a range links to; the flows page passes its own. */
  hrefFor?: RangeHref;
}) {
  const router = useRouter();
  const mounted = useMounted();
  const [draft, setDraft] = useState<{ start?: string; end?: string }>({});
  const [submitted, setSubmitted] = useState(false);

  const fallback = () => {
    const now = Date.now();
    const length = RANGE_PRESETS.find((p) => p.key === state.range)?.ms ?? 3_600_000;
    return { start: state.start ?? now - length, end: state.end ?? now };
  };
  const initial = mounted && (draft.start === undefined || draft.end === undefined) ? fallback() : undefined;
  const start = draft.start ?? toLocalInput(initial?.start);
  const end = draft.end ?? toLocalInput(initial?.end);
  const check = checkCustomRange(
    fromLocalInput(start),
    fromLocalInput(end),
    mounted ? Date.now() : undefined,
  );
  // Inline as soon as the user has touched the range, not while the form first shows.
  const showError = !check.ok && (submitted || draft.start !== undefined);
  const errorField = showError && !check.ok ? check.field : undefined;
  const edit = (field: "start" | "end", value: string) => setDraft({ start, end, [field]: value });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    const s = fromLocalInput(start);
    const t = fromLocalInput(end);
    if (!checkCustomRange(s, t, Date.now()).ok) return;
    router.push(hrefFor({ range: "custom", start: s, end: t }));
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Custom time range"
      className="flex basis-full flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white px-3 py-2"
    >
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        From
        <input
          type="datetime-local"
          className={inputClass}
          value={start}
          aria-invalid={errorField === "start" || undefined}
          aria-describedby={errorField === "start" ? "custom-range-error" : undefined}
          onChange={(e) => edit("start", e.target.value)}
        />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        To
        <input
          type="datetime-local"
          className={inputClass}
          value={end}
          aria-invalid={errorField === "end" || undefined}
          aria-describedby={errorField === "end" ? "custom-range-error" : undefined}
          onChange={(e) => edit("end", e.target.value)}
        />
      </label>
      <button
        type="submit"
        className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
      >
        Apply
      </button>
      <span className="pb-2 text-xs text-slate-500">
        {mounted && `Your time zone: ${Intl.DateTimeFormat().resolvedOptions().timeZone}. At most 31 days.`}
      </span>
      {showError && !check.ok && (
        <p id="custom-range-error" role="alert" className="basis-full text-sm font-medium text-red-700">
          {check.message}
        </p>
      )}
    </form>
  );
}
