"use client";
import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";

/**
 * What a dashboard page shows when rendering it threw: the error, and Retry (which renders the segment
 * again, AWS calls included). The header and navigation stay usable. Production builds hide server
 * messages; the digest ties the page to the server log line.
 */
export default function DashboardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
      <p className="font-semibold">This page could not be shown</p>
      <p className="mt-1 break-words">
        {error.digest
          ? `The server failed while rendering it (reference ${error.digest}; the server log has the details).`
          : error.message || "An unexpected error occurred."}
      </p>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(() => {
            router.refresh();
            reset();
          })
        }
        className="mt-3 rounded-md border border-red-300 bg-white px-3 py-1 font-medium text-red-800 hover:bg-red-100 disabled:opacity-60"
      >
        {pending ? "Retrying…" : "Retry"}
      </button>
    </div>
  );
}
