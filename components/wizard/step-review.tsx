"use client";

import { useState } from "react";
import { buildPlan } from "@/lib/flow-log-wizard/request";
import { cliSnippet, cloudFormationSnippet, terraformSnippet } from "@/lib/flow-log-wizard/snippets";
import { chosenLogGroup, chosenRoleArn } from "@/lib/flow-log-wizard/state";
import { EstimatePanel } from "./estimate-panel";
import type { StepProps } from "./types";

const TABS = ["AWS CLI", "CloudFormation", "Terraform"] as const;

function Summary({ state, options }: Pick<StepProps, "state" | "options">) {
  const rows: [string, string][] = [
    ["Resources", `${state.resourceType}: ${state.resourceIds.join(", ")}`],
    ["Traffic", state.trafficType],
    ["Aggregation interval", state.maxAggregationInterval === 60 ? "1 minute" : "10 minutes"],
  ];
  if (state.destinationType === "cloud-watch-logs") {
    rows.push([
      "Destination",
      `CloudWatch Logs ${chosenLogGroup(state)}${state.logGroupMode === "new" ? ` (new, ${state.retentionInDays ? `${state.retentionInDays} days` : "never expires"})` : ""}`,
    ]);
    rows.push([
      "Delivery role",
      `${chosenRoleArn(state, options.ctx)}${state.roleMode === "new" ? " (new)" : ""}`,
    ]);
  } else if (state.destinationType === "s3") {
    rows.push([
      "Destination",
      `S3 ${state.s3BucketArn} · ${state.s3FileFormat}${state.s3HivePartitions ? " · Hive prefixes" : ""}${state.s3PerHourPartition ? " · hourly" : ""}`,
    ]);
  } else {
    rows.push(["Destination", `Firehose ${state.firehoseStreamArn}`]);
  }
  rows.push([
    "Format",
    state.formatMode === "default" ? "AWS default (14 fields)" : `Custom: ${state.fields.join(" ")}`,
  ]);
  rows.push(["Tags", state.tags.length ? state.tags.map((t) => `${t.key}=${t.value}`).join(", ") : "none"]);
  return (
    <dl
      className="grid gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[12rem_1fr]"
      data-testid="summary"
    >
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd className="break-all">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ReviewStep({ state, options }: StepProps) {
  const [tab, setTab] = useState<(typeof TABS)[number]>("AWS CLI");
  const plan = buildPlan(state, options.ctx);
  const text =
    tab === "AWS CLI"
      ? cliSnippet(plan, options.ctx)
      : tab === "CloudFormation"
        ? cloudFormationSnippet(plan)
        : terraformSnippet(plan, options.ctx);
  return (
    <div className="space-y-4">
      <Summary state={state} options={options} />
      <EstimatePanel state={state} vpcs={options.vpcs} region={options.ctx.region} />
      <div>
        <div role="tablist" aria-label="The same request as code" className="flex gap-1">
          {TABS.map((t) => (
            <button
              key={t}
              role="tab"
              type="button"
              aria-selected={tab === t}
              onClick={() => setTab(t)}
              className={`rounded-t border border-b-0 px-3 py-1 text-sm ${tab === t ? "border-slate-300 bg-slate-900 text-white" : "border-transparent text-slate-600"}`}
            >
              {t}
            </button>
          ))}
          <button
            type="button"
            onClick={() => navigator.clipboard?.writeText(text)}
            className="ml-auto text-sm text-sky-700"
          >
            Copy
          </button>
        </div>
        <pre
          role="tabpanel"
          data-testid="snippet"
          className="max-h-96 overflow-auto rounded-b rounded-tr bg-slate-900 p-3 text-xs text-slate-100"
        >
          {text}
        </pre>
      </div>
    </div>
  );
}
