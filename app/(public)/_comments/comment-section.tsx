"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import type { CommentPage, CommentView, ThreadView } from "@/lib/dal/comments/comments";
import { postCommentAction } from "./actions";
import { CommentBox } from "./comment-box";
import { CommentItem } from "./comment-item";
import { CommentsHeading } from "./comments";

type Loaded = Omit<CommentPage, "threads"> & { threads: ThreadView[] };

/**
 * The comments of a page (the article, a city, an update): threads newest
 * first with replies under them. The page itself is cached for everyone, so
 * the comments are asked for here, for whoever is looking. Loaded only when
 * the reader comes near them (comments.tsx), with the forms' code.
 */
export function CommentSection({ subject }: { subject: string }) {
  const pathname = usePathname();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string>();
  const [loadingMore, setLoadingMore] = useState(false);

  const load = useCallback(
    async (after?: string) => {
      const query = new URLSearchParams({ on: subject, ...(after ? { after } : {}) });
      const response = await fetch(`/api/comments?${query}`, { cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      return (await response.json()) as CommentPage;
    },
    [subject],
  );

  useEffect(() => {
    let live = true;
    load()
      .then((page) => live && setData(page))
      .catch(
        () => live && setError("The comments could not be loaded. Reload the page to try again."),
      );
    return () => {
      live = false;
    };
  }, [load]);

  // A permalink (#comment-12) scrolls to its comment once the comments are in.
  useEffect(() => {
    if (!data || !window.location.hash.startsWith("#comment-")) return;
    document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, [data]);

  const showMore = async () => {
    if (!data?.next) return;
    setLoadingMore(true);
    try {
      const page = await load(data.next);
      setData({ ...page, threads: [...data.threads, ...page.threads] });
    } catch {
      setError("More comments could not be loaded. Please try again.");
    } finally {
      setLoadingMore(false);
    }
  };

  /** Applies a change to one comment wherever it is (null removes it). */
  const change = (id: number, next: CommentView | null) =>
    setData(
      (d) =>
        d && {
          ...d,
          threads: d.threads.flatMap((t) => {
            if (t.root.id === id)
              return next ? [{ ...t, root: next }] : t.replies.length ? [t] : [];
            return [
              {
                ...t,
                replies: t.replies.flatMap((r) => (r.id === id ? (next ? [next] : []) : [r])),
              },
            ];
          }),
        },
    );
  const addReply = (rootId: number, reply: CommentView) =>
    setData(
      (d) =>
        d && {
          ...d,
          count: d.count + 1,
          threads: d.threads.map((t) =>
            t.root.id === rootId ? { ...t, replies: [...t.replies, reply] } : t,
          ),
        },
    );

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
            {data.signedIn ? (
              <CommentBox
                submitLabel="Post comment"
                pendingLabel="Posting…"
                onSubmit={async (body) => {
                  const result = await postCommentAction({ subject, body });
                  if (result.ok) {
                    setData(
                      (d) =>
                        d && {
                          ...d,
                          count: d.count + 1,
                          threads: [
                            { root: result.data, replies: [], moreReplies: null },
                            ...d.threads,
                          ],
                        },
                    );
                  }
                  return result;
                }}
              />
            ) : (
              <p>
                <Link href={`/login?callbackUrl=${encodeURIComponent(pathname ?? "/")}`}>
                  Sign in
                </Link>{" "}
                to comment.
              </p>
            )}
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
                    onChange={change}
                    onReply={(reply) => addReply(t.root.id, reply)}
                  />
                  {t.moreReplies && (
                    <MoreReplies
                      rootId={t.root.id}
                      after={t.moreReplies}
                      onLoaded={(replies, more) =>
                        setData(
                          (d) =>
                            d && {
                              ...d,
                              threads: d.threads.map((x) =>
                                x.root.id === t.root.id
                                  ? { ...x, replies: [...x.replies, ...replies], moreReplies: more }
                                  : x,
                              ),
                            },
                        )
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

function MoreReplies({
  rootId,
  after,
  onLoaded,
}: {
  rootId: number;
  after: string;
  onLoaded: (replies: CommentView[], more: string | null) => void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        const response = await fetch(`/api/comments/replies?root=${rootId}&after=${after}`, {
          cache: "no-store",
        });
        setBusy(false);
        if (!response.ok) return;
        const page = (await response.json()) as {
          replies: CommentView[];
          moreReplies: string | null;
        };
        onLoaded(page.replies, page.moreReplies);
      }}
      className="ml-6 mt-2 text-sm text-brand-700 underline"
    >
      {busy ? "Loading…" : "Show more replies"}
    </button>
  );
}
