import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { NOTIFICATION_DECISIONS, NOTIFICATION_KINDS } from "../../lib/enums";
import { comments } from "./comments";
import { profileEdits, profileRevisions } from "./edits";
import { jurisdictions } from "./jurisdictions";
import { jurisdictionProposals } from "./proposals";
import { policyUpdates } from "./updates";
import { users } from "./users";

/**
 * Something that happened which one person should hear about. Written in the
 * transaction that caused it (one row per recipient); what it points to is
 * read when it is shown, so content hidden later disappears from it.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    /** The city it concerns; null for a reply on the article. */
    jurisdictionId: integer("jurisdiction_id").references(() => jurisdictions.id, {
      onDelete: "cascade",
    }),
    updateId: integer("update_id").references(() => policyUpdates.id, { onDelete: "cascade" }),
    editId: integer("edit_id").references(() => profileEdits.id, { onDelete: "cascade" }),
    /** For "submission_decided" on a proposed jurisdiction. */
    proposalId: integer("proposal_id").references(() => jurisdictionProposals.id, {
      onDelete: "cascade",
    }),
    revisionId: integer("revision_id").references(() => profileRevisions.id, {
      onDelete: "cascade",
    }),
    /** For "comment_reply": the reply. */
    commentId: integer("comment_id").references(() => comments.id, { onDelete: "cascade" }),
    /** For "submission_decided": "approved", "rejected", or later "hidden" / "restored"; and the moderator's reason. */
    decision: text("decision", { enum: NOTIFICATION_DECISIONS }),
    reason: text("reason"),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** Still to be emailed (set from the person's email setting when written; cleared once mailed). */
    emailPending: boolean("email_pending").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // my notifications, newest first
    index("notifications_user_idx").on(t.userId, t.id),
    // the unread count in the header
    index("notifications_unread_idx")
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    // the mailer's work list
    index("notifications_email_idx")
      .on(t.userId, t.id)
      .where(sql`${t.emailPending}`),
    index("notifications_update_idx").on(t.updateId),
    check(
      "notifications_kind_check",
      sql`${t.kind} in ('update_approved', 'profile_changed', 'submission_decided', 'comment_reply')`,
    ),
  ],
);
