"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

/**
 * Delete with a confirmation that says what is lost: the configuration only; records already delivered stay
 * in their destination. Viewers see the button disabled with the role it needs.
 */
export function DeleteFlowLogButton({
  flowLogId,
  label,
  destination,
  region,
  canDelete,
}: {
  flowLogId: string;
  label: string;
  destination: string;
  region: string;
  canDelete: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  // The dialog's text exists only while it is open (one copy of each destination name on the page).
  const [open, setOpen] = useState(false);
  if (!canDelete)
    return (
      <button type="button" disabled title="Needs the operator role" className="text-xs text-slate-400">
        Delete <span className="sr-only">(needs operator role)</span>
      </button>
    );
  const confirm = async () => {
    setPending(true);
    setError(undefined);
    try {
      const res = await fetch(
        `/api/flow-logs/${encodeURIComponent(flowLogId)}?region=${encodeURIComponent(region)}`,
        {
          method: "DELETE",
          headers: { "content-type": "application/json" },
        },
      );
      const body = (await res.json().catch(() => ({}))) as { message?: string; error?: string };
      if (!res.ok) {
        setError(`${body.error ?? res.status}: ${body.message ?? res.statusText}`);
        return;
      }
      dialog.current?.close();
      router.refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
        className="text-xs font-medium text-red-700 hover:underline"
        aria-label={`Delete ${label}`}
      >
        Delete
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`delete-${flowLogId}-title`}
        onClose={() => setOpen(false)}
        className="m-auto max-w-lg rounded-lg border border-slate-200 p-5 text-sm shadow-xl backdrop:bg-slate-900/40"
      >
        {open && (
          <>
            <h2 id={`delete-${flowLogId}-title`} className="text-base font-semibold">
              Delete flow log {label}?
            </h2>
            <ul className="mt-3 list-disc space-y-1 pl-5 text-slate-700">
              <li>
                Only the flow log&apos;s configuration is deleted. Records already delivered stay in{" "}
                {destination}.
              </li>
              <li>
                New records stop (it can take several minutes). A flow log cannot be restored; create a new
                one instead.
              </li>
              <li>Deleting a VPC, subnet or interface also deletes its flow logs.</li>
            </ul>
            {error && (
              <p role="alert" className="mt-3 rounded border border-red-200 bg-red-50 px-3 py-2 text-red-900">
                {error}
              </p>
            )}
            <div className="mt-4 flex justify-end gap-2">
              <button
                type="button"
                onClick={() => dialog.current?.close()}
                className="rounded border border-slate-300 px-3 py-1.5"
              >
                Cancel
              </button>
              <button
                type="button"
                onClick={confirm}
                disabled={pending}
                className="rounded bg-red-700 px-3 py-1.5 font-medium text-white disabled:opacity-60"
              >
                {pending ? "Deleting…" : "Delete flow log"}
              </button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
