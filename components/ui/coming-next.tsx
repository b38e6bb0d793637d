import type { ReactNode } from "react";

/** A navigation entry whose feature is not built yet: says so plainly, with the facts that already apply. */
export function ComingNext({
  title,
  summary,
  children,
}: {
  title: string;
  summary: string;
  children?: ReactNode;
}) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
        <p className="font-medium text-slate-800">Not available yet in this version of Flowscope.</p>
        <p className="mt-1">{summary}</p>
        {children && <div className="mt-4 space-y-1 text-slate-500">{children}</div>}
      </div>
    </div>
  );
}
