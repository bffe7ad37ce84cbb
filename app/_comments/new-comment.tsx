"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { CommentView } from "@/lib/dal/comments/comments";
import { postCommentAction } from "./actions";
import { CommentBox } from "./comment-box";

/** The box for a new comment, or a link to sign in and come back. */
export function NewComment({
  subject,
  signedIn,
  onPosted,
}: {
  subject: string;
  signedIn: boolean;
  onPosted: (comment: CommentView) => void;
}) {
  const pathname = usePathname();
  if (!signedIn) {
    return (
      <p>
        <Link href={`/login?callbackUrl=${encodeURIComponent(pathname ?? "/")}`}>Sign in</Link> to
        comment.
      </p>
    );
  }
  return (
    <CommentBox
      submitLabel="Post comment"
      pendingLabel="Posting…"
      onSubmit={async (body) => {
        const result = await postCommentAction({ subject, body });
        if (result.ok) onPosted(result.data);
        return result;
      }}
    />
  );
}
