"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { AWS_REGIONS } from "@/lib/config/regions";
import { NAV_ITEMS } from "./nav-items";

export type HeaderSource = { kind: "emulator" | "aws"; accountId?: string; error?: string };

type Props = {
  source: HeaderSource;
  defaultRegion: string;
  user: { name: string; role: string };
  signOut: () => Promise<void>;
};

export function sourceLabel(source: HeaderSource, region: string): string {
  if (source.kind === "emulator") return "Demo world (local emulator)";
  return source.accountId
    ? `AWS account ${source.accountId} in ${region}`
    : `AWS in ${region} (account unknown)`;
}

export function AppHeader({ source, defaultRegion, user, signOut }: Props) {
  const pathname = usePathname();
  const params = useSearchParams();
  const router = useRouter();
  const region = params.get("region") || defaultRegion;
  const regions = AWS_REGIONS.includes(region as (typeof AWS_REGIONS)[number])
    ? AWS_REGIONS
    : [region, ...AWS_REGIONS];
  const withRegion = (href: string) =>
    params.get("region") ? `${href}?region=${encodeURIComponent(region)}` : href;

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href={withRegion("/")} className="text-lg font-semibold text-slate-900">
          Flowscope
        </Link>
        <div data-testid="data-source" className="flex items-center gap-2 text-sm text-slate-600">
          <span
            className={`inline-block h-2 w-2 rounded-full ${source.kind === "emulator" ? "bg-amber-500" : "bg-emerald-500"}`}
          />
          <span>{sourceLabel(source, region)}</span>
          {source.kind === "emulator" && source.accountId && (
            <span className="text-slate-400">· account {source.accountId}</span>
          )}
          {source.error && <span className="text-red-600">· {source.error}</span>}
        </div>
        <label className="ml-auto flex items-center gap-2 text-sm text-slate-600">
          Region
          <select
            aria-label="Region"
            value={region}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              next.set("region", e.target.value);
              router.push(`${pathname}?${next.toString()}`);
            }}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-slate-900"
          >
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <form action={signOut} className="flex items-center gap-2 text-sm text-slate-600">
          <span data-testid="user">
            {user.name} <span className="text-slate-400">({user.role})</span>
          </span>
          <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50">
            Sign out
          </button>
        </form>
      </div>
      <nav aria-label="Main" className="mx-auto flex max-w-7xl gap-1 px-4">
        {NAV_ITEMS.map((item) => {
          const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
          return (
            <Link
              key={item.href}
              href={withRegion(item.href)}
              aria-current={active ? "page" : undefined}
              className={`border-b-2 px-3 py-2 text-sm ${active ? "border-sky-600 font-medium text-sky-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            >
              {item.label}
            </Link>
          );
        })}
      </nav>
    </header>
  );
}
