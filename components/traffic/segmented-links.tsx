import Link from "next/link";
import { LinkPending } from "@/components/ui/link-pending";

export type SegmentItem = { key: string; label: string; href: string; active: boolean };

const STYLES = {
  pills: {
    group: "inline-flex divide-x divide-slate-300 overflow-hidden rounded-md border border-slate-300 text-xs",
    item: "px-2.5 py-1",
    active: "bg-slate-800 font-medium text-white",
    idle: "bg-white text-slate-700 hover:bg-slate-50",
  },
  tabs: {
    group: "flex flex-wrap gap-1 text-sm",
    item: "border-b-2 px-3 py-1.5",
    active: "border-sky-600 font-medium text-sky-800",
    idle: "border-transparent text-slate-600 hover:text-slate-900",
  },
} as const;

/** A choice that lives in the URL: each option is a link, the current one marked. */
export function SegmentedLinks({
  label,
  items,
  variant = "pills",
}: {
  label: string;
  items: SegmentItem[];
  variant?: keyof typeof STYLES;
}) {
  const s = STYLES[variant];
  return (
    <nav aria-label={label} className={s.group}>
      {items.map((i) => (
        <Link
          key={i.key}
          href={i.href}
          scroll={false}
          aria-current={i.active ? "page" : undefined}
          className={`${s.item} ${i.active ? s.active : s.idle}`}
        >
          {i.label}
          <LinkPending />
        </Link>
      ))}
    </nav>
  );
}
