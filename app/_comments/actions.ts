"use server";

import { redirect } from "next/navigation";
import { formFields, goTo, idempotencyKey, runForm, saved } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { safeCallbackPath } from "@/lib/auth/request";
import { moderateComment, reportComment } from "@/lib/dal/comments/reports";
import { deleteComment, editComment, postComment } from "@/lib/dal/comments/comments";
import {
  commentModerationSchema,
  commentRefSchema,
  commentSubjectPath,
  editCommentSchema,
  postCommentSchema,
  reportCommentSchema,
} from "@/lib/validation/comment";

/**
 * Posts a comment or a reply, from the comment pages (`/comments/…`, which
 * work without JavaScript), and goes to it on its page. The form's key makes
 * a second send go to the first comment.
 */
export async function postCommentFormAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const key = idempotencyKey(formData);
  return runForm(postCommentSchema, formData, (data) => postComment(data, key), {
    done: (comment) => goTo(commentPath(formData, comment.id)),
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
 * The author deletes their comment, and goes back to the page it was on (bound).
 * A redirect now even from JavaScript, not `goTo`: the action's re-render of the
 * comment's page, which no longer exists, would show "Page not found" and drop
 * the form before it could follow an answer.
 */
export async function deleteCommentFormAction(
  back: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runForm(commentRefSchema, formData, deleteComment, {
    done: () => redirect(`${safeCallbackPath(back)}#comments`),
  });
}

/** Where a comment is shown: on its page ("subject", checked by the schema), at its anchor. */
const commentPath = (formData: FormData, id: number) =>
  `${commentSubjectPath(String(formData.get("subject")))}#comment-${id}`;

/** A reader reports a comment; without JavaScript the page comes back with the thanks. */
export async function reportCommentFormAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runForm(reportCommentSchema, formData, reportComment, {
    done: () => saved("Thank you: moderators will look at this comment."),
  });
}

/** A moderator hides or restores a comment, with a reason its author sees. */
export async function moderateCommentFormAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const restore = formFields(formData).action === "restore";
  return runForm(commentModerationSchema, formData, moderateComment, {
    done: () => saved(restore ? "The comment is visible again." : "The comment is hidden."),
  });
}
