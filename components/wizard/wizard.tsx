"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { validateStep, validateWizard } from "@/lib/flow-log-wizard/schema";
import {
  activeSteps,
  INITIAL_STATE,
  isStepId,
  STEP_TITLES,
  type StepId,
  type WizardState,
} from "@/lib/flow-log-wizard/state";
import { DestinationStep } from "./step-destination";
import { FormatStep } from "./step-format";
import { ResourcesStep } from "./step-resources";
import { ReviewStep } from "./step-review";
import { RoleStep } from "./step-role";
import { TagsStep } from "./step-tags";
import { TrafficStep } from "./step-traffic";
import type { UnsuccessfulItem, WizardOptions } from "./types";
import { isStateField, postJson, type ServerProblem, storageKey, toIssues } from "./wizard-api";
import { FieldErrorBanner, StepNav } from "./wizard-nav";

/**
 * The flow-log wizard. The step is in the URL (?step=…); everything entered lives in sessionStorage under the
 * region, so a reload, the browser's back button or an AWS error never loses it. Each step is checked with
 * the shared zod schema first (no request when it fails), then by the server with the same schema and AWS.
 */
export function FlowLogWizard({
  options,
  prefill,
}: {
  options: WizardOptions;
  prefill?: Partial<WizardState>;
}) {
  const params = useSearchParams();
  const region = options.ctx.region;
  const [state, setState] = useState<WizardState>(INITIAL_STATE);
  const [loaded, setLoaded] = useState(false);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [unsuccessful, setUnsuccessful] = useState<UnsuccessfulItem[]>([]);
  const [pending, setPending] = useState(false);
  const steps = activeSteps(state);
  const requested = params.get("step");
  const step: StepId = isStepId(requested) && steps.includes(requested) ? requested : "resources";
  const index = steps.indexOf(step);

  // biome-ignore lint/correctness/useExhaustiveDependencies: restore once, on mount
  useEffect(() => {
    let restored: WizardState = INITIAL_STATE;
    try {
      const saved = sessionStorage.getItem(storageKey(region));
      if (saved) restored = { ...INITIAL_STATE, ...(JSON.parse(saved) as Partial<WizardState>) };
    } catch {
      // a corrupt entry starts afresh
    }
    if (prefill?.resourceIds?.length) restored = { ...restored, ...prefill };
    setState(restored);
    setLoaded(true);
  }, []);

  useEffect(() => {
    if (loaded) sessionStorage.setItem(storageKey(region), JSON.stringify(state));
  }, [state, loaded, region]);

  const update = useCallback((patch: Partial<WizardState>) => {
    setState((s) => ({ ...s, ...patch }));
    // A field's message goes as soon as it is edited; the others stay until the next check.
    setIssues((current) => {
      const keys = Object.keys(patch);
      const kept = Object.entries(current).filter(
        ([field]) => !keys.some((key) => field === key || field.startsWith(`${key}.`)),
      );
      return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept);
    });
  }, []);

  const go = useCallback(
    (target: StepId) => {
      const next = new URLSearchParams(params.toString());
      next.set("step", target);
      next.delete("type");
      next.delete("ids");
      next.set("region", region);
      window.history.pushState(null, "", `?${next.toString()}`);
      window.scrollTo({ top: 0 });
    },
    [params, region],
  );

  const showProblem = (problem: ServerProblem) => {
    const target = isStepId(problem.step) ? problem.step : step;
    const field = problem.field && isStateField(problem.field) ? problem.field : target;
    const list = problem.issues?.length
      ? problem.issues
      : [
          {
            field,
            message: `${problem.error && problem.error !== "invalid" ? `${problem.error}: ` : ""}${problem.message ?? "Failed."}`,
          },
        ];
    setIssues(toIssues(list));
    if (target !== step) go(target);
  };

  const next = async () => {
    const local = validateStep(step, state, options.ctx);
    setUnsuccessful([]);
    if (local.length > 0) return setIssues(toIssues(local));
    setPending(true);
    try {
      const res = await postJson("/api/flow-logs/validate", { region, step, state });
      if (res.status !== 200) return showProblem(res.body as ServerProblem);
      setIssues({});
      const following = steps[index + 1];
      if (following) go(following);
    } catch (err) {
      setIssues({
        [step]: `Could not reach the server: ${err instanceof Error ? err.message : String(err)}`,
      });
    } finally {
      setPending(false);
    }
  };

  const create = async () => {
    const invalid = validateWizard(state, options.ctx);
    if (invalid) {
      setIssues(toIssues(invalid.issues));
      return go(invalid.step);
    }
    setPending(true);
    try {
      const res = await postJson("/api/flow-logs", { region, state, clientToken: crypto.randomUUID() });
      if (res.status === 201) {
        const ids = (res.body.flowLogIds as string[] | undefined) ?? [];
        const failed = (res.body.unsuccessful as UnsuccessfulItem[] | undefined) ?? [];
        const created = (res.body.created as ServerProblem["created"]) ?? {};
        if (failed.length === 0) {
          sessionStorage.removeItem(storageKey(region));
          window.location.assign(`/flow-logs?region=${region}&created=${ids.join(",")}`);
          return;
        }
        // Partly done: keep only the resources that failed, each with its error, and reuse what exists now.
        const failedIds = new Set(failed.map((u) => u.resourceId));
        update({
          resourceIds: state.resourceIds.filter((id) => failedIds.has(id)),
          ...(created.logGroup
            ? { logGroupMode: "existing" as const, existingLogGroup: created.logGroup }
            : {}),
          ...(created.roleArn ? { roleMode: "existing" as const, existingRoleArn: created.roleArn } : {}),
        });
        setUnsuccessful(failed);
        setIssues({
          resources: `Created ${ids.join(", ")} for the other resources. ${failed.length} failed (below): fix or unselect them and create again.`,
        });
        go("resources");
        return;
      }
      const problem = res.body as ServerProblem;
      // What was created before the failure is kept and reused, so a retry does not create it twice.
      if (problem.created?.logGroup)
        update({ logGroupMode: "existing", existingLogGroup: problem.created.logGroup });
      if (problem.created?.roleArn)
        update({ roleMode: "existing", existingRoleArn: problem.created.roleArn });
      setUnsuccessful(problem.unsuccessful ?? []);
      showProblem(problem);
    } catch (err) {
      setIssues({
        review: `Could not reach the server: ${err instanceof Error ? err.message : String(err)}`,
      });
    } finally {
      setPending(false);
    }
  };

  const props = { state, update, issues, options };
  return (
    <div className="space-y-4">
      <StepNav steps={steps} index={index} go={go} />
      <section
        aria-labelledby="step-title"
        className="space-y-4 rounded-lg border border-slate-200 bg-slate-50/50 p-4"
      >
        <h2 id="step-title" className="text-lg font-semibold">
          Step {index + 1} of {steps.length}: {STEP_TITLES[step]}
        </h2>
        {!loaded ? (
          <p role="status">Loading…</p>
        ) : (
          <>
            <FieldErrorBanner issues={issues} step={step} />
            {step === "resources" && <ResourcesStep {...props} unsuccessful={unsuccessful} />}
            {step === "traffic" && <TrafficStep {...props} />}
            {step === "destination" && <DestinationStep {...props} />}
            {step === "role" && <RoleStep {...props} />}
            {step === "format" && <FormatStep {...props} />}
            {step === "tags" && <TagsStep {...props} />}
            {step === "review" && <ReviewStep {...props} />}
          </>
        )}
      </section>
      <div className="flex items-center gap-3">
        {index > 0 ? (
          <button
            type="button"
            onClick={() => {
              setIssues({});
              go(steps[index - 1] ?? "resources");
            }}
            className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm"
          >
            Back
          </button>
        ) : (
          <Link
            href={`/flow-logs?region=${region}`}
            className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm"
          >
            Cancel
          </Link>
        )}
        {step === "review" ? (
          <button
            type="button"
            onClick={create}
            disabled={pending || !loaded}
            className="rounded bg-sky-700 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-60"
          >
            {pending ? "Creating…" : "Create flow log"}
          </button>
        ) : (
          <button
            type="button"
            onClick={next}
            disabled={pending || !loaded}
            className="rounded bg-sky-700 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-60"
          >
            {pending ? "Checking…" : "Next"}
          </button>
        )}
      </div>
    </div>
  );
}
