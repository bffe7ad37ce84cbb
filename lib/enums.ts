// The values CityWatch stores in its enumerated columns, defined once. The
// database schema (db/schema) and the forms' zod schemas (lib/validation) both
// import them from here, so this module imports nothing. Words for people
// (labels) live with the UI, not here.

export const ROLES = ["resident", "moderator", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** How often a person wants email about their notifications. */
export const EMAIL_FREQUENCIES = ["immediately", "daily", "never"] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];

/** "news": notifications and digests; "account": verification, reset, change of address. */
export const EMAIL_KINDS = ["news", "account"] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** What the link in an account email does. */
export const EMAIL_TOKEN_PURPOSES = ["verify_email", "reset_password", "change_email"] as const;
export type EmailTokenPurpose = (typeof EMAIL_TOKEN_PURPOSES)[number];

export const JURISDICTION_KINDS = ["city", "county", "city_and_county", "state"] as const;
export type JurisdictionKind = (typeof JURISDICTION_KINDS)[number];

export const UPDATE_KINDS = [
  "ordinance",
  "executive_order",
  "police_directive",
  "court_ruling",
  "federal_action",
  "statement",
  "other",
] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

/** What a moderator reviews: a policy update or a profile edit. */
export const SUBMISSION_TYPES = ["update", "edit"] as const;
export type SubmissionType = (typeof SUBMISSION_TYPES)[number];

/**
 * Everything the review queue holds: updates and edits (which belong to a
 * jurisdiction) and proposals of a new jurisdiction (which do not, yet).
 */
export const REVIEW_TYPES = [...SUBMISSION_TYPES, "proposal"] as const;
export type ReviewType = (typeof REVIEW_TYPES)[number];

/** "hidden": approved, then taken down by a moderator (updates only; it can be restored). */
export const SUBMISSION_STATUSES = [
  "pending",
  "approved",
  "rejected",
  "withdrawn",
  "hidden",
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** How a profile revision came about: the seeded baseline, an approved edit, a revert. */
export const REVISION_KINDS = ["baseline", "edit", "revert"] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

/** What a comment can be about: the article, a city, or an approved update. */
export const COMMENT_SUBJECT_TYPES = ["article", "city", "update"] as const;
export type CommentSubjectType = (typeof COMMENT_SUBJECT_TYPES)[number];

export const COMMENT_STATUSES = ["visible", "hidden", "deleted"] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/**
 * A reported comment's review: waiting for a moderator (still visible, or hidden
 * by reports), then hidden or restored (kept) by one.
 */
export const COMMENT_REVIEW_STATES = ["pending", "hidden", "restored"] as const;
export type CommentReviewState = (typeof COMMENT_REVIEW_STATES)[number];

export const REPORT_REASONS = ["spam", "abusive", "off_topic", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** What the latest moderator decision on a comment made of a report: hidden (upheld) or kept (dismissed). */
export const REPORT_OUTCOMES = ["upheld", "dismissed"] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

export const NOTIFICATION_KINDS = [
  /** An update was approved in a city the person follows. */
  "update_approved",
  /** A city the person follows had its profile changed (an approved edit or a revert). */
  "profile_changed",
  /** A moderator decided on the person's own update or edit. */
  "submission_decided",
  /** Someone replied to the person's comment. */
  "comment_reply",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The decision a "submission_decided" notification tells of. */
export const NOTIFICATION_DECISIONS = ["approved", "rejected", "hidden", "restored"] as const;
export type NotificationDecision = (typeof NOTIFICATION_DECISIONS)[number];

/** An outbox email's state. */
export const EMAIL_STATUSES = ["pending", "sent", "cancelled", "failed"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];
