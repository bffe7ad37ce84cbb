import { sql } from "drizzle-orm";
import { index, integer, pgTable, timestamp } from "drizzle-orm/pg-core";
import { jurisdictions } from "./jurisdictions";

/**
 * What the city list sorts by besides the profile itself: how many people follow
 * each place and when its public record last changed (the newest approved update
 * or approved profile revision; null if never). Kept by statement triggers on
 * follows, policy_updates and profile_revisions (drizzle/0022), so sorting and the
 * home page's lists cost an index walk, not a count per request. A row of its own
 * so that a follow does not rewrite the jurisdiction (and its search index).
 */
export const jurisdictionStats = pgTable(
  "jurisdiction_stats",
  {
    jurisdictionId: integer("jurisdiction_id")
      .primaryKey()
      .references(() => jurisdictions.id, { onDelete: "cascade" }),
    followerCount: integer("follower_count").notNull().default(0),
    changedAt: timestamp("changed_at", { withTimezone: true }),
  },
  (t) => [
    // "Most followed": the home page's top few and the list's sort
    index("jurisdiction_stats_followers_idx").on(t.followerCount.desc(), t.jurisdictionId),
    // "Recently changed": never-changed places last
    index("jurisdiction_stats_changed_idx")
      .on(t.changedAt.desc().nullsLast(), t.jurisdictionId)
      .where(sql`${t.changedAt} is not null`),
  ],
);
