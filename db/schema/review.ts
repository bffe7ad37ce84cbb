import { integer, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";
import { SUBMISSION_STATUSES } from "../../lib/validation/update";

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
