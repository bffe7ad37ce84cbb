"use server";

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

export async function reportCommentAction(
  input: unknown,
): Promise<ActionResult<{ hidden: boolean }>> {
  return runAction(reportCommentSchema, input, reportComment);
}

export async function moderateCommentAction(input: unknown): Promise<ActionResult> {
  return runAction(commentModerationSchema, input, moderateComment);
}
