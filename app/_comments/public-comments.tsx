import type { CommentPage, CommentView } from "@/lib/dal/comments/comments";
import { CommentText } from "./comment-text";
import { CommentsHeading } from "./comments-heading";

/**
 * A page of comments, rendered on the server: threads newest first with
 * their replies. Writing, replying and reporting are plain links to the
 * comment pages, whose forms work without JavaScript.
 */
export function PublicComments({ subject, page }: { subject: string; page: CommentPage }) {
  const on = encodeURIComponent(subject);
  return (
    <>
      <CommentsHeading count={page.count} />
      <p className="mt-4">
        <a
          href={`/comments/new?on=${on}`}
          className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-900"
        >
          Write a comment
        </a>
      </p>
      {page.threads.length === 0 ? (
        <p className="mt-4 text-stone-600">No comments yet. Be the first to say something.</p>
      ) : (
        <ol aria-label="Comments" className="mt-6 space-y-6">
          {page.threads.map((t) => (
            <li key={t.root.id}>
              <PublicComment comment={t.root} replies={t.replies} />
              {t.moreReplies && (
                <p className="ml-6 mt-2 text-sm">
                  <a href={`/comments/${t.root.id}#replies`}>Show all replies</a>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {page.next && (
        <p className="mt-6">
          <a href={`/comments?on=${on}&after=${page.next}`}>Show older comments</a>
        </p>
      )}
    </>
  );
}

/** One comment, and the replies under it. */
export function PublicComment({
  comment,
  replies,
}: {
  comment: CommentView;
  replies: CommentView[];
}) {
  const children = replies.filter((r) => r.parentId === comment.id);
  return (
    <article
      id={`comment-${comment.id}`}
      aria-label={`Comment by ${comment.authorName}`}
      className={comment.depth > 1 ? "ml-4 border-l-2 border-stone-200 pl-4 sm:ml-6" : ""}
    >
      <div className="rounded-lg border border-stone-200 bg-white p-4">
        <CommentText comment={comment} />
        {comment.state === "visible" && (
          <p className="mt-3 flex flex-wrap gap-4 text-sm">
            <a href={`/comments/${comment.id}#reply`}>Reply</a>
            <a href={`/comments/${comment.id}#report`}>Report</a>
            {comment.mine && <a href={`/comments/${comment.id}#edit`}>Edit or delete</a>}
          </p>
        )}
      </div>
      {children.length > 0 && (
        <ol className="mt-3 space-y-3">
          {children.map((child) => (
            <li key={child.id}>
              <PublicComment comment={child} replies={replies} />
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
