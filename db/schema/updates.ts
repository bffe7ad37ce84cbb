import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, serial, text } from "drizzle-orm/pg-core";
import { jurisdictions } from "./jurisdictions";
import { reviewColumns } from "./review";
import { users } from "./users";
import { UPDATE_KINDS } from "../../lib/enums";
import { tsvector } from "./search";

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
    ...reviewColumns(),
    /** Why a moderator took the approved update down (status "hidden"); shown to its author. */
    hiddenReason: text("hidden_reason"),
    /** Title and summary, accent- and case-folded and stemmed, for search. */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', cw_unaccent(title)), 'A') || setweight(to_tsvector('english', cw_unaccent(summary)), 'B')`,
    ),
  },
  (t) => [
    // the review queue: pending, oldest first (id order), whole or by city or kind
    index("policy_updates_queue_idx")
      .on(t.id)
      .where(sql`${t.status} = 'pending'`),
    index("policy_updates_queue_city_idx")
      .on(t.jurisdictionId, t.id)
      .where(sql`${t.status} = 'pending'`),
    index("policy_updates_queue_kind_idx")
      .on(t.kind, t.id)
      .where(sql`${t.status} = 'pending'`),
    // a city's timeline: approved, newest first
    index("policy_updates_timeline_idx").on(t.jurisdictionId, t.status, t.decidedAt, t.id),
    // a feed of many followed cities, newest first: walked backwards, filtered by city
    index("policy_updates_approved_idx")
      .on(t.decidedAt, t.id)
      .where(sql`${t.status} = 'approved'`),
    index("policy_updates_author_idx").on(t.authorId, t.createdAt),
    // search finds only published updates
    index("policy_updates_search_idx")
      .using("gin", t.searchVector)
      .where(sql`${t.status} = 'approved'`),
    check(
      "policy_updates_kind_check",
      sql`${t.kind} in ('ordinance', 'executive_order', 'police_directive', 'court_ruling', 'federal_action', 'statement', 'other')`,
    ),
    check(
      "policy_updates_status_check",
      sql`${t.status} in ('pending', 'approved', 'rejected', 'withdrawn', 'hidden')`,
    ),
  ],
);
