"use client";

import { useState } from "react";
import type { CommentView } from "@/lib/dal/comments/comments";

/** "Show more replies" under a thread with more than the first page of them. */
export function MoreReplies({
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
