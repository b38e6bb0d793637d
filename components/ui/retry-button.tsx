"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

/** Renders the page's server components again (their AWS calls too), keeping the URL. */
export function RetryButton({ label = "Retry" }: { label?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => startTransition(() => router.refresh())}
      className="rounded-md border border-red-300 bg-white px-3 py-1 text-sm font-medium text-red-800 hover:bg-red-100 disabled:opacity-60"
    >
      {pending ? "Retrying…" : label}
    </button>
  );
}
