"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { unsubscribeAction } from "./actions";

/** "Unsubscribe": one press stops every email to this person. */
export function UnsubscribeForm({ token, email }: { token: string; email: string }) {
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ error?: string; done?: boolean }>({});

  if (status.done) {
    return (
      <div className="mt-4 space-y-3">
        <FormAlert
          success={`You are unsubscribed: CityWatch will send no more email to ${email}.`}
        />
        <p>
          Notifications still appear in the app. Changed your mind? Choose how often to get email on
          your <Link href="/account#email-section">account page</Link>.
        </p>
      </div>
    );
  }
  return (
    <form
      className="mt-4 space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await unsubscribeAction({ token });
          setStatus(result.ok ? { done: true } : { error: result.formError });
        });
      }}
    >
      <FormAlert error={status.error} />
      <p>
        Stop all email from CityWatch to <strong>{email}</strong>? You do not need to sign in.
      </p>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-70"
      >
        {pending ? "Unsubscribing…" : "Unsubscribe"}
      </button>
    </form>
  );
}
