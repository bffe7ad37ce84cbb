// The words people read for each refusal, exactly as the DAL used to write
// them: the DAL's own tests now check the codes, these check the sentences.
import { describe, expect, it } from "vitest";
import type { FormRefusal } from "@/lib/refusals";
import { describeAuthRefusal, describeRefusal, refusalErrors } from "./refusals";

type Cases = { [C in FormRefusal["code"]]: [Extract<FormRefusal, { code: C }>, string][] };

/** Every code (TypeScript refuses a missing one), with the sentence it reads as. */
const FORM_CASES: Cases = {
  rate_limited: [
    [
      { code: "rate_limited", limit: "submissions", retryAfterSeconds: 3599 },
      "You have sent many submissions in a short time. Try again in 60 minutes.",
    ],
    [
      { code: "rate_limited", limit: "comments", retryAfterSeconds: 30 },
      "You are commenting faster than we allow. Try again in 30 seconds.",
    ],
    [
      { code: "rate_limited", limit: "comments", retryAfterSeconds: 1 },
      "You are commenting faster than we allow. Try again in 1 second.",
    ],
    [
      { code: "rate_limited", limit: "reports", retryAfterSeconds: 90 },
      "You have sent many reports in a short time. Try again in 2 minutes.",
    ],
    [
      { code: "rate_limited", limit: "password_checks", retryAfterSeconds: 900 },
      "Too many attempts. Try again in 15 minutes.",
    ],
    [
      { code: "rate_limited", limit: "sign_ups", retryAfterSeconds: 60 },
      "Too many new accounts from your network. Try again in 1 minute.",
    ],
    [
      { code: "rate_limited", limit: "sign_ins", retryAfterSeconds: 600 },
      "Too many sign-in attempts. Try again in 10 minutes.",
    ],
  ],
  no_such_city: [[{ code: "no_such_city" }, "There is no such city."]],

  no_such_submission_of_yours: [
    [{ code: "no_such_submission_of_yours" }, "There is no such submission of yours."],
  ],
  withdrawn_by_you: [[{ code: "withdrawn_by_you" }, "You withdrew this submission."]],
  decided_by_a_moderator: [
    [
      { code: "decided_by_a_moderator", status: "approved" },
      "A moderator already decided on it (approved).",
    ],
    [
      { code: "decided_by_a_moderator", status: "rejected" },
      "A moderator already decided on it (rejected).",
    ],
  ],
  revised_in_another_window: [
    [
      { code: "revised_in_another_window" },
      "You revised this submission in another window. Reload to see the latest version.",
    ],
  ],

  no_such_submission: [[{ code: "no_such_submission" }, "There is no such submission."]],
  already_decided: [
    [
      { code: "already_decided", status: "approved", by: "Robin Moderator" },
      "Already decided by Robin Moderator (approved).",
    ],
    [
      { code: "already_decided", status: "rejected", by: null },
      "Already decided by another moderator (rejected).",
    ],
  ],
  withdrawn_by_author: [[{ code: "withdrawn_by_author" }, "The author withdrew this submission."]],
  own_submission: [[{ code: "own_submission" }, "You cannot decide on your own submission."]],
  claimed_by_another: [
    [
      { code: "claimed_by_another", by: "Dana", until: "2026-12-03T14:05:59.123Z" },
      "Dana is reviewing this item until 14:05 UTC.",
    ],
    [{ code: "claimed_by_another", by: "Dana", until: null }, "Dana is reviewing this item."],
  ],
  revised_since_opened: [
    [
      { code: "revised_since_opened", version: 2 },
      "The author revised this submission after you opened it (now version 2). Read the new version before deciding.",
    ],
  ],
  not_open_for_review: [[{ code: "not_open_for_review" }, "This item is not open for review."]],
  edit_conflict: [
    [
      { code: "edit_conflict", fields: ["leader"], leaderTitle: "County Executive" },
      "Not applied: County Executive changed after this edit was proposed, so approving it would overwrite that change. Compare the current values below: the author can revise the edit from the current profile, or you can reject it.",
    ],
    [
      { code: "edit_conflict", fields: ["jail_access", "leader"], leaderTitle: "Mayor" },
      "Not applied: ICE access to jails, Mayor changed after this edit was proposed, so approving it would overwrite that change. Compare the current values below: the author can revise the edit from the current profile, or you can reject it.",
    ],
  ],

  jurisdiction_exists: [
    [
      { code: "jurisdiction_exists", slug: "santa-fe-nm" },
      "Not approved: /cities/santa-fe-nm already exists. If this proposal is the same place, reject it as a duplicate.",
    ],
  ],

  no_such_update: [[{ code: "no_such_update" }, "There is no such update."]],
  own_update_restore: [
    [{ code: "own_update_restore" }, "You cannot restore your own update: another moderator must."],
  ],
  update_already_hidden: [[{ code: "update_already_hidden" }, "This update is already hidden."]],
  update_not_published: [
    [{ code: "update_not_published" }, "Only a published update can be hidden."],
  ],
  update_already_public: [[{ code: "update_already_public" }, "This update is already public."]],
  update_not_hidden: [[{ code: "update_not_hidden" }, "Only a hidden update can be restored."]],

  no_such_revision: [[{ code: "no_such_revision" }, "There is no such revision."]],
  profile_changed_since_read: [
    [
      { code: "profile_changed_since_read", latestRevisionId: 42 },
      "The profile changed while you were reading its history: revision 42 is now the newest. Reload the page and check it before reverting.",
    ],
  ],
  profile_already_matches: [
    [{ code: "profile_already_matches", revisionId: 7 }, "The profile already matches revision 7."],
  ],

  no_such_notification: [[{ code: "no_such_notification" }, "There is no such notification."]],
  invalid_unsubscribe_link: [
    [
      { code: "invalid_unsubscribe_link" },
      "This unsubscribe link is not valid. Sign in and change your email setting on your account page.",
    ],
  ],

  no_such_comment_page: [
    [{ code: "no_such_comment_page" }, "There is no such page to comment on."],
  ],
  reply_not_on_page: [
    [{ code: "reply_not_on_page" }, "The comment you are replying to is not on this page."],
  ],
  reply_to_unavailable: [
    [{ code: "reply_to_unavailable" }, "That comment was deleted or hidden: it takes no replies."],
  ],
  no_such_comment: [[{ code: "no_such_comment" }, "There is no such comment."]],
  not_your_comment: [[{ code: "not_your_comment" }, "You can only change your own comments."]],
  comment_hidden_no_edit: [
    [{ code: "comment_hidden_no_edit" }, "Moderators hid this comment, so it cannot be edited."],
  ],
  comment_edit_window_over: [
    [
      { code: "comment_edit_window_over", minutes: 15 },
      "Comments can be edited for 15 minutes after posting; this one can no longer be.",
    ],
  ],
  own_comment_report: [[{ code: "own_comment_report" }, "You cannot report your own comment."]],
  already_reported: [[{ code: "already_reported" }, "You have already reported this comment."]],
  own_comment_restore: [
    [
      { code: "own_comment_restore" },
      "You cannot restore your own comment: another moderator must.",
    ],
  ],
  comment_already_hidden: [[{ code: "comment_already_hidden" }, "This comment is already hidden."]],
  comment_not_hidden: [[{ code: "comment_not_hidden" }, "This comment is not hidden."]],

  wrong_credentials: [
    [{ code: "wrong_credentials" }, "The email or password is incorrect."],
    [
      { code: "wrong_credentials", retryAfterSeconds: 600 },
      "The email or password is incorrect. After too many failed attempts, signing in to this account is paused: try again in 10 minutes, or reset your password.",
    ],
  ],
  account_banned: [
    [
      { code: "account_banned" },
      "This account is banned. Contact the moderators if you think this is a mistake.",
    ],
  ],
  bad_link: [
    [
      { code: "bad_link", problem: "expired_link", purpose: "reset_password" },
      "This reset link has expired: reset links work for one hour. Ask for a new one.",
    ],
    [
      { code: "bad_link", problem: "used_link", purpose: "reset_password" },
      "This reset link was already used. Ask for a new one if you still need it.",
    ],
    [
      { code: "bad_link", problem: "expired_link", purpose: "verify_email" },
      "This confirmation link has expired. Sign in and choose “Resend verification email” to get a new one.",
    ],
  ],
  email_already_verified: [
    [{ code: "email_already_verified" }, "Your email address is already confirmed."],
  ],
  email_unchanged: [[{ code: "email_unchanged" }, "That is already your email address."]],
  email_taken: [
    [
      { code: "email_taken" },
      "That address now belongs to another account, so it cannot become yours. Your account keeps its old address.",
    ],
  ],
  no_such_user: [[{ code: "no_such_user" }, "No such user."]],
  no_such_session: [[{ code: "no_such_session" }, "That session has already ended."]],
  role_unchanged: [
    [{ code: "role_unchanged", name: "Sam", role: "resident" }, "Sam is already a resident."],
    [{ code: "role_unchanged", name: "Sam", role: "moderator" }, "Sam is already a moderator."],
    [{ code: "role_unchanged", name: "Sam", role: "admin" }, "Sam is already an admin."],
  ],
  already_banned: [[{ code: "already_banned", name: "Sam" }, "Sam is already banned."]],
  not_banned: [[{ code: "not_banned", name: "Sam" }, "Sam is not banned."]],
  last_admin_demote: [
    [
      { code: "last_admin_demote" },
      "At least one active admin must remain: promote someone else first.",
    ],
  ],
  last_admin_ban: [[{ code: "last_admin_ban" }, "The last active admin cannot be banned."]],
  last_admin_delete: [
    [
      { code: "last_admin_delete" },
      "You are the only active admin: make someone else an admin before deleting your account.",
    ],
  ],
};

