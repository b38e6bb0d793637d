"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { ScopeChoices } from "@/lib/traffic/scope";
import { type ResolvedTrafficState, type TrafficPageState, trafficHref } from "@/lib/traffic/search-params";

const selectClass =
  "max-w-80 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 disabled:opacity-60";

function scopeValue(state: ResolvedTrafficState): string {
  if (state.eni) return `eni:${state.eni}`;
  if (state.subnet) return `subnet:${state.subnet}`;
  return "vpc";
}

function scopePatch(value: string): Partial<TrafficPageState> {
  const [kind, id] = value.split(":");
  if (kind === "subnet" && id) return { subnet: id, eni: undefined };
  if (kind === "eni" && id) return { eni: id, subnet: undefined };
  return { subnet: undefined, eni: undefined };
}

/** The VPC and the part of it the page looks at; both live in the URL. */
export function ScopePicker({
  state,
  choices,
  hrefFor = (patch) => trafficHref(state, patch),
}: {
  state: ResolvedTrafficState;
  choices: ScopeChoices;
  /** The page a scope change goes to; the flows page passes its own. */
  hrefFor?: (patch: Partial<TrafficPageState>) => string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (patch: Partial<TrafficPageState>) => startTransition(() => router.push(hrefFor(patch)));

  return (
    <div className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        VPC
        <select
          aria-label="VPC"
          className={selectClass}
          value={state.vpc}
          disabled={pending}
          onChange={(e) => go({ vpc: e.target.value, subnet: undefined, eni: undefined })}
        >
          {choices.vpcs.map((v) => (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        Scope
        <select
          aria-label="Scope"
          className={selectClass}
          value={scopeValue(state)}
          disabled={pending}
          onChange={(e) => go(scopePatch(e.target.value))}
        >
          <option value="vpc">Whole VPC</option>
          {choices.subnets.length > 0 && (
            <optgroup label="Subnets">
              {choices.subnets.map((s) => (
                <option key={s.value} value={`subnet:${s.value}`}>
                  {s.label}
                </option>
              ))}
            </optgroup>
          )}
          {choices.interfaces.length > 0 && (
            <optgroup label="Interfaces">
              {choices.interfaces.map((i) => (
                <option key={i.value} value={`eni:${i.value}`}>
                  {i.label}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      {pending && <span className="pb-2 text-xs text-slate-500">Loading…</span>}
    </div>
  );
}
