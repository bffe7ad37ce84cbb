"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { inputClass } from "@/components/forms/field";
import { visibilityAction } from "../actions";

type Props = { id: number; hidden: boolean; hiddenReason: string | null };

/** Hide a published update from the public, or restore a hidden one, with a reason. */
export function VisibilityPanel({ id, hidden, hiddenReason }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [reason, setReason] = useState("");
  const [status, setStatus] = useState<{ error?: string; reasonError?: string; success?: string }>(
    {},
  );
  const action = hidden ? "restore" : "hide";

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      setStatus({});
      const result = await visibilityAction({ id, action, reason });
      if (!result.ok) {
        setStatus({ error: result.formError, reasonError: result.fieldErrors?.reason });
        return;
      }
      setReason("");
      setStatus({
        success: hidden ? "The update is public again." : "The update is hidden from the public.",
      });
      router.refresh();
    });
  };

  return (
    <section
      aria-label="Visibility"
      className="mt-6 space-y-3 rounded-lg border border-stone-200 bg-white p-5"
    >
      <FormAlert error={status.error} success={status.success} />
      {hidden ? (
        <p className="font-semibold">
          Hidden from the public{hiddenReason ? `. Reason: ${hiddenReason}` : "."}
        </p>
      ) : (
        <p>
          Published. If it should not have been, hide it: it leaves the city page, the feeds, the
          JSON and people’s notifications, and its author is told why.
        </p>
      )}
      <form onSubmit={submit} noValidate className="space-y-2">
        <label htmlFor="visibility-reason" className="block font-medium">
          Reason
        </label>
        <textarea
          id="visibility-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={2}
          maxLength={1000}
          aria-invalid={Boolean(status.reasonError)}
          aria-describedby={status.reasonError ? "visibility-reason-error" : undefined}
          className={inputClass}
        />
        {status.reasonError && (
          <p id="visibility-reason-error" className="text-sm font-medium text-red-700">
            {status.reasonError}
          </p>
        )}
        <button
          type="submit"
          disabled={pending}
          className={`rounded px-4 py-2 font-semibold text-white disabled:opacity-60 ${
            hidden ? "bg-emerald-700 hover:bg-emerald-800" : "bg-red-700 hover:bg-red-800"
          }`}
        >
          {pending ? "Working…" : hidden ? "Restore update" : "Hide update"}
        </button>
      </form>
    </section>
  );
}
