import { bigint, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { jurisdictions } from "./jurisdictions";
import { users } from "./users";
import { SUBMISSION_STATUSES } from "../../lib/enums";

/**
 * The review lifecycle every submission shares (policy updates and profile
 * edits): pending until one moderator decides, claimable for a while,
 * revisable by its author while pending (each revision bumps `version`).
 */
export const reviewColumns = () => ({
  status: text("status", { enum: SUBMISSION_STATUSES }).notNull().default("pending"),
  version: integer("version").notNull().default(1),
  claimedById: integer("claimed_by_id").references(() => users.id),
  claimExpiresAt: timestamp("claim_expires_at", { withTimezone: true }),
  decidedById: integer("decided_by_id").references(() => users.id),
  decidedAt: timestamp("decided_at", { withTimezone: true }),
  decisionReason: text("decision_reason"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * How many submissions wait for review, per kind ("profile_edit" for edits)
 * and city. Kept by triggers on both submission tables (drizzle/0004), so the
 * queue's counts cost the same however long the queue is.
 */
export const reviewQueueCounts = pgTable(
  "review_queue_counts",
  {
    kind: text("kind").notNull(),
    jurisdictionId: integer("jurisdiction_id")
      .notNull()
      .references(() => jurisdictions.id, { onDelete: "cascade" }),
    n: integer("n").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.kind, t.jurisdictionId] })],
);

/**
 * One row whose `v` goes up in every transaction that changes
 * review_queue_counts (a statement trigger, drizzle/0020), so the queue's counts
 * can be cached under their version: a reader reads `v` first, then the counts,
 * and a cached summary is never older than the version it is filed under.
 */
export const reviewQueueVersion = pgTable("review_queue_version", {
  id: integer("id").primaryKey().default(1),
  v: bigint("v", { mode: "number" }).notNull().default(0),
});
