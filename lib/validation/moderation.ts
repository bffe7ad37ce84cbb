import { z } from "zod";
import { codePoints, longText, type TextOptions } from "./text";
import { REVIEW_TYPES, SUBMISSION_TYPES, UPDATE_KINDS } from "@/lib/enums";

/** The queue's kinds: the update kinds, and profile edits and proposed jurisdictions as two more. */
export const QUEUE_KINDS = [...UPDATE_KINDS, "profile_edit", "jurisdiction_proposal"] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

/** Common reasons for rejecting; the moderator may add their own words. */
export const REJECT_REASONS = [
  "No reliable source",
  "The source does not say this",
  "Duplicate of an earlier submission",
  "Not about this city",
  "This jurisdiction is already on CityWatch",
  "Not about immigration policy",
  "Conflicts with a newer change to the profile",
] as const;

export const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

export const submissionRefSchema = z.strictObject({
  type: z.enum(SUBMISSION_TYPES),
  id: idSchema,
});
export type SubmissionRef = z.infer<typeof submissionRefSchema>;

/** Anything a moderator reviews: a submission, or a proposed jurisdiction. */
export const reviewRefSchema = z.strictObject({
  type: z.enum(REVIEW_TYPES),
  id: idSchema,
});
export type ReviewRef = z.infer<typeof reviewRefSchema>;

/** A moderator's words to an author or for the log: free text of at most 1000 characters. */
const reasonText = (o: Omit<TextOptions, "max"> = {}) => longText({ ...o, max: 1000 });

const decisionFields = {
  type: z.enum(REVIEW_TYPES),
  id: idSchema,
  /** The version the moderator read; a revision since then refuses the decision. */
  version: idSchema,
  decision: z.enum(["approve", "reject"]),
  reason: reasonText().default(""),
};
/** A reject tells the author why. */
const reasonGiven: [
  (v: { decision: string; reason: string }) => boolean,
  { path: string[]; message: string },
] = [
  (v) => v.decision === "approve" || codePoints(v.reason) >= 3,
  { path: ["reason"], message: "Give the author a reason (at least 3 characters)." },
];

export const decideSchema = z.strictObject(decisionFields).refine(...reasonGiven);
export type DecideInput = z.infer<typeof decideSchema>;

/**
 * The decision as the review page's forms send it: a reject may carry one of
 * the common reasons (`preset`) before the moderator's own words; the two are
 * joined into the reason the author reads, so either alone will do.
 */
export const decisionFormSchema = z
  .strictObject({
    ...decisionFields,
    preset: z.union([z.enum(REJECT_REASONS), z.literal("")]).default(""),
  })
  .transform(({ preset, reason, ...decision }) => ({
    ...decision,
    reason: [preset, reason].filter(Boolean).join(": "),
  }))
  .refine(...reasonGiven);

export const queueFilterSchema = z.object({
  city: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional()
    .catch(undefined),
  kind: z.enum(QUEUE_KINDS).optional().catch(undefined),
  /**
   * "<last update id>-<last edit id>-<last proposal id>": where the previous page
   * stopped in each list (the third part may be left out: 0).
   */
  after: z
    .string()
    .regex(/^\d{1,10}-\d{1,10}(-\d{1,10})?$/)
    .refine((v) => v.split("-").every((n) => Number(n) <= 2_147_483_647))
    .optional()
    .catch(undefined),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

export const revertSchema = z.strictObject({
  revisionId: idSchema,
  /** The newest revision the moderator saw; the revert is refused if there is a newer one. */
  latestRevisionId: idSchema,
  reason: reasonText({
    min: 3,
    missing: "Say why you are reverting.",
    short: "Say why you are reverting (at least 3 characters).",
  }),
});
export type RevertInput = z.infer<typeof revertSchema>;

/** Hide an approved update from the public, or restore a hidden one: the reason is shown to its author. */
export const visibilitySchema = z.strictObject({
  id: idSchema,
  action: z.enum(["hide", "restore"]),
  reason: reasonText({
    min: 3,
    missing: "Give a reason.",
    short: "Give a reason (at least 3 characters): the author will see it.",
  }),
});
export type VisibilityInput = z.infer<typeof visibilitySchema>;

export const historyCursorSchema = z
  .string()
  .regex(/^\d{1,10}$/)
  .refine((v) => Number(v) <= 2_147_483_647)
  .optional()
  .catch(undefined);
