import { CommentText } from "@/app/_comments/comment-text";
import type { CommentView } from "@/lib/dal/comments/comments";

/** The comment a reply or report is about, shown above its form (and why it is hidden, if it is). */
export function CommentQuote({ comment }: { comment: CommentView }) {
  return (
    <blockquote
      aria-label={`Comment by ${comment.authorName}`}
      className="mt-6 rounded-lg border border-stone-200 bg-white p-4"
    >
      <CommentText comment={comment} />
    </blockquote>
  );
}
