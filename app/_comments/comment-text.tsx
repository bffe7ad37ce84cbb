import { UserHtml } from "@/components/user-html";
import type { CommentView } from "@/lib/dal/comments/comments";
import { CommentByline } from "./comment-byline";
import { CommentNotice } from "./comment-notice";

/** A comment's byline, why it shows no text (deleted, hidden), and its text. */
export function CommentText({ comment }: { comment: CommentView }) {
  return (
    <>
      <CommentByline comment={comment} />
      <CommentNotice comment={comment} />
      {comment.html !== null && (
        <div className="mt-2 break-words">
          <UserHtml html={comment.html} />
        </div>
      )}
    </>
  );
}
