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
import { jurisdictions } from "./jurisdictions";
import { EMAIL_FREQUENCIES, ROLES } from "../../lib/enums";

/** A person's account. Deleted accounts keep their row (content stays attributed). */
export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    /** Normalised (lib/validation/auth.ts normalizeEmail); null once the account is deleted. */
    email: text("email"),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    /** When the owner opened the verification link sent to `email`; null until then (no news email, no posting). */
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    role: text("role", { enum: ROLES }).notNull().default("resident"),
    /** Bumped to end every session: ban, password change, sign out everywhere, deletion. (Roles are re-read per request.) */
    sessionVersion: integer("session_version").notNull().default(1),
    homeJurisdictionId: integer("home_jurisdiction_id").references(() => jurisdictions.id, {
      onDelete: "set null",
    }),
    /** How often notifications are emailed. */
    emailFrequency: text("email_frequency", { enum: EMAIL_FREQUENCIES }).notNull().default("daily"),
    /** The secret in the URL of my private Atom feed; null until first asked for, replaced on reset. */
    feedToken: text("feed_token"),
    bannedAt: timestamp("banned_at", { withTimezone: true }),
    banReason: text("ban_reason"),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    // Two accounts never share an address in any spelling, whatever wrote the row.
    uniqueIndex("users_email_normalized_unique").on(sql`lower(normalize(btrim(${t.email}), NFKC))`),
    uniqueIndex("users_feed_token_unique").on(t.feedToken),
    index("users_role_idx").on(t.role),
    index("users_created_idx").on(t.createdAt, t.id),
    check("users_role_check", sql`${t.role} in ('resident', 'moderator', 'admin')`),
    check(
      "users_email_frequency_check",
      sql`${t.emailFrequency} in ('immediately', 'daily', 'never')`,
    ),
  ],
);

/** Every administrative action: who did what to whom, when and why. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: serial("id").primaryKey(),
    actorId: integer("actor_id").references(() => users.id),
    action: text("action").notNull(),
    targetUserId: integer("target_user_id").references(() => users.id),
    reason: text("reason"),
    details: text("details"),
    /** The jurisdiction a moderation action concerns, for filtering the log by city. */
    jurisdictionId: integer("jurisdiction_id").references(() => jurisdictions.id),
    /** What the action was about, e.g. "update:42". */
    subject: text("subject"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_created_idx").on(t.createdAt, t.id),
    index("audit_log_actor_idx").on(t.actorId, t.createdAt),
    index("audit_log_subject_idx").on(t.subject),
    // the moderation log filtered by city, newest first
    index("audit_log_city_idx").on(t.jurisdictionId, t.createdAt, t.id),
    index("audit_log_target_idx").on(t.targetUserId),
  ],
);

/** Fixed-window rate-limit counters, shared by every app instance. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [uniqueIndex("rate_limits_key_window").on(t.key, t.windowStart)],
);
