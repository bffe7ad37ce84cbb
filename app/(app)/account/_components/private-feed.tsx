"use client";

import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { z } from "zod";
import { resetPrivateFeedAction } from "../actions";
import { Section } from "./section";

const noFields = z.strictObject({});

/**
 * My private Atom feed's address, and a form that replaces it: without
 * JavaScript the page comes back with the new address (and the note).
 */
export function PrivateFeed({ origin, path }: { origin: string; path: string }) {
  const { state, pending, action, formProps } = useActionForm(noFields, resetPrivateFeedAction);
  const url = `${origin}${state.data?.path ?? path}`;

  return (
    <Section id="private-feed-section" title="Private feed">
      <form action={action} {...formProps} className="flex flex-col gap-3">
        <FormAlert error={state.formError} success={state.notice} />
        <p>
          Follow the cities you follow in any feed reader with this Atom feed. Keep the address to
          yourself: anyone who has it can read your feed. If it got out, reset it.
        </p>
        <label htmlFor="private-feed-url" className="font-medium">
          Feed address
        </label>
        {/* No name: the address is shown, never sent. */}
        <input
          id="private-feed-url"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="w-full rounded border border-stone-300 bg-stone-50 px-3 py-2 font-mono text-sm"
        />
        <div>
          <button
            type="submit"
            disabled={pending}
            aria-disabled={pending}
            className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-70"
          >
            {pending ? "Resetting…" : "Reset feed address"}
          </button>
        </div>
      </form>
    </Section>
  );
}
