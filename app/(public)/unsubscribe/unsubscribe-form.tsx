"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { NOT_SUBMITTED } from "@/lib/actions/form-state";
import { unsubscribeAction } from "./actions";

/**
 * "Unsubscribe": one press stops every email to this person. A form posting
 * the token in a hidden field (never in a URL it makes), so it works without
 * JavaScript: the page comes back saying it is done.
 */
export function UnsubscribeForm({ token, email }: { token: string; email: string }) {
  const [state, post, pending] = useActionState(unsubscribeAction, NOT_SUBMITTED);

  if (state.ok) {
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
    <form action={post} className="mt-4 space-y-4">
      <FormAlert error={state.formError} />
      <input type="hidden" name="token" value={token} />
      <p>
        Stop all email from CityWatch to <strong>{email}</strong>? You do not need to sign in.
      </p>
      <SubmitButton pending={pending} pendingText="Unsubscribing…">
        Unsubscribe
      </SubmitButton>
    </form>
  );
}
