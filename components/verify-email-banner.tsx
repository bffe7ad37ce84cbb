"use client";

import { useState } from "react";
import { useSession } from "next-auth/react";
import { resendVerificationAction } from "@/app/(auth)/verify-email/actions";
import { ButtonForm } from "./forms/button-form";

/**
 * For a signed-in person whose address is not confirmed yet: what they cannot
 * do until it is, and a button for a new link. Read on the client, like the
 * header's menu, so public pages stay cacheable for everyone.
 */
export function VerifyEmailBanner() {
  const { data } = useSession();
  const [sent, setSent] = useState<string | null>(null);
  if (!data?.user || data.user.emailVerified) return null;
  return (
    <section
      aria-label="Confirm your email address"
      className="border-b border-amber-300 bg-amber-50"
    >
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 text-sm text-stone-900 sm:px-6">
        <p>
          <strong>Confirm your email address.</strong> Open the link we emailed you: until then you
          can read and follow cities, but not post updates, edits or comments, and we send you no
          email about them.
        </p>
        <ButtonForm
          action={resendVerificationAction}
          pendingText="Sending…"
          buttonClassName="rounded border border-stone-400 bg-white px-3 py-1 font-medium hover:bg-stone-100"
          onSaved={(state) => setSent(state.notice ?? null)}
        >
          Resend verification email
        </ButtonForm>
        {sent && <p role="status">{sent}</p>}
      </div>
    </section>
  );
}
