import { index, integer, pgTable, primaryKey, timestamp } from "drizzle-orm/pg-core";
import { jurisdictions } from "./jurisdictions";
import { users } from "./users";

/** A person following a city: its changes come to their feed. */
export const follows = pgTable(
  "follows",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    jurisdictionId: integer("jurisdiction_id")
      .notNull()
      .references(() => jurisdictions.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.jurisdictionId] }),
    // follower counts and "who follows this city" (notifications)
    index("follows_city_idx").on(t.jurisdictionId, t.userId),
  ],
);
