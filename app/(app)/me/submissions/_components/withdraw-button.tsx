"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { SubmissionType } from "@/lib/enums";
import { withdrawAction } from "../actions";

/** Withdraws a pending submission after the person confirms. */
export function WithdrawButton({
  type,
  id,
  title,
}: {
  type: SubmissionType;
  id: number;
  title: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();

  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="text-red-800 underline"
        aria-label={`Withdraw “${title}”`}
      >
        Withdraw
      </button>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-3">
      <span>Withdraw it? Moderators will no longer see it.</span>
      <button
        type="button"
        autoFocus
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await withdrawAction({ type, id });
            if (result.ok) router.refresh();
            else setError(result.formError ?? "Could not withdraw it.");
          })
        }
        className="rounded bg-red-700 px-3 py-1 font-semibold text-white disabled:opacity-60"
      >
        {pending ? "Withdrawing…" : "Yes, withdraw"}
      </button>
      <button type="button" onClick={() => setConfirming(false)} className="underline">
        Keep it
      </button>
      {error && (
        <span role="alert" className="font-medium text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
