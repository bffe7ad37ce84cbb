"use client";

import { useSession } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { inputClass } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { revertAction } from "../actions";

/**
 * For moderators: put the profile back as this revision left it, with a
 * reason. Shown from the session on the client, so the page stays public.
 */
export function RevertForm({
  revisionId,
  latestRevisionId,
}: {
  revisionId: number;
  latestRevisionId: number;
}) {
  const { data } = useSession();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const [reasonError, setReasonError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const role = data?.user?.role;
  if (role !== "moderator" && role !== "admin") return null;

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="mt-3 rounded border border-stone-400 px-3 py-1 text-sm font-semibold hover:bg-stone-100"
      >
        Revert to revision {revisionId}
      </button>
    );
  }
  const id = `revert-reason-${revisionId}`;
  return (
    <form
      className="mt-3 space-y-2 rounded border border-stone-300 bg-stone-50 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          setError(undefined);
          setReasonError(undefined);
          const result = await revertAction({ revisionId, latestRevisionId, reason });
          if (!result.ok) {
            setReasonError(result.fieldErrors?.reason);
            setError(result.formError);
            return;
          }
          setOpen(false);
          setReason("");
          router.refresh();
        });
      }}
    >
      <FormAlert error={error} />
      <label htmlFor={id} className="block font-medium">
        Reason for reverting to revision {revisionId}
      </label>
      <textarea
        id={id}
        autoFocus
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
        aria-invalid={Boolean(reasonError)}
        aria-describedby={reasonError ? `${id}-error` : undefined}
        className={inputClass}
      />
      {reasonError && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {reasonError}
        </p>
      )}
      <div className="flex gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-red-700 px-3 py-1 font-semibold text-white disabled:opacity-60"
        >
          {pending ? "Reverting…" : "Revert"}
        </button>
        <button type="button" onClick={() => setOpen(false)} className="underline">
          Cancel
        </button>
      </div>
    </form>
  );
}
