"use client";

import { useState } from "react";
import type { WizardState } from "@/lib/flow-log-wizard/state";
import type { VpcCoverage } from "@/lib/topology/coverage";
import { Choice, FieldError, inputClass } from "./field";
import type { StepProps, UnsuccessfulItem } from "./types";

type Row = { id: string; label: string; detail: string; coverage: string; group: string };

function rowsOf(vpcs: VpcCoverage[], type: WizardState["resourceType"]): Row[] {
  const cov = (traffic: string, count: number) =>
    traffic === "NONE" ? (count > 0 ? "flow logs not delivering" : "no flow log") : `recorded: ${traffic}`;
  return vpcs.flatMap((vpc) => {
    const vpcName = vpc.name ?? vpc.id;
    if (type === "VPC")
      return [
        {
          id: vpc.id,
          label: vpcName,
          detail: vpc.cidrs.join(", "),
          coverage: cov(vpc.traffic, vpc.flowLogs.length),
          group: "VPCs",
        },
      ];
    return vpc.subnets.flatMap((s) => {
      if (type === "Subnet")
        return [
          {
            id: s.id,
            label: s.name ?? s.id,
            detail: [s.cidr, s.availabilityZone].filter(Boolean).join(" · "),
            coverage: cov(s.traffic, s.flowLogs.length),
            group: vpcName,
          },
        ];
      return s.interfaces.map((e) => ({
        id: e.id,
        label: e.label,
        detail: [e.privateIp, e.type, s.name ?? s.id].filter(Boolean).join(" · "),
        coverage: cov(e.traffic, e.flowLogs.length),
        group: vpcName,
      }));
    });
  });
}

const TYPES = [
  ["VPC", "VPC", "Every interface in the VPC, including ones created later."],
  ["Subnet", "Subnet", "Every interface in the subnet, including ones created later."],
  ["NetworkInterface", "Network interface", "One interface (an instance, load balancer, NAT gateway…)."],
] as const;

export function ResourcesStep({
  state,
  update,
  issues,
  options,
  unsuccessful,
}: StepProps & { unsuccessful: UnsuccessfulItem[] }) {
  const [filter, setFilter] = useState("");
  const rows = rowsOf(options.vpcs, state.resourceType);
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? rows.filter((r) => `${r.id} ${r.label} ${r.detail}`.toLowerCase().includes(needle))
    : rows;
  const groups = [...new Set(shown.map((r) => r.group))];
  const selected = new Set(state.resourceIds);
  const toggle = (id: string) =>
    update({
      resourceIds: selected.has(id) ? state.resourceIds.filter((x) => x !== id) : [...state.resourceIds, id],
    });
  const failures = new Map(unsuccessful.map((u) => [u.resourceId, u]));
  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-semibold">Resource type</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {TYPES.map(([value, label, text]) => (
            <Choice
              key={value}
              name="resourceType"
              value={value}
              label={label}
              checked={state.resourceType === value}
              onChange={() => update({ resourceType: value, resourceIds: [] })}
            >
              {text}
            </Choice>
          ))}
        </div>
        <FieldError field="resourceType" issues={issues} />
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-semibold">
          Resources{" "}
          <span className="font-normal text-slate-500">
            ({state.resourceIds.length} selected, several at once)
          </span>
        </legend>
        <FieldError field="resourceIds" issues={issues} />
        {state.resourceIds.length > 0 && (
          <ul className="space-y-1" data-testid="selected-resources">
            {state.resourceIds.map((id) => {
              const row = rows.find((r) => r.id === id);
              const failure = failures.get(id);
              return (
                <li
                  key={id}
                  data-testid={`selected-${id}`}
                  className="rounded border border-slate-200 bg-white px-2 py-1 text-sm"
                >
                  <span className="font-medium">{row?.label ?? id}</span>{" "}
                  <span className="font-mono text-xs text-slate-500">{id}</span>{" "}
                  <button
                    type="button"
                    onClick={() => toggle(id)}
                    aria-label={`Unselect ${id}`}
                    className="ml-1 text-xs text-red-700"
                  >
                    remove
                  </button>
                  {failure && (
                    <p role="alert" data-field={`resource.${id}`} className="text-red-700">
                      {failure.code}: {failure.message}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <input
          type="search"
          placeholder="Filter by name, id, CIDR or IP"
          aria-label="Filter resources"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className={`${inputClass} w-full sm:w-80`}
        />
        <div className="max-h-96 overflow-y-auto rounded-lg border border-slate-200 bg-white">
          {groups.map((group) => (
            <div key={group}>
              <div className="sticky top-0 bg-slate-50 px-3 py-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
                {group}
              </div>
              {shown
                .filter((r) => r.group === group)
                .map((r) => {
                  const failure = failures.get(r.id);
                  return (
                    <div
                      key={r.id}
                      data-testid={`resource-${r.id}`}
                      className="border-t border-slate-100 px-3 py-1.5"
                    >
                      <label className="flex cursor-pointer items-baseline gap-2 text-sm">
                        <input
                          type="checkbox"
                          checked={selected.has(r.id)}
                          onChange={() => toggle(r.id)}
                          aria-label={`${r.label} ${r.id}`}
                        />
                        <span className="font-medium">{r.label}</span>
                        <span className="font-mono text-xs text-slate-500">{r.id}</span>
                        <span className="text-xs text-slate-500">{r.detail}</span>
                        <span
                          className={`ml-auto text-xs ${r.coverage.startsWith("recorded") ? "text-emerald-700" : "text-amber-700"}`}
                        >
                          {r.coverage}
                        </span>
                      </label>
                      {failure && <p className="ml-6 text-xs text-red-700">{failure.code}</p>}
                    </div>
                  );
                })}
            </div>
          ))}
          {shown.length === 0 && <p className="p-3 text-sm text-slate-500">Nothing matches.</p>}
        </div>
      </fieldset>
    </div>
  );
}
