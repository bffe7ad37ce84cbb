// Why the data access layer refused, as codes with the facts a message needs.
// The words live in lib/messages/refusals.ts, so each can be translated;
// nothing here is shown to anyone as it stands.
import type { ProfileFieldKey } from "@/lib/profile-fields";
import type { EmailTokenPurpose, Role, SubmissionStatus } from "@/lib/enums";

/** Why a link from an account email does not work. */
export type LinkProblem = "invalid_link" | "expired_link" | "used_link";

/** Which rate limit refused: what the person was doing too often. */
export type RateLimitedAction =
  | "submissions"
  | "comments"
  | "reports"
  | "password_checks"
  | "sign_ups"
  | "sign_ins"
  | "verification_emails"
  | "reset_requests"
  | "email_changes";

/** Refusals shown on the form as a whole (its one `formError`). */
export type FormRefusal =
  | { code: "rate_limited"; limit: RateLimitedAction; retryAfterSeconds: number }
  | { code: "no_such_city" }
  // my submissions (as their author)
  | { code: "no_such_submission_of_yours" }
  | { code: "withdrawn_by_you" }
  | { code: "decided_by_a_moderator"; status: SubmissionStatus }
  | { code: "revised_in_another_window" }
  // review (as a moderator)
  | { code: "no_such_submission" }
  | { code: "already_decided"; status: "approved" | "rejected"; by: string | null }
  | { code: "withdrawn_by_author" }
  | { code: "own_submission" }
  // `until`: when the claim ends (ISO 8601), if known
  | { code: "claimed_by_another"; by: string; until: string | null }
  | { code: "revised_since_opened"; version: number }
  | { code: "not_open_for_review" }
  // the fields that changed since the edit was proposed; `leaderTitle` names the leader field
  | { code: "edit_conflict"; fields: ProfileFieldKey[]; leaderTitle: string }
  // a proposed jurisdiction whose slug (name and state) another jurisdiction has
  | { code: "jurisdiction_exists"; slug: string }
  // published updates, hidden or restored
  | { code: "no_such_update" }
  | { code: "own_update_restore" }
  | { code: "update_already_hidden" }
  | { code: "update_not_published" }
  | { code: "update_already_public" }
  | { code: "update_not_hidden" }
  // profile history
  | { code: "no_such_revision" }
  | { code: "profile_changed_since_read"; latestRevisionId: number }
  | { code: "profile_already_matches"; revisionId: number }
  // notifications and email
  | { code: "no_such_notification" }
  | { code: "invalid_unsubscribe_link" }
  // comments and reports
  | { code: "no_such_comment_page" }
  | { code: "reply_not_on_page" }
  | { code: "reply_to_unavailable" }
  | { code: "no_such_comment" }
  | { code: "not_your_comment" }
  | { code: "comment_hidden_no_edit" }
  | { code: "comment_edit_window_over"; minutes: number }
  | { code: "own_comment_report" }
  | { code: "already_reported" }
  | { code: "own_comment_restore" }
  | { code: "comment_already_hidden" }
  | { code: "comment_not_hidden" }
  // signing in
  // `retryAfterSeconds`: too many failed attempts on this address; when to try again
  | { code: "wrong_credentials"; retryAfterSeconds?: number }
  | { code: "account_banned" }
  // a link from an account email (verify, reset, confirm a new address) that does not work
  | { code: "bad_link"; problem: LinkProblem; purpose: EmailTokenPurpose }
  | { code: "email_already_verified" }
  // a new address that became another account's before it was confirmed
  | { code: "email_taken" }
  | { code: "email_unchanged" }
  // people (admins) and my account
  | { code: "no_such_user" }
  | { code: "no_such_session" }
  | { code: "role_unchanged"; name: string; role: Role }
  | { code: "already_banned"; name: string }
  | { code: "not_banned"; name: string }
  | { code: "last_admin_demote" }
  | { code: "last_admin_ban" }
  | { code: "last_admin_delete" };

/** Refusals shown on the form's fields they concern. */
export type FieldRefusal =
  // fields changed while the person edited; `value` is what each holds now
  | { code: "stale_fields"; fields: { field: ProfileFieldKey; value: string }[] }
  | { code: "unknown_home_city" }
  // `field`: the form field that held the password
  | { code: "wrong_password"; field: "currentPassword" | "password" };

export type Refusal = FormRefusal | FieldRefusal;

/** What a DAL function that may refuse returns; only bugs (and the session checks) throw. */
export type DalResult<T = null> = { ok: true; data: T } | { ok: false; refusal: Refusal };
