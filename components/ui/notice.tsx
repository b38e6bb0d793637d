import type { ReactNode } from "react";

const TONES = {
  info: "border-sky-200 bg-sky-50 text-sky-900",
  warn: "border-amber-200 bg-amber-50 text-amber-900",
  error: "border-red-200 bg-red-50 text-red-900",
} as const;

export function Notice({
  tone = "info",
  title,
  action,
  children,
}: {
  tone?: keyof typeof TONES;
  title?: string;
  /** A button beside the text (Retry). */
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "note"}
      className={`rounded-lg border px-4 py-3 text-sm ${TONES[tone]}`}
    >
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1 break-words">
          {title && <p className="font-semibold">{title}</p>}
          <div>{children}</div>
        </div>
        {action}
      </div>
    </div>
  );
}
