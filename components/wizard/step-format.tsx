import { flowLogField } from "@/lib/flow/fields";
import {
  DEFAULT_FIELDS,
  FORMAT_PRESETS,
  pickableFieldsByVersion,
  sampleRecord,
} from "@/lib/flow-log-wizard/format-presets";
import { FieldError } from "./field";
import type { StepProps } from "./types";

const GROUPS = pickableFieldsByVersion();
const VERSION_NOTE: Record<number, string> = {
  2: "default fields",
  3: "where the packet came from",
  4: "location",
  5: "direction, path and AWS services",
  7: "ECS tasks (needs ECS list permissions)",
  8: "reject reason",
  9: "regional NAT gateways",
  10: "encryption",
  11: "next hop and interface type",
};

export function FormatStep({ state, update, issues, options }: StepProps) {
  const custom = state.formatMode === "custom";
  const fields = custom ? state.fields : DEFAULT_FIELDS;
  const chosen = new Set(state.fields);
  const sample = sampleRecord(fields, options.ctx.accountId);
  const values = sample.split(" ");
  const toggle = (name: string) =>
    update({ fields: chosen.has(name) ? state.fields.filter((f) => f !== name) : [...state.fields, name] });
  const move = (i: number, by: number) => {
    const next = [...state.fields];
    const [item] = next.splice(i, 1);
    if (item === undefined) return;
    next.splice(Math.max(0, Math.min(next.length, i + by)), 0, item);
    update({ fields: next });
  };
  return (
    <div className="space-y-4">
      <div className="flex gap-4 text-sm">
        <label className="flex items-center gap-1">
          <input
            type="radio"
            name="formatMode"
            checked={!custom}
            onChange={() => update({ formatMode: "default" })}
          />
          AWS default format (version 2, 14 fields)
        </label>
        <label className="flex items-center gap-1">
          <input
            type="radio"
            name="formatMode"
            checked={custom}
            onChange={() =>
              update({
                formatMode: "custom",
                fields: state.fields.length > 0 ? state.fields : [...DEFAULT_FIELDS],
              })
            }
          />
          Custom format
        </label>
      </div>
      <p className="text-sm text-slate-600">
        The format cannot be changed after creation. Fields Flowscope uses for filters: vpc-id, subnet-id,
        tcp-flags, flow-direction, pkt-srcaddr/pkt-dstaddr, traffic-path.
      </p>
      {custom && (
        <>
          <div className="flex flex-wrap gap-2">
            {FORMAT_PRESETS.map((p) => (
              <button
                key={p.id}
                type="button"
                title={p.description}
                onClick={() => update({ fields: [...p.fields] })}
                className="rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50"
              >
                Preset: {p.label}
              </button>
            ))}
            <button
              type="button"
              onClick={() => update({ fields: [] })}
              className="rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50"
            >
              Clear
            </button>
          </div>
          <FieldError field="fields" issues={issues} />
          <div className="grid gap-4 lg:grid-cols-2">
            <div className="max-h-[28rem] overflow-y-auto rounded-lg border border-slate-200 bg-white">
              {GROUPS.map((g) => (
                <fieldset key={g.version} className="border-t border-slate-100 first:border-t-0">
                  <legend className="sr-only">Version {g.version}</legend>
                  <div className="sticky top-0 bg-slate-50 px-3 py-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
                    Version {g.version} · {VERSION_NOTE[g.version] ?? ""}
                  </div>
                  {g.fields.map((f) => (
                    <label
                      key={f.name}
                      className="flex cursor-pointer items-baseline gap-2 px-3 py-1 text-sm"
                    >
                      <input
                        type="checkbox"
                        checked={chosen.has(f.name)}
                        onChange={() => toggle(f.name)}
                        aria-label={f.name}
                      />
                      <span className="font-mono text-xs">{f.name}</span>
                      <span className="text-xs text-slate-500">{f.description}</span>
                    </label>
                  ))}
                </fieldset>
              ))}
            </div>
            <div>
              <h3 className="text-sm font-semibold">Order ({state.fields.length} fields)</h3>
              <ol className="mt-1 space-y-1 text-sm" data-testid="chosen-fields">
                {state.fields.map((name, i) => (
                  <li
                    key={name}
                    className="flex items-center gap-2 rounded border border-slate-200 bg-white px-2 py-0.5"
                  >
                    <span className="w-6 text-right text-xs text-slate-400">{i + 1}</span>
                    <span className="font-mono text-xs" title={flowLogField(name)?.description}>
                      {name}
                    </span>
                    <span className="ml-auto flex gap-1">
                      <button
                        type="button"
                        aria-label={`Move ${name} up`}
                        disabled={i === 0}
                        onClick={() => move(i, -1)}
                        className="px-1 disabled:opacity-30"
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        aria-label={`Move ${name} down`}
                        disabled={i === state.fields.length - 1}
                        onClick={() => move(i, 1)}
                        className="px-1 disabled:opacity-30"
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        aria-label={`Remove ${name}`}
                        onClick={() => toggle(name)}
                        className="px-1 text-red-700"
                      >
                        ×
                      </button>
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          </div>
        </>
      )}
      <div>
        <h3 className="text-sm font-semibold">Sample record</h3>
        <p className="text-xs text-slate-500">
          An SSH attempt from the internet, rejected, as it would be written in this format.
        </p>
        <pre
          data-testid="sample-record"
          className="mt-1 whitespace-pre-wrap break-all rounded bg-slate-900 p-3 text-xs text-slate-100"
        >
          {fields.length > 0 ? `${fields.map((f) => `\${${f}}`).join(" ")}\n${sample}` : "(no field)"}
        </pre>
        {fields.length > 0 && (
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 text-xs sm:grid-cols-[max-content_1fr_max-content_1fr]">
            {fields.map((name, i) => (
              <div key={name} className="contents">
                <dt className="font-mono text-slate-500">{name}</dt>
                <dd className="font-mono">{values[i]}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </div>
  );
}
