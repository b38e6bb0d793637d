import { deliveryPolicy, policyJson, trustPolicy } from "@/lib/flow-log-wizard/policies";
import { chosenLogGroup } from "@/lib/flow-log-wizard/state";
import { FieldError, inputClass, invalidProps } from "./field";
import type { StepProps } from "./types";

export function RoleStep({ state, update, issues, options }: StepProps) {
  const group = chosenLogGroup(state) || "LOG-GROUP";
  const roles =
    options.roles.some((r) => r.arn === state.existingRoleArn) || !state.existingRoleArn
      ? options.roles
      : [
          {
            arn: state.existingRoleArn,
            name: state.existingRoleArn.split("/").at(-1) ?? "",
            suitable: true as const,
            note: "Created by this wizard just now.",
          },
          ...options.roles,
        ];
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        VPC Flow Logs assumes this role to write into <span className="font-mono">{group}</span>. It must be
        in this account ({options.ctx.accountId}) and trust vpc-flow-logs.amazonaws.com.
      </p>
      <div className="flex gap-4 text-sm">
        <label className="flex items-center gap-1">
          <input
            type="radio"
            name="roleMode"
            checked={state.roleMode === "new"}
            onChange={() => update({ roleMode: "new" })}
          />
          Create a new role
        </label>
        <label className="flex items-center gap-1">
          <input
            type="radio"
            name="roleMode"
            checked={state.roleMode === "existing"}
            onChange={() => update({ roleMode: "existing" })}
          />
          Use an existing role
        </label>
      </div>
      {state.roleMode === "existing" ? (
        <fieldset className="space-y-1">
          <legend className="mb-1 text-sm font-semibold">Existing roles</legend>
          <FieldError field="existingRoleArn" issues={issues} />
          <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200 bg-white text-sm">
            {roles.map((r) => (
              <li
                key={r.arn}
                data-testid={`role-${r.name}`}
                className={`px-3 py-2 ${r.suitable ? "" : "bg-slate-50 text-slate-500"}`}
              >
                <label
                  className={`flex items-baseline gap-2 ${r.suitable ? "cursor-pointer" : "cursor-not-allowed"}`}
                >
                  <input
                    type="radio"
                    name="existingRoleArn"
                    disabled={!r.suitable}
                    checked={state.existingRoleArn === r.arn}
                    onChange={() => update({ existingRoleArn: r.arn })}
                  />
                  <span className="font-medium">{r.name}</span>
                  {r.suitable ? (
                    <span className="text-xs text-emerald-700">suitable{r.note ? ` · ${r.note}` : ""}</span>
                  ) : (
                    <span className="text-xs text-amber-800">unsuitable: {r.reason}</span>
                  )}
                </label>
              </li>
            ))}
            {roles.length === 0 && <li className="px-3 py-2 text-slate-500">No roles in this account.</li>}
          </ul>
          <p className="text-xs text-slate-500">
            Only the trust policy is checked here; the role also needs the permissions shown under
            &ldquo;Create a new role&rdquo;.
          </p>
        </fieldset>
      ) : (
        <div className="space-y-3">
          <label className="flex flex-col gap-1 text-sm sm:w-1/2">
            Role name
            <input
              value={state.newRoleName}
              onChange={(e) => update({ newRoleName: e.target.value })}
              placeholder="flow-logs-delivery"
              className={inputClass}
              {...invalidProps("newRoleName", issues)}
            />
            <FieldError field="newRoleName" issues={issues} />
          </label>
          <div className="grid gap-3 lg:grid-cols-2">
            <div>
              <h3 className="text-sm font-semibold">Trust policy</h3>
              <p className="text-xs text-slate-500">
                Only VPC Flow Logs, only for flow logs of this account and region.
              </p>
              <pre
                data-testid="trust-policy"
                className="mt-1 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100"
              >
                {policyJson(trustPolicy(options.ctx))}
              </pre>
            </div>
            <div>
              <h3 className="text-sm font-semibold">Permissions policy (inline)</h3>
              <p className="text-xs text-slate-500">
                Write streams and events into this one log group, nothing else.
              </p>
              <pre
                data-testid="permissions-policy"
                className="mt-1 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100"
              >
                {policyJson(deliveryPolicy(options.ctx, group))}
              </pre>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