describe("describeRefusal", () => {
  const cases = Object.values(FORM_CASES).flat() as [FormRefusal, string][];

  it.each(cases)("%j reads as %j", (refusal, words) => {
    expect(describeRefusal(refusal)).toBe(words);
  });

  it("has a sentence for every code, and the form shows it as its one error", () => {
    for (const [code, examples] of Object.entries(FORM_CASES)) {
      expect(examples.length, code).toBeGreaterThan(0);
      for (const [refusal, words] of examples as [FormRefusal, string][]) {
        expect(refusalErrors(refusal)).toEqual({ formError: words });
      }
    }
  });
});

describe("refusalErrors on fields", () => {
  it("puts each stale field's current value on that field", () => {
    expect(
      refusalErrors({
        code: "stale_fields",
        fields: [
          { field: "jail_access", value: "denied" },
          { field: "leader", value: "A. Newmayor" },
        ],
      }),
    ).toEqual({
      fieldErrors: {
        "fields.jail_access.toValue":
          "Someone changed this field while you were editing: it now reads “Not allowed”. Reload the page to start from the current profile.",
        "fields.leader.toValue":
          "Someone changed this field while you were editing: it now reads “A. Newmayor”. Reload the page to start from the current profile.",
      },
    });
  });

  it("an unknown home city is refused on the home city field", () => {
    expect(refusalErrors({ code: "unknown_home_city" })).toEqual({
      fieldErrors: { homeCity: "Choose a city from the list." },
    });
  });

  it("a wrong password is refused on the field that held it", () => {
    for (const field of ["currentPassword", "password"] as const) {
      expect(refusalErrors({ code: "wrong_password", field })).toEqual({
        fieldErrors: { [field]: "That is not your current password." },
      });
    }
  });
});

describe("describeAuthRefusal", () => {
  it("reads each session check's refusal, and a ban's reason when there is one", () => {
    expect(describeAuthRefusal("unauthenticated")).toBe("Please sign in to do this.");
    expect(describeAuthRefusal("session_expired")).toBe(
      "Your session has ended. Please sign in again.",
    );
    expect(describeAuthRefusal("banned")).toBe("Your account is banned, so you cannot do this.");
    expect(describeAuthRefusal("banned", "spam links")).toBe(
      "Your account is banned, so you cannot do this. Reason: spam links",
    );
    expect(describeAuthRefusal("forbidden")).toBe("You do not have permission to do this.");
    expect(describeAuthRefusal("forbidden", "spam links")).toBe(
      "You do not have permission to do this.",
    );
  });
});
