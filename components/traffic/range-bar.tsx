"use client";
import Link from "next/link";
import { useState } from "react";
import { LinkPending } from "@/components/ui/link-pending";
import { type RangeHref, type ResolvedTrafficState, trafficHref } from "@/lib/traffic/search-params";
import { RANGE_PRESETS } from "@/lib/traffic/time-range";
import { CustomRangeForm } from "./custom-range-form";

const item = "px-3 py-1.5 text-sm first:rounded-l-md last:rounded-r-md";
const active = "bg-slate-900 font-medium text-white";
const idle = "bg-white text-slate-700 hover:bg-slate-50";

/** Preset windows ending now, as links; "Custom" opens two datetime inputs. */
export function RangeBar({
  state,
  hrefFor = (patch) => trafficHref(state, patch),
}: {
  state: ResolvedTrafficState;
  /** The page a range links to; the flows page passes its own. */
  hrefFor?: RangeHref;
}) {
  const [customOpen, setCustomOpen] = useState(state.range === "custom");
  const custom = state.range === "custom";
  return (
    <>
      <fieldset className="flex flex-col gap-1 text-xs font-medium text-slate-600 sm:ml-auto">
        <legend className="mb-1">Time range</legend>
        <div className="inline-flex divide-x divide-slate-300 rounded-md border border-slate-300">
          {RANGE_PRESETS.map((p) => (
            <Link
              key={p.key}
              href={hrefFor({ range: p.key, start: undefined, end: undefined })}
              aria-current={state.range === p.key ? "true" : undefined}
              className={`${item} ${state.range === p.key ? active : idle}`}
              onClick={() => setCustomOpen(false)}
            >
              {p.label}
              <LinkPending />
            </Link>
          ))}
          <button
            type="button"
            aria-expanded={customOpen}
            aria-current={custom ? "true" : undefined}
            className={`${item} ${custom ? active : idle}`}
            onClick={() => setCustomOpen((o) => !o)}
          >
            Custom
          </button>
        </div>
      </fieldset>
      {customOpen && <CustomRangeForm state={state} hrefFor={hrefFor} />}
    </>
  );
}
