"use client";

import type { CommentView } from "@/lib/dal/comments/comments";
import { editCommentAction } from "./actions";
import { CommentBox } from "./comment-box";

/** The author edits their comment in place, within the time the server allows. */
export function CommentEdit({
  comment,
  onSaved,
  onClose,
}: {
  comment: CommentView;
  onSaved: (saved: CommentView) => void;
  onClose: () => void;
}) {
  return (
    <div className="mt-2">
      <CommentBox
        submitLabel="Save"
        pendingLabel="Saving…"
        initial={comment.body ?? ""}
        onSubmit={async (body) => {
          const result = await editCommentAction({ id: comment.id, body });
          if (result.ok) onSaved(result.data);
          return result;
        }}
        onDone={onClose}
        onCancel={onClose}
      />
    </div>
  );
}
