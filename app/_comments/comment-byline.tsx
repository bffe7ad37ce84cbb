import type { CommentView } from "@/lib/dal/comments/comments";
import { formatDateTime } from "@/lib/format";

/** Who wrote the comment and when, as a link to the comment itself. */
export function CommentByline({ comment }: { comment: CommentView }) {
  return (
    <p className="text-sm text-stone-600">
      <span className="font-semibold text-stone-900">
        {comment.state === "deleted" ? "deleted" : comment.authorName}
      </span>{" "}
      ·{" "}
      <a href={`#comment-${comment.id}`} className="text-stone-600">
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
      </a>
      {comment.edited && comment.state === "visible" && " · edited"}
    </p>
  );
}
