"use server";

import { redirect } from "next/navigation";
import { formFields, goTo, idempotencyKey, runForm, saved } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { moderateComment, reportComment } from "@/lib/dal/comments/reports";
import { deleteComment, editComment, postComment } from "@/lib/dal/comments/comments";
import {
  commentModerationSchema,
  commentRefSchema,
  commentSubjectSchema,
  editCommentSchema,
  postCommentSchema,
  reportCommentSchema,
} from "@/lib/validation/comment";

/**
 * Posts a comment or a reply, from the comment pages (`/comments/…`, which
 * work without JavaScript), and goes to it in the live list of its page's
 * comments. (The page itself is cached: a render that began before the post
 * may be stored just after it for a few seconds, README › Caching; the list
 * is read afresh.) The form's key makes a second send go to the first comment.
 */
export async function postCommentFormAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const key = idempotencyKey(formData);
  return runForm(postCommentSchema, formData, (data) => postComment(data, key), {
    done: (comment) => goTo(liveComments(formData.get("subject"), `comment-${comment.id}`)),
  });
}

/** The author's edit, on the comment's page. */
export async function editCommentFormAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runForm(editCommentSchema, formData, editComment, {
    done: () => saved("Your comment was saved."),
  });
}

/**
 * The author deletes their comment, and goes to the live list of the comments
 * of the page it was on (its subject, bound). A redirect now even from
 * JavaScript, not `goTo`: the action's re-render of the comment's page, which
 * no longer exists, would show "Page not found" and drop the form before it
 * could follow an answer.
 */
export async function deleteCommentFormAction(
  subject: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runForm(commentRefSchema, formData, deleteComment, {
    done: () => redirect(liveComments(subject, "comments")),
  });
}

/** The live list of a page's comments (`/comments?on=…`) at an anchor; home for no such page. */
function liveComments(subject: unknown, anchor: string): string {
  const checked = commentSubjectSchema.safeParse(subject);
  return checked.success ? `/comments?on=${encodeURIComponent(checked.data)}#${anchor}` : "/";
}

/** A reader reports a comment; without JavaScript the page comes back with the thanks. */
export async function reportCommentFormAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runForm(reportCommentSchema, formData, reportComment, {
    done: () => saved("Thank you: moderators will look at this comment."),
  });
}

/** A moderator hides or restores (keeps) a comment, with a reason its author sees. */
export async function moderateCommentFormAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const restore = formFields(formData).action === "restore";
  return runForm(commentModerationSchema, formData, moderateComment, {
    done: () =>
      saved(
        restore ? "The comment is visible; its reports are dismissed." : "The comment is hidden.",
      ),
  });
}
