import type { ReactNode } from "react";

export const inputClass =
  "rounded border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-500";

/** The message of one field, beside it; `id` is what the field's aria-describedby points at. */
export function FieldError({ field, issues }: { field: string; issues: Record<string, string> }) {
  const message = issues[field];
  if (!message) return null;
  return (
    <p id={`error-${field}`} role="alert" data-field={field} className="text-sm font-medium text-red-700">
      {message}
    </p>
  );
}

export const invalidProps = (field: string, issues: Record<string, string>) =>
  issues[field] ? { "aria-invalid": true, "aria-describedby": `error-${field}` } : {};

/** A radio choice with what it means (and what it hides) underneath. */
export function Choice({
  name,
  value,
  checked,
  onChange,
  label,
  children,
}: {
  name: string;
  value: string;
  checked: boolean;
  onChange: () => void;
  label: string;
  children?: ReactNode;
}) {
  return (
    <label
      className={`flex cursor-pointer gap-3 rounded-lg border p-3 text-sm ${checked ? "border-sky-500 bg-sky-50" : "border-slate-200 bg-white"}`}
    >
      <input type="radio" name={name} value={value} checked={checked} onChange={onChange} className="mt-1" />
      <span>
        <span className="font-medium">{label}</span>
        {children && <span className="mt-0.5 block text-slate-600">{children}</span>}
      </span>
    </label>
  );
}
