"use client";

import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { resetPrivateFeedAction } from "../actions";
import { Section } from "./section";

/** My private Atom feed's address, and a button that replaces it. */
export function PrivateFeed({ origin, path }: { origin: string; path: string }) {
  const [current, setCurrent] = useState(path);
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const url = `${origin}${current}`;

  const reset = () =>
    startTransition(async () => {
      setStatus({});
      const result = await resetPrivateFeedAction({});
      if (!result.ok) return setStatus({ error: result.formError });
      setCurrent(result.data.path);
      setStatus({ success: "Your feed has a new address. The old one no longer works." });
    });

  return (
    <Section id="private-feed-section" title="Private feed">
      <div className="flex flex-col gap-3">
        <FormAlert {...status} />
        <p>
          Follow the cities you follow in any feed reader with this Atom feed. Keep the address to
          yourself: anyone who has it can read your feed. If it got out, reset it.
        </p>
        <label htmlFor="private-feed-url" className="font-medium">
          Feed address
        </label>
        <input
          id="private-feed-url"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="w-full rounded border border-stone-300 bg-stone-50 px-3 py-2 font-mono text-sm"
        />
        <div>
          <button
            type="button"
            onClick={reset}
            disabled={pending}
            className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-70"
          >
            {pending ? "Resetting…" : "Reset feed address"}
          </button>
        </div>
      </div>
    </Section>
  );
}
