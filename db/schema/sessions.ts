import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * One row per signed-in browser. The session cookie (a signed JWT) carries the
 * row's id, and every request checks the row is still open, so signing out
 * ends a session on the server: a copied cookie stops working too.
 */
export const sessions = pgTable(
  "sessions",
  {
    /** 128 random bits (base64url), in the cookie as `sid`. */
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The account's session version at sign-in: bumping it ends this session too. */
    sessionVersion: integer("session_version").notNull(),
    /** The browser's User-Agent (cut to 512 characters), to name the device. */
    userAgent: text("user_agent").notNull().default(""),
    /** The network it was last used from: an IPv4 /24 or IPv6 /48 prefix, never the whole address. */
    network: text("network").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Updated at most every few minutes (lib/dal/people/auth.ts). */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    // a person's open sessions, most recently used first
    index("sessions_user_open_idx")
      .on(t.userId, t.lastSeenAt)
      .where(sql`${t.endedAt} is null`),
  ],
);
