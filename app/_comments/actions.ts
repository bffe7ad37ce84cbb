"use server";

import { formFields, runForm, saved } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run";
import { moderateComment, reportComment } from "@/lib/dal/comments/reports";
import {
  deleteComment,
  editComment,
  postComment,
  type CommentView,
} from "@/lib/dal/comments/comments";
import {
  commentModerationSchema,
  commentRefSchema,
  editCommentSchema,
  postCommentSchema,
  reportCommentSchema,
} from "@/lib/validation/comment";

export async function postCommentAction(input: unknown): Promise<ActionResult<CommentView>> {
  return runAction(postCommentSchema, input, postComment);
}

export async function editCommentAction(input: unknown): Promise<ActionResult<CommentView>> {
  return runAction(editCommentSchema, input, editComment);
}

export async function deleteCommentAction(input: unknown): Promise<ActionResult> {
  return runAction(commentRefSchema, input, deleteComment);
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
