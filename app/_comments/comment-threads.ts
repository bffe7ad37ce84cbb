import type { CommentPage, CommentView, ThreadView } from "@/lib/dal/comments/comments";

/** The threads loaded so far: the first page's and those "Show more" added. */
export type LoadedComments = Omit<CommentPage, "threads"> & { threads: ThreadView[] };

/** Applies a change to one comment wherever it is (null removes it, and a root without replies). */
export function replaceComment(
  d: LoadedComments,
  id: number,
  next: CommentView | null,
): LoadedComments {
  return {
    ...d,
    threads: d.threads.flatMap((t) => {
      if (t.root.id === id) return next ? [{ ...t, root: next }] : t.replies.length ? [t] : [];
      return [
        { ...t, replies: t.replies.flatMap((r) => (r.id === id ? (next ? [next] : []) : [r])) },
      ];
    }),
  };
}

/** A new comment starts a thread at the top. */
export function addThread(d: LoadedComments, root: CommentView): LoadedComments {
  return {
    ...d,
    count: d.count + 1,
    threads: [{ root, replies: [], moreReplies: null }, ...d.threads],
  };
}

/** A new reply goes at the end of its thread. */
export function addReply(d: LoadedComments, rootId: number, reply: CommentView): LoadedComments {
  return {
    ...d,
    count: d.count + 1,
    threads: d.threads.map((t) =>
      t.root.id === rootId ? { ...t, replies: [...t.replies, reply] } : t,
    ),
  };
}

/** Replies from "Show more replies", and where the next ones start (null: all shown). */
export function addMoreReplies(
  d: LoadedComments,
  rootId: number,
  replies: CommentView[],
  more: string | null,
): LoadedComments {
  return {
    ...d,
    threads: d.threads.map((t) =>
      t.root.id === rootId ? { ...t, replies: [...t.replies, ...replies], moreReplies: more } : t,
    ),
  };
}
