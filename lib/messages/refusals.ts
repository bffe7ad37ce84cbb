// The words for every refusal a person can meet: the DAL's reason codes
// (lib/refusals.ts) and the session checks' (AuthError). One catalogue, so
// another language is one more of these, not a hunt through the DAL.
import type { AuthErrorCode } from "@/lib/auth/current-user";
import { profileFieldLabel, profileValueLabel } from "@/lib/profile-fields";
import type { EmailTokenPurpose } from "@/lib/enums";
import type { FormRefusal, LinkProblem, RateLimitedAction, Refusal } from "@/lib/refusals";
import { describeRetry } from "./retry";

const RATE_LIMITED: Record<RateLimitedAction, string> = {
  submissions: "You have sent many submissions in a short time.",
  comments: "You are commenting faster than we allow.",
  reports: "You have sent many reports in a short time.",
  password_checks: "Too many attempts.",
  sign_ups: "Too many new accounts from your network.",
  sign_ins: "Too many sign-in attempts.",
  verification_emails: "We have sent you several verification emails already.",
  reset_requests: "Too many password reset requests.",
  email_changes: "You have asked to change your email address several times already.",
};

/** What went wrong with a link from an account email, and what to do. */
const LINK_PROBLEMS: Record<EmailTokenPurpose, Record<LinkProblem, string>> = {
  verify_email: {
    invalid_link: "This confirmation link is not valid. Check that you copied all of it.",
    expired_link:
      "This confirmation link has expired. Sign in and choose “Resend verification email” to get a new one.",
    used_link:
      "This confirmation link was already used. Sign in and choose “Resend verification email” if your address is not confirmed yet.",
  },
  reset_password: {
    invalid_link:
      "This reset link is not valid. Check that you copied all of it, or ask for a new one.",
    expired_link: "This reset link has expired: reset links work for one hour. Ask for a new one.",
    used_link: "This reset link was already used. Ask for a new one if you still need it.",
  },
  change_email: {
    invalid_link: "This confirmation link is not valid. Check that you copied all of it.",
    expired_link:
      "This confirmation link has expired. Change your address again on your account page to get a new one.",
    used_link: "This confirmation link was already used.",
  },
};

type Catalogue = { [C in FormRefusal["code"]]: (r: Extract<FormRefusal, { code: C }>) => string };

