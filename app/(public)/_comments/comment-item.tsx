"use client";

import { useSession } from "next-auth/react";
import { useState, useTransition } from "react";
import { inputClass } from "@/components/forms/field";
import { UserMarkdown } from "@/components/user-markdown";
import type { CommentView } from "@/lib/dal/comments/comments";
import { REPORT_REASON_LABELS } from "@/lib/validation/comment";
import { REPORT_REASONS } from "@/lib/enums";
import {
  deleteCommentAction,
  editCommentAction,
  postCommentAction,
  reportCommentAction,
} from "./actions";
import { CommentBox } from "./comment-box";
import { ModeratorHide } from "./moderator-hide";

type Props = {
  comment: CommentView;
  /** The whole thread's replies; this comment shows those whose parent it is. */
  replies: CommentView[];
  subject: string;
  signedIn: boolean;
  onChange: (id: number, next: CommentView | null) => void;
  onReply: (reply: CommentView) => void;
};

const time = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** One comment with its actions, and the replies under it. */
export function CommentItem({ comment, replies, subject, signedIn, onChange, onReply }: Props) {
  const [mode, setMode] = useState<"read" | "reply" | "edit" | "report" | "delete" | "hide">(
    "read",
  );
  const role = useSession().data?.user?.role;
  const isModerator = role === "moderator" || role === "admin";
  const [note, setNote] = useState<{ error?: string; success?: string }>({});
  const [pending, startTransition] = useTransition();
  const [reason, setReason] = useState("");
  const children = replies.filter((r) => r.parentId === comment.id);
  // The server says until when (and refuses an edit that comes too late anyway).
  const canEdit = comment.editableUntil !== null;
  const readable = comment.body !== null;

  return (
    <article
      id={`comment-${comment.id}`}
      aria-label={`Comment by ${comment.authorName}`}
      className={comment.depth > 1 ? "ml-4 border-l-2 border-stone-200 pl-4 sm:ml-6" : ""}
    >
      <div className="rounded-lg border border-stone-200 bg-white p-4">
        <p className="text-sm text-stone-600">
          <span className="font-semibold text-stone-900">
            {comment.state === "deleted" ? "deleted" : comment.authorName}
          </span>{" "}
          ·{" "}
          <a href={`#comment-${comment.id}`} className="text-stone-600">
            <time dateTime={comment.createdAt}>{time.format(new Date(comment.createdAt))} UTC</time>
          </a>
          {comment.edited && comment.state === "visible" && " · edited"}
        </p>
        {comment.state === "deleted" && (
          <p className="mt-2 italic text-stone-600">This comment was deleted.</p>
        )}
        {comment.state === "hidden" && !comment.mine && (
          <p className="mt-2 italic text-stone-600">This comment was hidden by moderators.</p>
        )}
        {comment.state === "hidden" && comment.mine && (
          <p className="mt-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">
            Only you can see this: moderators hid it
            {comment.hiddenReason
              ? `. Reason: ${comment.hiddenReason}`
              : " while they review reports."}
          </p>
        )}
        {mode === "edit" ? (
          <div className="mt-2">
            <CommentBox
              submitLabel="Save"
              pendingLabel="Saving…"
              initial={comment.body ?? ""}
              onSubmit={async (body) => {
                const result = await editCommentAction({ id: comment.id, body });
                if (result.ok) onChange(comment.id, result.data);
                return result;
              }}
              onDone={() => setMode("read")}
              onCancel={() => setMode("read")}
            />
          </div>
        ) : (
          readable && (
            <div className="mt-2 break-words">
              <UserMarkdown>{comment.body!}</UserMarkdown>
            </div>
          )
        )}
        {note.error && (
          <p role="alert" className="mt-2 text-sm font-medium text-red-700">
            {note.error}
          </p>
        )}
        {note.success && (
          <p role="status" className="mt-2 text-sm text-emerald-800">
            {note.success}
          </p>
        )}
        {signedIn && comment.state === "visible" && mode === "read" && (
          <div className="mt-3 flex flex-wrap gap-4 text-sm">
            <TextButton onClick={() => setMode("reply")}>Reply</TextButton>
            {canEdit && <TextButton onClick={() => setMode("edit")}>Edit</TextButton>}
            {comment.mine && <TextButton onClick={() => setMode("delete")}>Delete</TextButton>}
            {!comment.mine && <TextButton onClick={() => setMode("report")}>Report</TextButton>}
            {isModerator && !comment.mine && (
              <TextButton onClick={() => setMode("hide")}>Hide</TextButton>
            )}
          </div>
        )}
        {mode === "hide" && (
          <ModeratorHide
            id={comment.id}
            onCancel={() => setMode("read")}
            onHidden={() => {
              onChange(
                comment.id,
                children.length > 0 ? { ...comment, state: "hidden", body: null } : null,
              );
              setMode("read");
            }}
          />
        )}
        {mode === "delete" && (
          <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
            <span>Delete this comment? Replies to it stay.</span>
            <button
              type="button"
              disabled={pending}
              className="rounded bg-red-700 px-3 py-1 font-semibold text-white disabled:opacity-60"
              onClick={() =>
                startTransition(async () => {
                  const result = await deleteCommentAction({ id: comment.id });
                  if (!result.ok) return setNote({ error: result.formError });
                  const hasReplies = children.length > 0;
                  onChange(
                    comment.id,
                    hasReplies ? { ...comment, state: "deleted", body: null } : null,
                  );
                  setMode("read");
                })
              }
            >
              {pending ? "Deleting…" : "Yes, delete it"}
            </button>
            <TextButton onClick={() => setMode("read")}>Cancel</TextButton>
          </div>
        )}
        {mode === "report" && (
          <form
            className="mt-3 flex flex-wrap items-end gap-3 text-sm"
            onSubmit={(e) => {
              e.preventDefault();
              startTransition(async () => {
                setNote({});
                const result = await reportCommentAction({ id: comment.id, reason });
                if (!result.ok) {
                  return setNote({ error: result.fieldErrors?.reason ?? result.formError });
                }
                setMode("read");
                setNote({ success: "Thank you: moderators will look at this comment." });
              });
            }}
          >
            <div>
              <label htmlFor={`report-${comment.id}`} className="block font-medium">
                Reason
              </label>
              <select
                id={`report-${comment.id}`}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                className={inputClass}
              >
                <option value="">Choose a reason</option>
                {REPORT_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {REPORT_REASON_LABELS[r]}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="submit"
              disabled={pending}
              className="rounded bg-brand-700 px-3 py-2 font-semibold text-white disabled:opacity-60"
            >
              {pending ? "Reporting…" : "Report"}
            </button>
            <TextButton onClick={() => setMode("read")}>Cancel</TextButton>
          </form>
        )}
        {mode === "reply" && (
          <div className="mt-3">
            <CommentBox
              submitLabel="Post reply"
              pendingLabel="Posting…"
              onSubmit={async (body) => {
                const result = await postCommentAction({ subject, parentId: comment.id, body });
                if (result.ok) onReply(result.data);
                return result;
              }}
              onDone={() => setMode("read")}
              onCancel={() => setMode("read")}
            />
          </div>
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

/** A small action that reads as a link (Reply, Edit, Delete, Report, Cancel). */
function TextButton({ onClick, children }: { onClick: () => void; children: string }) {
  return (
    <button type="button" className="text-brand-700 underline" onClick={onClick}>
      {children}
    </button>
  );
}
