import type { Metadata } from "next";
import { notFound } from "next/navigation";
import {
  deleteCommentFormAction,
  editCommentFormAction,
  postCommentFormAction,
} from "@/app/_comments/actions";
import { CommentBox } from "@/app/_comments/comment-box";
import { DeleteComment } from "@/app/_comments/delete-comment";
import { ModeratorHide } from "@/app/_comments/moderator-hide";
import { ReportForm } from "@/app/_comments/report-form";
import { newFormKey } from "@/lib/actions/form-state";
import { getComment } from "@/lib/dal/comments/comments";
import { idParam } from "@/lib/validation/params";
import { CommentQuote } from "../_components/comment-quote";
import { CommentSection } from "../_components/comment-section";

export const metadata: Metadata = { title: "Comment", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

const time = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/**
 * One comment and what the reader may do with it: reply, report, edit or
 * delete their own, hide it as a moderator. Every form posts, so all of it
 * works without JavaScript; the pages with comments link here.
 */
export default async function CommentPage({ params }: Props) {
  const id = idParam((await params).id);
  const found = id ? await getComment(id) : null;
  if (!found) notFound();
  const { comment, place, viewer } = found;
  const visible = comment.state === "visible";
  return (
    <div className="max-w-2xl">
      <p className="text-sm">
        <a href={`${place.path}#comment-${comment.id}`}>Back to {place.title}</a>
      </p>
      <h1 className="mt-3 text-3xl font-bold">Comment by {comment.authorName}</h1>
      <p className="mt-1 text-stone-700">On {place.title}</p>
      <CommentQuote comment={comment} />

      {!viewer.signedIn && (
        <p className="mt-6">
          <a href={`/login?callbackUrl=${encodeURIComponent(`/comments/${comment.id}`)}`}>
            Sign in
          </a>{" "}
          to reply to this comment or report it.
        </p>
      )}
      {viewer.signedIn && visible && (
        <CommentSection id="reply" title="Reply">
          <CommentBox
            action={postCommentFormAction}
            fields={{ subject: place.subject, parentId: String(comment.id) }}
            idempotencyKey={newFormKey()}
            submitLabel="Post reply"
            pendingLabel="Posting…"
          />
        </CommentSection>
      )}
      {comment.editableUntil && (
        <CommentSection
          id="edit"
          title="Edit your comment"
          hint={`You can edit it until ${time.format(new Date(comment.editableUntil))} UTC.`}
        >
          <CommentBox
            action={editCommentFormAction}
            fields={{ id: String(comment.id) }}
            initial={comment.body ?? ""}
            submitLabel="Save"
            pendingLabel="Saving…"
          />
        </CommentSection>
      )}
      {comment.mine && (
        <CommentSection
          id="delete"
          title="Delete your comment"
          hint="Its text goes; replies to it stay."
        >
          <DeleteComment
            id={comment.id}
            action={deleteCommentFormAction.bind(null, place.subject)}
          />
        </CommentSection>
      )}
      {/* Still here once hidden: the report that hid it answers with its thanks. */}
      {viewer.signedIn && comment.state !== "deleted" && !comment.mine && (
        <CommentSection
          id="report"
          title="Report this comment"
          hint="Moderators look at every report."
        >
          <ReportForm id={comment.id} />
        </CommentSection>
      )}
      {viewer.moderator && visible && !comment.mine && (
        <CommentSection id="hide" title="Hide this comment" hint="Its author sees the reason.">
          <ModeratorHide id={comment.id} />
        </CommentSection>
      )}
    </div>
  );
}
