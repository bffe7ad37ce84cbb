"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { inputClass } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { moderateCommentAction } from "@/app/(public)/_comments/actions";

/** Hide a reported comment for good, or restore it, with a reason its author sees. */
export function CommentDecision({ id }: { id: number }) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [status, setStatus] = useState<{ error?: string; reasonError?: string }>({});
  const [pending, startTransition] = useTransition();
  const decide = (action: "hide" | "restore") =>
    startTransition(async () => {
      setStatus({});
      const result = await moderateCommentAction({ id, action, reason });
      if (!result.ok) {
        return setStatus({ error: result.formError, reasonError: result.fieldErrors?.reason });
      }
      router.refresh();
    });
  return (
    <div className="mt-3 space-y-2">
      <FormAlert error={status.error} />
      <label htmlFor={`decision-reason-${id}`} className="block font-medium">
        Reason
      </label>
      <textarea
        id={`decision-reason-${id}`}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={Boolean(status.reasonError)}
        aria-describedby={status.reasonError ? `decision-reason-${id}-error` : undefined}
        className={inputClass}
      />
      {status.reasonError && (
        <p id={`decision-reason-${id}-error`} className="text-sm font-medium text-red-700">
          {status.reasonError}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          disabled={pending}
          onClick={() => decide("restore")}
          className="rounded bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
        >
          Restore comment
        </button>
        <button
          type="button"
          disabled={pending}
          onClick={() => decide("hide")}
          className="rounded bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60"
        >
          Hide comment
        </button>
      </div>
    </div>
  );
}
