"use client";

import { ButtonForm } from "@/components/forms/button-form";
import type { FormAction } from "@/components/forms/use-action-form";

/** "Delete comment", for its author: the text goes, replies to it stay. */
export function DeleteComment({ id, action }: { id: number; action: FormAction }) {
  return (
    <ButtonForm
      action={action}
      fields={{ id: String(id) }}
      pendingText="Deleting…"
      buttonClassName="rounded bg-red-700 px-4 py-2 font-semibold text-white disabled:opacity-60"
    >
      Delete comment
    </ButtonForm>
  );
}
