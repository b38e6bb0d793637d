"use client";
import { useLinkStatus } from "next/link";

/** Inside a Link: a small spinner while its navigation is in flight (the server re-renders the page). */
export function LinkPending() {
  const { pending } = useLinkStatus();
  return pending ? (
    <span
      aria-hidden
      className="ml-1.5 inline-block h-2.5 w-2.5 animate-spin rounded-full border-2 border-current border-t-transparent align-middle"
    />
  ) : null;
}
