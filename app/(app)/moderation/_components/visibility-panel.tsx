"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { ReasonForm } from "@/components/forms/reason-form";
import { visibilityAction } from "../actions";

type Props = { id: number; hidden: boolean; hiddenReason: string | null };

/** Hide a published update from the public, or restore a hidden one, with a reason. */
export function VisibilityPanel({ id, hidden, hiddenReason }: Props) {
  const router = useRouter();
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});

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
      <ReasonForm
        id="visibility-reason"
        label="Reason"
        control={{ kind: "text", maxLength: 1000 }}
        submit={{
          label: hidden ? "Restore update" : "Hide update",
          pendingLabel: "Working…",
          variant: hidden ? "safe" : "danger",
        }}
        onSubmit={(reason) => visibilityAction({ id, action: hidden ? "restore" : "hide", reason })}
        onAlert={(error) => setStatus({ error })}
        onSuccess={() => {
          setStatus({
            success: hidden
              ? "The update is public again."
              : "The update is hidden from the public.",
          });
          router.refresh();
        }}
      />
    </section>
  );
}
