"use client";

import { CommentItem } from "./comment-item";
import { addMoreReplies, addReply, addThread, replaceComment } from "./comment-threads";
import { CommentsHeading } from "./comments";
import { MoreReplies } from "./more-replies";
import { NewComment } from "./new-comment";
import { useComments } from "./use-comments";

/**
 * The comments of a page (the article, a city, an update): threads newest
 * first with replies under them. The page itself is cached for everyone, so
 * the comments are asked for here, for whoever is looking. Loaded only when
 * the reader comes near them (comments.tsx), with the forms' code.
 */
export function CommentSection({ subject }: { subject: string }) {
  const { data, error, loadingMore, showMore, update } = useComments(subject);

  return (
    <>
      <CommentsHeading count={data?.count} />
      {error && (
        <p role="alert" className="mt-3 text-red-800">
          {error}
        </p>
      )}
      {!data && !error && <p className="mt-3 text-stone-600">Loading comments…</p>}
      {data && (
        <>
          <div className="mt-4">
            <NewComment
              subject={subject}
              signedIn={data.signedIn}
              onPosted={(comment) => update((d) => addThread(d, comment))}
            />
          </div>
          {data.threads.length === 0 ? (
            <p className="mt-4 text-stone-600">No comments yet. Be the first to say something.</p>
          ) : (
            <ol aria-label="Comments" className="mt-6 space-y-6">
              {data.threads.map((t) => (
                <li key={t.root.id}>
                  <CommentItem
                    comment={t.root}
                    replies={t.replies}
                    subject={subject}
                    signedIn={data.signedIn}
                    onChange={(id, next) => update((d) => replaceComment(d, id, next))}
                    onReply={(reply) => update((d) => addReply(d, t.root.id, reply))}
                  />
                  {t.moreReplies && (
                    <MoreReplies
                      rootId={t.root.id}
                      after={t.moreReplies}
                      onLoaded={(replies, more) =>
                        update((d) => addMoreReplies(d, t.root.id, replies, more))
                      }
                    />
                  )}
                </li>
              ))}
            </ol>
          )}
          {data.next && (
            <button
              type="button"
              onClick={showMore}
              disabled={loadingMore}
              className="mt-6 rounded border border-stone-400 px-4 py-2 font-semibold hover:bg-stone-100 disabled:opacity-60"
            >
              {loadingMore ? "Loading…" : "Show more comments"}
            </button>
          )}
        </>
      )}
    </>
  );
}
