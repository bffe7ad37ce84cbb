"use client";

import { useRouter } from "next/navigation";
import { ReasonForm } from "@/components/forms/reason-form";
import { visibilitySchema } from "@/lib/validation/moderation";
import { visibilityAction } from "../actions";

type Props = { id: number; hidden: boolean; hiddenReason: string | null };

/** Hide a published update from the public, or restore a hidden one, with a reason. */
export function VisibilityPanel({ id, hidden, hiddenReason }: Props) {
  const router = useRouter();
  return (
    <section
      aria-label="Visibility"
      className="mt-6 space-y-3 rounded-lg border border-stone-200 bg-white p-5"
    >
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
          value: hidden ? "restore" : "hide",
        }}
        action={visibilityAction}
        schema={visibilitySchema}
        fields={{ id }}
        onSaved={() => router.refresh()}
      />
    </section>
  );
}
