import type { CommentView } from "@/lib/dal/comments/comments";

/** Why a deleted or hidden comment shows no text; its author alone sees a hidden one, and why. */
export function CommentNotice({ comment }: { comment: CommentView }) {
  if (comment.state === "deleted") {
    return <p className="mt-2 italic text-stone-600">This comment was deleted.</p>;
  }
  if (comment.state !== "hidden") return null;
  if (!comment.mine) {
    return <p className="mt-2 italic text-stone-600">This comment was hidden by moderators.</p>;
  }
  return (
    <p className="mt-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">
      Only you can see this: moderators hid it
      {comment.hiddenReason ? `. Reason: ${comment.hiddenReason}` : " while they review reports."}
    </p>
  );
}
