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
import { EMAIL_KINDS, EMAIL_STATUSES, EMAIL_TOKEN_PURPOSES } from "../../lib/enums";
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
    /**
     * "news": notifications and digests (only to verified addresses, as often as their
     * person chose). "account": verification, reset and change-of-address emails, which
     * go out whatever the setting, before news, and carry no unsubscribe link.
     */
    kind: text("kind", { enum: EMAIL_KINDS }).notNull().default("news"),
    /** The one-click unsubscribe URL, sent as the List-Unsubscribe header too; empty for account emails. */
    unsubscribeUrl: text("unsubscribe_url").notNull(),
    /**
     * "cancelled": its person stopped email (or what it told of was hidden) before it
     * went out. "failed": the mail server refused it for good (a 5xx answer).
     */
    status: text("status", { enum: EMAIL_STATUSES }).notNull().default("pending"),
    /** -1 for an account email, 0 for an email about one notification, 1 for a digest: in that order. */
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
    check("emails_kind_check", sql`${t.kind} in ('news', 'account')`),
  ],
);

/**
 * The secrets in account emails' links: verify an address, reset a password,
 * confirm a new address. Only a SHA-256 of each token is kept, so a copy of
 * the database opens nothing; a token works once (`used_at`) and until
 * `expires_at`. `email` is the address the link was sent to: verifying checks
 * it is still the account's, and an address change applies it.
 */
export const emailTokens = pgTable(
  "email_tokens",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: EMAIL_TOKEN_PURPOSES }).notNull(),
    /** base64url SHA-256 of the token in the link. */
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("email_tokens_hash_unique").on(t.tokenHash),
    index("email_tokens_user_idx").on(t.userId, t.purpose),
    check(
      "email_tokens_purpose_check",
      sql`${t.purpose} in ('verify_email', 'reset_password', 'change_email')`,
    ),
  ],
);
