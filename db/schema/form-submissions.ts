import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * One row per form a person sent that creates something, by the key the form
 * carried: a second send of the same form (a double click, a retry after a
 * network error, the back button) finds the row and answers with what the
 * first made, instead of making it again.
 */
export const formSubmissions = pgTable(
  "form_submissions",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** What the form made ("update"), and its id once made. */
    kind: text("kind").notNull(),
    refId: integer("ref_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);
