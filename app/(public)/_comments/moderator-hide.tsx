"use client";

import { useState, useTransition } from "react";
import { inputClass } from "@/components/forms/field";
import { moderateCommentAction } from "./actions";

/** A moderator hides a comment where it stands, with a reason its author sees. */
export function ModeratorHide({
  id,
  onHidden,
  onCancel,
}: {
  id: number;
  onHidden: () => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<{ form?: string; reason?: string }>({});
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="mt-3 space-y-2 text-sm"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          setError({});
          const result = await moderateCommentAction({ id, action: "hide", reason });
          if (!result.ok)
            return setError({ form: result.formError, reason: result.fieldErrors?.reason });
          onHidden();
        });
      }}
    >
      {error.form && (
        <p role="alert" className="font-medium text-red-700">
          {error.form}
        </p>
      )}
      <label htmlFor={`hide-reason-${id}`} className="block font-medium">
        Reason
      </label>
      <textarea
        id={`hide-reason-${id}`}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={Boolean(error.reason)}
        aria-describedby={error.reason ? `hide-reason-${id}-error` : undefined}
        className={inputClass}
      />
      {error.reason && (
        <p id={`hide-reason-${id}-error`} className="font-medium text-red-700">
          {error.reason}
        </p>
      )}
      <div className="flex gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-red-700 px-3 py-1 font-semibold text-white disabled:opacity-60"
        >
          {pending ? "Hiding…" : "Hide comment"}
        </button>
        <button type="button" className="text-brand-700 underline" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
