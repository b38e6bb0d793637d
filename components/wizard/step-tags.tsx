import { FieldError, inputClass, invalidProps } from "./field";
import type { StepProps } from "./types";

export function TagsStep({ state, update, issues }: StepProps) {
  const set = (i: number, patch: Partial<{ key: string; value: string }>) =>
    update({ tags: state.tags.map((t, j) => (j === i ? { ...t, ...patch } : t)) });
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        Tags on the flow log itself (resource type vpc-flow-log), e.g. Name, team, cost-center. To track the
        cost, tag the destination too. Optional.
      </p>
      <FieldError field="tags" issues={issues} />
      {state.tags.map((tag, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; a key may be empty or repeated
        <div key={i} className="flex flex-wrap items-start gap-2" data-testid={`tag-row-${i}`}>
          <label className="flex flex-col gap-1 text-sm">
            Key
            <input
              value={tag.key}
              onChange={(e) => set(i, { key: e.target.value })}
              className={inputClass}
              {...invalidProps(`tags.${i}.key`, issues)}
            />
            <FieldError field={`tags.${i}.key`} issues={issues} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Value
            <input
              value={tag.value}
              onChange={(e) => set(i, { value: e.target.value })}
              className={inputClass}
              {...invalidProps(`tags.${i}.value`, issues)}
            />
            <FieldError field={`tags.${i}.value`} issues={issues} />
          </label>
          <button
            type="button"
            onClick={() => update({ tags: state.tags.filter((_, j) => j !== i) })}
            className="mt-6 text-sm text-red-700"
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          update({ tags: [...state.tags, { key: state.tags.length === 0 ? "Name" : "", value: "" }] })
        }
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        Add tag
      </button>
    </div>
  );
}
