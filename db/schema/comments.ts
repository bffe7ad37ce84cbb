import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { users } from "./users";
import {
  COMMENT_REVIEW_STATES,
  COMMENT_STATUSES,
  COMMENT_SUBJECT_TYPES,
  REPORT_OUTCOMES,
  REPORT_REASONS,
} from "../../lib/enums";

/**
 * A comment on the article, a city or an approved update. Replies keep their
 * thread's root (`root_id`) and nest at most three deep. A deleted comment
 * keeps its row (and loses its text) so the replies under it still read.
 */
export const comments = pgTable(
  "comments",
  {
    id: serial("id").primaryKey(),
    subjectType: text("subject_type", { enum: COMMENT_SUBJECT_TYPES }).notNull(),
    /** The article's, the city's or the update's id. */
    subjectId: integer("subject_id").notNull(),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    parentId: integer("parent_id").references((): AnyPgColumn => comments.id),
    /** The thread's first comment; null for that comment itself. */
    rootId: integer("root_id").references((): AnyPgColumn => comments.id),
    depth: integer("depth").notNull().default(1),
    body: text("body").notNull(),
    status: text("status", { enum: COMMENT_STATUSES }).notNull().default("visible"),
    /** Reports not yet seen by a moderator. */
    openReports: integer("open_reports").notNull().default(0),
    /** Those of them from reporters who count (`comment_reports.weighty`); enough hide the comment. */
    weightyReports: integer("weighty_reports").notNull().default(0),
    /**
     * "pending": reported and waiting for a moderator, still visible or hidden by
     * reports; then "hidden" or "restored" (kept visible) by a moderator.
     */
    review: text("review", { enum: COMMENT_REVIEW_STATES }),
    /** The moderator's reason for hiding or restoring it, shown to its author. */
    moderationReason: text("moderation_reason"),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    /** Whole milliseconds, so the threads' keyset cursor ("<ms>.<id>") is exact. */
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // a page's threads, newest first
    index("comments_threads_idx")
      .on(t.subjectType, t.subjectId, t.createdAt, t.id)
      .where(sql`${t.parentId} is null`),
    // a thread's replies, oldest first
    index("comments_replies_idx")
      .on(t.rootId, t.id)
      .where(sql`${t.rootId} is not null`),
    index("comments_author_idx").on(t.authorId, t.createdAt),
    // the moderators' "Reported comments" tab
    index("comments_review_idx")
      .on(t.id)
      .where(sql`${t.review} = 'pending'`),
    check("comments_subject_type_check", sql`${t.subjectType} in ('article', 'city', 'update')`),
    check("comments_status_check", sql`${t.status} in ('visible', 'hidden', 'deleted')`),
    check("comments_depth_check", sql`${t.depth} between 1 and 3`),
  ],
);

/** One person's report of one comment (at most one each). */
export const commentReports = pgTable(
  "comment_reports",
  {
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    reporterId: integer("reporter_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason", { enum: REPORT_REASONS }).notNull(),
    /**
     * Whether the reporter counted toward hiding when they reported: a verified
     * account old enough, with no upheld report against them and few dismissed
     * (lib/dal/comments/reports.ts, reporterCounts).
     */
    weighty: boolean("weighty").notNull().default(false),
    /** Set when a moderator reviewed the comment: it no longer counts toward hiding. */
    reviewed: boolean("reviewed").notNull().default(false),
    /** The latest moderator decision on the comment: "upheld" (hidden) or "dismissed" (kept). */
    outcome: text("outcome", { enum: REPORT_OUTCOMES }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.commentId, t.reporterId] }),
    // whether a reporter still counts: their dismissed reports, and upheld ones against them
    index("comment_reports_dismissed_idx")
      .on(t.reporterId)
      .where(sql`${t.outcome} = 'dismissed'`),
    index("comment_reports_upheld_idx")
      .on(t.commentId)
      .where(sql`${t.outcome} = 'upheld'`),
    check("comment_reports_outcome_check", sql`${t.outcome} in ('upheld', 'dismissed')`),
  ],
);

/**
 * Visible comments per page ("city", 12), for the counts on city and update
 * pages. Kept by a trigger on `comments` (drizzle/0012), so a count costs one
 * read with a million comments.
 */
export const commentCounts = pgTable(
  "comment_counts",
  {
    subjectType: text("subject_type").notNull(),
    subjectId: integer("subject_id").notNull(),
    n: integer("n").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.subjectType, t.subjectId] })],
);
