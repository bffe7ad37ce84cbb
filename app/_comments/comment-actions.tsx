"use client";

import { useSession } from "next-auth/react";
import type { CommentView } from "@/lib/dal/comments/comments";
import { TextButton } from "./text-button";

/** What a comment shows under its text: itself, or one of the forms that act on it. */
export type CommentMode = "read" | "reply" | "edit" | "report" | "delete" | "hide";

/** The actions the reader may take on a visible comment: their own, or someone else's. */
export function CommentActions({
  comment,
  onChoose,
}: {
  comment: CommentView;
  onChoose: (mode: CommentMode) => void;
}) {
  const role = useSession().data?.user?.role;
  const isModerator = role === "moderator" || role === "admin";
  // The server says until when (and refuses an edit that comes too late anyway).
  const canEdit = comment.editableUntil !== null;
  return (
    <div className="mt-3 flex flex-wrap gap-4 text-sm">
      <TextButton onClick={() => onChoose("reply")}>Reply</TextButton>
      {canEdit && <TextButton onClick={() => onChoose("edit")}>Edit</TextButton>}
      {comment.mine && <TextButton onClick={() => onChoose("delete")}>Delete</TextButton>}
      {!comment.mine && <TextButton onClick={() => onChoose("report")}>Report</TextButton>}
      {isModerator && !comment.mine && (
        <TextButton onClick={() => onChoose("hide")}>Hide</TextButton>
      )}
    </div>
  );
}
