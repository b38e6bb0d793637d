"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { checkFilterForm, FILTER_FIELDS, type FilterFormValues } from "@/lib/flows/filter-form";
import { tcpFlagNames } from "@/lib/flows/flow-row";
import {
  FLOW_ACTIONS,
  FLOW_DIRECTIONS,
  type FlowsPageState,
  flowsHref,
  LOG_STATUSES,
} from "@/lib/flows/search-params";
import { ExpertField } from "./expert-field";

const inputClass =
  "w-40 rounded-md border border-slate-300 px-2 py-1.5 text-sm text-slate-900 aria-invalid:border-red-500 aria-invalid:ring-1 aria-invalid:ring-red-500";
const labelClass = "flex flex-col gap-1 text-xs font-medium text-slate-600";

const initialValues = (state: FlowsPageState): FilterFormValues => ({
  src: state.src ?? "",
  dst: state.dst ?? "",
  srcPort: state.srcPort ?? "",
  dstPort: state.dstPort ?? "",
  protocol: state.protocol === undefined ? "" : String(state.protocol),
  action: state.action,
  logStatus: state.logStatus ?? "",
  flowDirection: state.flowDirection ?? "",
  tcpFlags: state.tcpFlags === undefined ? "" : tcpFlagNames(state.tcpFlags),
  srcService: state.srcService ?? "",
  dstService: state.dstService ?? "",
  trafficPath: state.trafficPath === undefined ? "" : String(state.trafficPath),
  instance: state.instance ?? "",
  pktSrc: state.pktSrc ?? "",
  pktDst: state.pktDst ?? "",
  q: state.q ?? "",
});

/** The filters as a draft: only a valid form reaches the URL (and so the query). */
export function FilterForm({
  state,
  serverError,
}: {
  state: FlowsPageState;
  /** A field the server found wrong against the account (an unknown instance), shown beside it. */
  serverError?: { field: string; message: string };
}) {
  const router = useRouter();
  const [values, setValues] = useState<FilterFormValues>(() => initialValues(state));
  const [error, setError] = useState<{ field: string; message: string } | null>(serverError ?? null);
  const set = (key: keyof FilterFormValues, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = checkFilterForm(values);
    if (!check.ok) {
      setError({ field: check.field, message: check.message });
      return;
    }
    setError(null);
    router.push(flowsHref(state, check.patch));
  };

  return (
    <form aria-label="Flow filters" onSubmit={submit} className="space-y-2" noValidate>
      <div className="flex flex-wrap items-end gap-3">
        <label className={labelClass}>
          Action
          <select
            className={inputClass}
            value={values.action}
            onChange={(e) => set("action", e.target.value)}
          >
            {FLOW_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a === "ANY" ? "Any" : a}
              </option>
            ))}
          </select>
        </label>
        {FILTER_FIELDS.map((f) => (
          <label key={f.key} className={labelClass}>
            {f.label}
            <input
              className={inputClass}
              name={f.key}
              value={values[f.key] ?? ""}
              placeholder={f.placeholder}
              aria-invalid={error?.field === f.key ? "true" : undefined}
              aria-describedby={error?.field === f.key ? "filter-error" : undefined}
              onChange={(e) => set(f.key, e.target.value)}
            />
          </label>
        ))}
        <label className={labelClass}>
          Log status
          <select
            className={inputClass}
            value={values.logStatus}
            onChange={(e) => set("logStatus", e.target.value)}
          >
            <option value="">Any</option>
            {LOG_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className={labelClass}>
          Flow direction
          <select
            className={inputClass}
            value={values.flowDirection}
            onChange={(e) => set("flowDirection", e.target.value)}
          >
            <option value="">Any</option>
            {FLOW_DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <ExpertField
          value={values.q ?? ""}
          invalid={error?.field === "q"}
          onChange={(value) => set("q", value)}
        />
        <button
          type="submit"
          className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
        >
          Apply
        </button>
      </div>
      {error && (
        <p id="filter-error" role="alert" data-field={error.field} className="text-sm text-red-700">
          {error.message} Nothing was queried.
        </p>
      )}
    </form>
  );
}
