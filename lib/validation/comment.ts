import { z } from "zod";
import { idSchema, visibilitySchema } from "./moderation";
import { longText } from "./text";
import { REPORT_REASONS, type ReportReason } from "@/lib/enums";

export const COMMENT_MAX_LENGTH = 5000;
/** Replies nest this deep; a reply to a comment at this depth joins it at the same depth. */
export const COMMENT_MAX_DEPTH = 3;
/** The author may edit a comment for this long after posting it. */
export const COMMENT_EDIT_MINUTES = 15;
/**
 * This many open reports from different established reporters hide a comment
 * until a moderator reviews it; any report puts it in the moderators' queue.
 */
export const COMMENT_REPORTS_TO_HIDE = 3;
/** A reporter's account counts toward hiding once it is this many days old (and verified). */
export const REPORTER_MIN_AGE_DAYS = 3;
/** After this many of a person's reports were dismissed by moderators, their reports no longer hide. */
export const DISMISSED_REPORTS_TO_DISCOUNT = 3;

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  spam: "Spam",
  abusive: "Abusive",
  off_topic: "Off-topic",
  other: "Other",
};

/**
 * "article:us-sanctuary-cities", "city:boston-ma" or "update:42": what a
 * comment list or a new comment is about, as the pages and the API name it.
 */
export const commentSubjectSchema = z
  .string({ error: "Say what the comment is about." })
  .regex(/^(article|city):[a-z0-9-]{1,80}$|^update:[1-9]\d{0,9}$/, "There is no such page.")
  .refine((s) => !s.startsWith("update:") || Number(s.slice(7)) <= 2_147_483_647, {
    message: "There is no such page.",
  });

const body = longText({ min: 1, max: COMMENT_MAX_LENGTH, missing: "Write a comment." });

/** A new comment, or a reply to `parentId`. */
export const postCommentSchema = z.strictObject({
  subject: commentSubjectSchema,
  parentId: idSchema.optional(),
  body,
});
export type PostCommentInput = z.infer<typeof postCommentSchema>;

export const editCommentSchema = z.strictObject({ id: idSchema, body });
export type EditCommentInput = z.infer<typeof editCommentSchema>;

export const commentRefSchema = z.strictObject({ id: idSchema });
export type CommentRef = z.infer<typeof commentRefSchema>;

export const reportCommentSchema = z.strictObject({
  id: idSchema,
  reason: z.enum(REPORT_REASONS, { error: "Choose a reason." }),
});
export type ReportCommentInput = z.infer<typeof reportCommentSchema>;

/** A moderator hides or restores a comment, with a reason its author sees: the same form as for an update. */
export const commentModerationSchema = visibilitySchema;
export type CommentModerationInput = z.infer<typeof commentModerationSchema>;

/** The comment box itself (new comment, reply or edit): the same rule as the server's. */
export const commentBodyFormSchema = z.strictObject({ body });
export type CommentBodyForm = z.infer<typeof commentBodyFormSchema>;