const FORM_REFUSALS: Catalogue = {
  rate_limited: (r) => `${RATE_LIMITED[r.limit]} Try again ${describeRetry(r.retryAfterSeconds)}.`,
  no_such_city: () => "There is no such city.",

  no_such_submission_of_yours: () => "There is no such submission of yours.",
  withdrawn_by_you: () => "You withdrew this submission.",
  decided_by_a_moderator: (r) => `A moderator already decided on it (${r.status}).`,
  revised_in_another_window: () =>
    "You revised this submission in another window. Reload to see the latest version.",

  no_such_submission: () => "There is no such submission.",
  already_decided: (r) => `Already decided by ${r.by ?? "another moderator"} (${r.status}).`,
  withdrawn_by_author: () => "The author withdrew this submission.",
  own_submission: () => "You cannot decide on your own submission.",
  claimed_by_another: (r) =>
    `${r.by} is reviewing this item${r.until ? ` until ${r.until.slice(11, 16)} UTC` : ""}.`,
  revised_since_opened: (r) =>
    `The author revised this submission after you opened it (now version ${r.version}). Read the new version before deciding.`,
  not_open_for_review: () => "This item is not open for review.",
  edit_conflict: (r) =>
    `Not applied: ${r.fields.map((f) => profileFieldLabel(f, r.leaderTitle)).join(", ")} changed after this edit was proposed, so approving it would overwrite that change. Compare the current values below: the author can revise the edit from the current profile, or you can reject it.`,

  jurisdiction_exists: (r) =>
    `Not approved: /cities/${r.slug} already exists. If this proposal is the same place, reject it as a duplicate.`,

  no_such_update: () => "There is no such update.",
  own_update_restore: () => "You cannot restore your own update: another moderator must.",
  update_already_hidden: () => "This update is already hidden.",
  update_not_published: () => "Only a published update can be hidden.",
  update_already_public: () => "This update is already public.",
  update_not_hidden: () => "Only a hidden update can be restored.",

  no_such_revision: () => "There is no such revision.",
  profile_changed_since_read: (r) =>
    `The profile changed while you were reading its history: revision ${r.latestRevisionId} is now the newest. Reload the page and check it before reverting.`,
  profile_already_matches: (r) => `The profile already matches revision ${r.revisionId}.`,

  no_such_notification: () => "There is no such notification.",
  invalid_unsubscribe_link: () =>
    "This unsubscribe link is not valid. Sign in and change your email setting on your account page.",

  no_such_comment_page: () => "There is no such page to comment on.",
  reply_not_on_page: () => "The comment you are replying to is not on this page.",
  reply_to_unavailable: () => "That comment was deleted or hidden: it takes no replies.",
  no_such_comment: () => "There is no such comment.",
  not_your_comment: () => "You can only change your own comments.",
  comment_hidden_no_edit: () => "Moderators hid this comment, so it cannot be edited.",
  comment_edit_window_over: (r) =>
    `Comments can be edited for ${r.minutes} minutes after posting; this one can no longer be.`,
  own_comment_report: () => "You cannot report your own comment.",
  already_reported: () => "You have already reported this comment.",
  own_comment_restore: () => "You cannot restore your own comment: another moderator must.",
  comment_already_hidden: () => "This comment is already hidden.",
  comment_not_hidden: () => "This comment is not hidden.",

  wrong_credentials: (r) =>
    r.retryAfterSeconds === undefined
      ? "The email or password is incorrect."
      : `The email or password is incorrect. After too many failed attempts, signing in to this account is paused: try again ${describeRetry(r.retryAfterSeconds)}, or reset your password.`,
  account_banned: () =>
    "This account is banned. Contact the moderators if you think this is a mistake.",

  bad_link: (r) => LINK_PROBLEMS[r.purpose][r.problem],
  email_already_verified: () => "Your email address is already confirmed.",
  email_unchanged: () => "That is already your email address.",
  email_taken: () =>
    "That address now belongs to another account, so it cannot become yours. Your account keeps its old address.",

  no_such_user: () => "No such user.",
  no_such_session: () => "That session has already ended.",
  role_unchanged: (r) => `${r.name} is already ${r.role === "admin" ? "an" : "a"} ${r.role}.`,
  already_banned: (r) => `${r.name} is already banned.`,
  not_banned: (r) => `${r.name} is not banned.`,
  last_admin_demote: () => "At least one active admin must remain: promote someone else first.",
  last_admin_ban: () => "The last active admin cannot be banned.",
  last_admin_delete: () =>
    "You are the only active admin: make someone else an admin before deleting your account.",
};

/** A refusal of the whole form, in words. */
export function describeRefusal(refusal: FormRefusal): string {
  // The catalogue's entry for this code takes exactly this refusal; TypeScript cannot pair them.
  const describe = FORM_REFUSALS[refusal.code] as (r: FormRefusal) => string;
  return describe(refusal);
}

/** Where a form shows a refusal, in words: one form error, or errors on the fields it concerns. */
export function refusalErrors(
  refusal: Refusal,
): { formError: string } | { fieldErrors: Record<string, string> } {
  switch (refusal.code) {
    case "stale_fields":
      return {
        fieldErrors: Object.fromEntries(
          refusal.fields.map(({ field, value }) => [
            `fields.${field}.toValue`,
            `Someone changed this field while you were editing: it now reads “${profileValueLabel(field, value)}”. Reload the page to start from the current profile.`,
          ]),
        ),
      };
    case "unknown_home_city":
      return { fieldErrors: { homeCity: "Choose a city from the list." } };
    case "wrong_password":
      return { fieldErrors: { [refusal.field]: "That is not your current password." } };
    default:
      return { formError: describeRefusal(refusal) };
  }
}

const AUTH_MESSAGES: Record<AuthErrorCode, string> = {
  unauthenticated: "Please sign in to do this.",
  session_expired: "Your session has ended. Please sign in again.",
  unverified:
    "Confirm your email address first: open the link we emailed you when you signed up, or choose “Resend verification email” at the top of the page.",
  banned: "Your account is banned, so you cannot do this.",
  forbidden: "You do not have permission to do this.",
};

/** A session check's refusal in words; a ban names its reason when there is one. */
export function describeAuthRefusal(code: AuthErrorCode, banReason?: string): string {
  const reason = code === "banned" && banReason ? ` Reason: ${banReason}` : "";
  return AUTH_MESSAGES[code] + reason;
}
