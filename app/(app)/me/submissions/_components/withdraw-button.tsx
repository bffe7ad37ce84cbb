"use client";

import { useRouter } from "next/navigation";
import { useActionState, useRef, useSyncExternalStore } from "react";
import { useAnswer } from "@/components/forms/use-answer";
import { NOT_SUBMITTED } from "@/lib/actions/form-state";
import type { ReviewType } from "@/lib/enums";
import { withdrawAction } from "../actions";

const noSubscription = () => () => {};

/**
 * Withdraws a pending submission after the person confirms. The question
 * opens without JavaScript (a disclosure), and "Yes, withdraw" is a form: the
 * page comes back with the submission withdrawn.
 */
export function WithdrawButton({
  type,
  id,
  title,
}: {
  type: ReviewType;
  id: number;
  title: string;
}) {
  const router = useRouter();
  const details = useRef<HTMLDetailsElement>(null);
  const [state, post, pending] = useActionState(withdrawAction, NOT_SUBMITTED);
  useAnswer(state, { onSaved: () => router.refresh() });
  // "Keep it" closes the question, which only a script can do; without one, the summary does.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  return (
    <details
      ref={details}
      open={state.ok === false || undefined}
      onToggle={(e) => {
        if (e.currentTarget.open)
          e.currentTarget.querySelector<HTMLElement>("form button")?.focus();
      }}
      className="inline"
    >
      <summary role="button" aria-label={`Withdraw “${title}”`} className="text-red-800 underline">
        Withdraw
      </summary>
      <form action={post} className="mt-1 flex flex-wrap items-center gap-3">
        <input type="hidden" name="type" value={type} />
        <input type="hidden" name="id" value={id} />
        <span>Withdraw it? Moderators will no longer see it.</span>
        <button
          type="submit"
          disabled={pending}
          aria-disabled={pending}
          className="rounded bg-red-700 px-3 py-1 font-semibold text-white disabled:opacity-60"
        >
          {pending ? "Withdrawing…" : "Yes, withdraw"}
        </button>
        {hydrated && (
          <button
            type="button"
            onClick={() => {
              if (details.current) details.current.open = false;
            }}
            className="underline"
          >
            Keep it
          </button>
        )}
        {state.formError && (
          <span role="alert" className="font-medium text-red-700">
            {state.formError}
          </span>
        )}
      </form>
    </details>
  );
}
