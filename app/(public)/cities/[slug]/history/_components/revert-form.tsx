"use client";

import { useSession } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ReasonForm } from "@/components/forms/reason-form";
import { revertSchema } from "@/lib/validation/moderation";
import { revertAction } from "../actions";

/**
 * For moderators: put the profile back as this revision left it, with a
 * reason. Shown from the session on the client, so the page stays public.
 */
export function RevertForm({
  revisionId,
  latestRevisionId,
}: {
  revisionId: number;
  latestRevisionId: number;
}) {
  const { data } = useSession();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const role = data?.user?.role;
  if (role !== "moderator" && role !== "admin") return null;

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="mt-3 rounded border border-stone-400 px-3 py-1 text-sm font-semibold hover:bg-stone-100"
      >
        Revert to revision {revisionId}
      </button>
    );
  }
  return (
    <ReasonForm
      id={`revert-reason-${revisionId}`}
      label={`Reason for reverting to revision ${revisionId}`}
      autoFocus
      submit={{ label: "Revert", pendingLabel: "Reverting…", variant: "danger" }}
      action={revertAction}
      schema={revertSchema}
      fields={{ revisionId, latestRevisionId }}
      onSaved={() => {
        setOpen(false);
        router.refresh();
      }}
      onCancel={() => setOpen(false)}
      className="mt-3 space-y-2 rounded border border-stone-300 bg-stone-50 p-3"
    />
  );
}
