"use client";

import type { CommentView } from "@/lib/dal/comments/comments";
import { postCommentAction } from "./actions";
import { CommentBox } from "./comment-box";

/** A reply to one comment, written under it. */
export function CommentReply({
  subject,
  parentId,
  onPosted,
  onClose,
}: {
  subject: string;
  parentId: number;
  onPosted: (reply: CommentView) => void;
  onClose: () => void;
}) {
  return (
    <div className="mt-3">
      <CommentBox
        submitLabel="Post reply"
        pendingLabel="Posting…"
        onSubmit={async (body) => {
          const result = await postCommentAction({ subject, parentId, body });
          if (result.ok) onPosted(result.data);
          return result;
        }}
        onDone={onClose}
        onCancel={onClose}
      />
    </div>
  );
}
