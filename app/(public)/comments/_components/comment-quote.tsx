import { CommentByline } from "@/app/_comments/comment-byline";
import { CommentNotice } from "@/app/_comments/comment-notice";
import { UserHtml } from "@/components/user-html";
import type { CommentView } from "@/lib/dal/comments/comments";

/** The comment a reply or report is about, shown above its form (and why it is hidden, if it is). */
export function CommentQuote({ comment }: { comment: CommentView }) {
  return (
    <blockquote
      aria-label={`Comment by ${comment.authorName}`}
      className="mt-6 rounded-lg border border-stone-200 bg-white p-4"
    >
      <CommentByline comment={comment} />
      <CommentNotice comment={comment} />
      {comment.html !== null && (
        <div className="mt-2 break-words">
          <UserHtml html={comment.html} />
        </div>
      )}
    </blockquote>
  );
}
