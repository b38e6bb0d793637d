"use client";

import { useEffect, useState } from "react";
import { formatUsd, PRICING_NOTE } from "@/lib/cost";
import {
  ingestionEstimate,
  ingestionFromGb,
  type ObservedTraffic,
  recordsPerMonth,
} from "@/lib/flow-log-wizard/estimate";
import { DEFAULT_FIELDS, sampleRecord } from "@/lib/flow-log-wizard/format-presets";
import type { WizardState } from "@/lib/flow-log-wizard/state";
import type { VpcCoverage } from "@/lib/topology/coverage";
import type { PanelEvent } from "@/lib/traffic/contract";
import { fetchPanelStream } from "@/lib/traffic/fetch-stream";
import { panelUrl } from "@/lib/traffic/panel-url";
import { inputClass } from "./field";

const MAX_SCOPES = 10;

/** The traffic-panel scope (vpc + subnet or eni) of each chosen resource. */
function scopesOf(state: WizardState, vpcs: VpcCoverage[]) {
  return state.resourceIds.slice(0, MAX_SCOPES).flatMap((id) => {
    for (const vpc of vpcs) {
      if (vpc.id === id) return [{ vpc: vpc.id }];
      for (const s of vpc.subnets) {
        if (s.id === id) return [{ vpc: vpc.id, subnet: s.id }];
        if (s.interfaces.some((e) => e.id === id)) return [{ vpc: vpc.id, eni: id }];
      }
    }
    return [];
  });
}

type Observed =
  | { status: "loading" }
  | { status: "done"; traffic: ObservedTraffic; covered: number; total: number }
  | { status: "error"; message: string };

/** Traffic the existing flow logs saw in the chosen scope over the last 24 hours (the traffic panels' query). */
function useObserved(state: WizardState, vpcs: VpcCoverage[], region: string): Observed {
  const [observed, setObserved] = useState<Observed>({ status: "loading" });
  const key = `${region}|${state.resourceIds.join(",")}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key is the scope
  useEffect(() => {
    const controller = new AbortController();
    const scopes = scopesOf(state, vpcs);
    setObserved({ status: "loading" });
    (async () => {
      let accepted = 0;
      let rejected = 0;
      let covered = 0;
      for (const scope of scopes) {
        const url = panelUrl({ region, range: "24h", panel: "timeseries", metric: "flows", ...scope });
        const outcome = await fetchPanelStream<PanelEvent>(url, {
          signal: controller.signal,
          onProgress: () => {},
        });
        if (outcome.status === "error") throw new Error(outcome.message);
        if (outcome.status === "result" && outcome.event.panel === "timeseries") {
          covered++;
          for (const p of outcome.event.points) {
            accepted += p.accepted;
            rejected += p.rejected;
          }
        }
      }
      setObserved({
        status: "done",
        traffic: { accepted, rejected, days: 1 },
        covered,
        total: scopes.length,
      });
    })().catch((err: unknown) => {
      if (!controller.signal.aborted)
        setObserved({ status: "error", message: err instanceof Error ? err.message : String(err) });
    });
    return () => controller.abort();
  }, [key]);
  return observed;
}

export function EstimatePanel({
  state,
  vpcs,
  region,
}: {
  state: WizardState;
  vpcs: VpcCoverage[];
  region: string;
}) {
  const observed = useObserved(state, vpcs, region);
  const [gb, setGb] = useState("");
  const fields = state.formatMode === "custom" ? state.fields : DEFAULT_FIELDS;
  const bytesPerRecord = sampleRecord(fields).length;
  const fromObserved =
    observed.status === "done"
      ? ingestionEstimate(recordsPerMonth(observed.traffic, state.trafficType), bytesPerRecord)
      : undefined;
  const typed = Number(gb);
  const fromTyped =
    gb.trim() !== "" && Number.isFinite(typed) && typed >= 0 ? ingestionFromGb(typed) : undefined;
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="estimate">
      <h3 className="font-semibold">Estimated monthly ingestion (estimate)</h3>
      {observed.status === "loading" && (
        <p role="status">Reading the traffic observed in this scope over the last 24 hours…</p>
      )}
      {observed.status === "error" && (
        <p className="text-amber-800">Could not read the observed traffic: {observed.message}</p>
      )}
      {observed.status === "done" &&
        (observed.covered === 0 ? (
          <p className="text-slate-600">
            No existing flow log records this scope, so no traffic was observed. Enter a volume below.
          </p>
        ) : (
          <p>
            From the last 24 hours ({observed.covered} of {observed.total} scope
            {observed.total === 1 ? "" : "s"} recorded; {observed.traffic.accepted.toLocaleString()} accepted
            and {observed.traffic.rejected.toLocaleString()} rejected records): about{" "}
            <strong>{Math.round(fromObserved?.recordsPerMonth ?? 0).toLocaleString()}</strong> records and{" "}
            <strong>{((fromObserved?.bytesPerMonth ?? 0) / 1024 ** 2).toFixed(1)} MB</strong> a month ≈{" "}
            <strong data-testid="estimate-observed">{formatUsd(fromObserved?.usdPerMonth ?? 0)}</strong> a
            month. Records of a 1-minute interval can be several times more than of 10 minutes.
          </p>
        ))}
      <label className="flex flex-wrap items-center gap-2">
        Or your own volume, GB a month:
        <input
          value={gb}
          onChange={(e) => setGb(e.target.value)}
          inputMode="decimal"
          aria-label="Volume in GB per month"
          className={`${inputClass} w-28`}
        />
        {fromTyped && (
          <span>
            ≈ <strong data-testid="estimate-typed">{formatUsd(fromTyped.usdPerMonth)}</strong> a month
          </span>
        )}
      </label>
      <p className="text-xs text-slate-500">
        CloudWatch Logs vended-log ingestion, {bytesPerRecord} bytes per record in this format.
        {state.destinationType !== "cloud-watch-logs" &&
          " S3 and Firehose deliveries are billed on a lower schedule not included here."}{" "}
        {PRICING_NOTE}
      </p>
    </div>
  );
}
