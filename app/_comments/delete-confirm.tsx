"use client";

import { useTransition } from "react";
import { deleteCommentAction } from "./actions";
import { TextButton } from "./text-button";

type Props = {
  id: number;
  onDeleted: () => void;
  onError: (message: string | undefined) => void;
  onCancel: () => void;
};

/** "Delete this comment?" with the button that does it. */
export function DeleteConfirm({ id, onDeleted, onError, onCancel }: Props) {
  const [pending, startTransition] = useTransition();
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
      <span>Delete this comment? Replies to it stay.</span>
      <button
        type="button"
        disabled={pending}
        className="rounded bg-red-700 px-3 py-1 font-semibold text-white disabled:opacity-60"
        onClick={() =>
          startTransition(async () => {
            const result = await deleteCommentAction({ id });
            if (!result.ok) return onError(result.formError);
            onDeleted();
          })
        }
      >
        {pending ? "Deleting…" : "Yes, delete it"}
      </button>
      <TextButton onClick={onCancel}>Cancel</TextButton>
    </div>
  );
}
