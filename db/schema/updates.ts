import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { jurisdictions } from "./jurisdictions";
import { users } from "./users";
import { SUBMISSION_STATUSES, UPDATE_KINDS } from "../../lib/validation/update";

export { SUBMISSION_STATUSES, UPDATE_KINDS } from "../../lib/validation/update";
export type { SubmissionStatus, UpdateKind } from "../../lib/validation/update";

/** A volunteer's policy update: private until a moderator approves it. */
export const policyUpdates = pgTable(
  "policy_updates",
  {
    id: serial("id").primaryKey(),
    jurisdictionId: integer("jurisdiction_id")
      .notNull()
      .references(() => jurisdictions.id, { onDelete: "cascade" }),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    sourceUrl: text("source_url").notNull(),
    effectiveOn: date("effective_on").notNull(),
    kind: text("kind", { enum: UPDATE_KINDS }).notNull(),
    status: text("status", { enum: SUBMISSION_STATUSES }).notNull().default("pending"),
    claimedById: integer("claimed_by_id").references(() => users.id),
    claimExpiresAt: timestamp("claim_expires_at", { withTimezone: true }),
    decidedById: integer("decided_by_id").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionReason: text("decision_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // the review queue: pending, oldest first
    index("policy_updates_queue_idx").on(t.status, t.createdAt, t.id),
    // a city's timeline: approved, newest first
    index("policy_updates_timeline_idx").on(t.jurisdictionId, t.status, t.decidedAt, t.id),
    index("policy_updates_author_idx").on(t.authorId, t.createdAt),
    check(
      "policy_updates_kind_check",
      sql`${t.kind} in ('ordinance', 'executive_order', 'police_directive', 'court_ruling', 'federal_action', 'statement', 'other')`,
    ),
    check(
      "policy_updates_status_check",
      sql`${t.status} in ('pending', 'approved', 'rejected', 'withdrawn')`,
    ),
  ],
);
