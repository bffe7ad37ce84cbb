import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { EMAIL_STATUSES } from "../../lib/enums";
import { users } from "./users";

/**
 * The outbox: every email the app means to send, written before it is sent.
 * A sender claims due rows for a short lease, sends them and marks them sent;
 * a failed send is put back with a later `next_attempt_at`. `dedupe_key`
 * ("notification:<id>", "digest:<user>:<date>") makes composing idempotent.
 */
export const emails = pgTable(
  "emails",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    dedupeKey: text("dedupe_key").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    /** The one-click unsubscribe URL, sent as the List-Unsubscribe header too. */
    unsubscribeUrl: text("unsubscribe_url").notNull(),
    /**
     * "cancelled": its person stopped email (or what it told of was hidden) before it
     * went out. "failed": the mail server refused it for good (a 5xx answer).
     */
    status: text("status", { enum: EMAIL_STATUSES }).notNull().default("pending"),
    /** 0 for an email about one notification, 1 for a digest: single ones go first. */
    priority: integer("priority").notNull().default(0),
    /** The notifications whose text it carries (a digest's first 50). */
    notificationIds: integer("notification_ids")
      .array()
      .notNull()
      .default(sql`'{}'`),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** A sender holds the row until then; after a crash another sender takes it over. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /** Which sender holds it: only that sender may mark it sent or failed. */
    claimToken: text("claim_token"),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("emails_dedupe_key_unique").on(t.dedupeKey),
    index("emails_due_idx")
      .on(t.priority, t.nextAttemptAt, t.id)
      .where(sql`${t.status} = 'pending'`),
    index("emails_user_idx").on(t.userId),
    check("emails_status_check", sql`${t.status} in ('pending', 'sent', 'cancelled', 'failed')`),
  ],
);
