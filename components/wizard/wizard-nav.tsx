import { STEP_TITLES, type StepId } from "@/lib/flow-log-wizard/state";

/** The steps, done ones clickable (going back never loses anything), the current one marked. */
export function StepNav({
  steps,
  index,
  go,
}: {
  steps: StepId[];
  index: number;
  go: (step: StepId) => void;
}) {
  return (
    <nav aria-label="Wizard steps">
      <ol className="flex flex-wrap gap-2 text-sm">
        {steps.map((s, i) => (
          <li key={s}>
            {i < index ? (
              <button
                type="button"
                onClick={() => go(s)}
                className="rounded-full border border-sky-300 bg-sky-50 px-3 py-1 text-sky-800"
              >
                {i + 1}. {STEP_TITLES[s]}
              </button>
            ) : (
              <span
                aria-current={i === index ? "step" : undefined}
                className={`inline-block rounded-full border px-3 py-1 ${i === index ? "border-sky-600 bg-sky-600 text-white" : "border-slate-200 text-slate-500"}`}
              >
                {i + 1}. {STEP_TITLES[s]}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Problems whose field the step does not show (e.g. the whole step) are listed at its top. */
export function FieldErrorBanner({ issues, step }: { issues: Record<string, string>; step: StepId }) {
  const message = issues[step];
  if (!message) return null;
  return (
    <p
      role="alert"
      data-field={step}
      className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
    >
      {message}
    </p>
  );
}
