"use client";

import { useState } from "react";
import { UserMarkdown } from "@/components/user-markdown";
import type { CommentView } from "@/lib/dal/comments/comments";
import { CommentActions, type CommentMode } from "./comment-actions";
import { CommentByline } from "./comment-byline";
import { CommentEdit } from "./comment-edit";
import { CommentNote } from "./comment-note";
import { CommentNotice } from "./comment-notice";
import { CommentReply } from "./comment-reply";
import { DeleteConfirm } from "./delete-confirm";
import { ModeratorHide } from "./moderator-hide";
import { ReportForm } from "./report-form";

type Props = {
  comment: CommentView;
  /** The whole thread's replies; this comment shows those whose parent it is. */
  replies: CommentView[];
  subject: string;
  signedIn: boolean;
  onChange: (id: number, next: CommentView | null) => void;
  onReply: (reply: CommentView) => void;
};

/** One comment with its actions, and the replies under it. */
export function CommentItem({ comment, replies, subject, signedIn, onChange, onReply }: Props) {
  const [mode, setMode] = useState<CommentMode>("read");
  const [note, setNote] = useState<{ error?: string; success?: string }>({});
  const children = replies.filter((r) => r.parentId === comment.id);
  const read = () => setMode("read");
  // Deleted or hidden, a comment with replies stays as a marker above them; one without goes.
  const remove = (state: "deleted" | "hidden") => {
    onChange(comment.id, children.length > 0 ? { ...comment, state, body: null } : null);
    read();
  };

  return (
    <article
      id={`comment-${comment.id}`}
      aria-label={`Comment by ${comment.authorName}`}
      className={comment.depth > 1 ? "ml-4 border-l-2 border-stone-200 pl-4 sm:ml-6" : ""}
    >
      <div className="rounded-lg border border-stone-200 bg-white p-4">
        <CommentByline comment={comment} />
        <CommentNotice comment={comment} />
        {mode === "edit" ? (
          <CommentEdit
            comment={comment}
            onSaved={(saved) => onChange(comment.id, saved)}
            onClose={read}
          />
        ) : (
          comment.body !== null && (
            <div className="mt-2 break-words">
              <UserMarkdown>{comment.body}</UserMarkdown>
            </div>
          )
        )}
        <CommentNote note={note} />
        {signedIn && comment.state === "visible" && mode === "read" && (
          <CommentActions comment={comment} onChoose={setMode} />
        )}
        {mode === "hide" && (
          <ModeratorHide id={comment.id} onCancel={read} onHidden={() => remove("hidden")} />
        )}
        {mode === "delete" && (
          <DeleteConfirm
            id={comment.id}
            onCancel={read}
            onDeleted={() => remove("deleted")}
            onError={(error) => setNote({ error })}
          />
        )}
        {mode === "report" && (
          <ReportForm
            id={comment.id}
            onCancel={read}
            onAlert={(error) => setNote({ error })}
            onReported={() => {
              read();
              setNote({ success: "Thank you: moderators will look at this comment." });
            }}
          />
        )}
        {mode === "reply" && (
          <CommentReply subject={subject} parentId={comment.id} onPosted={onReply} onClose={read} />
        )}
      </div>
      {children.length > 0 && (
        <ol className="mt-3 space-y-3">
          {children.map((child) => (
            <li key={child.id}>
              <CommentItem
                comment={child}
                replies={replies}
                subject={subject}
                signedIn={signedIn}
                onChange={onChange}
                onReply={onReply}
              />
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
