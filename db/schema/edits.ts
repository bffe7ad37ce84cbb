import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { REVISION_KINDS } from "../../lib/enums";
import { jurisdictions } from "./jurisdictions";
import { reviewColumns } from "./review";
import { users } from "./users";

/** One field's change: the value (and explanation) it started from, what it proposes, and why. */
const changeColumns = () => ({
  field: text("field").notNull(),
  fromValue: text("from_value").notNull(),
  fromDetail: text("from_detail").notNull(),
  toValue: text("to_value").notNull(),
  toDetail: text("to_detail").notNull(),
  sourceUrl: text("source_url").notNull(),
});

/** A volunteer's proposed change to a city's profile: private until a moderator approves it. */
export const profileEdits = pgTable(
  "profile_edits",
  {
    id: serial("id").primaryKey(),
    jurisdictionId: integer("jurisdiction_id")
      .notNull()
      .references(() => jurisdictions.id, { onDelete: "cascade" }),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    /** The volunteer's note to the moderator. */
    note: text("note").notNull().default(""),
    ...reviewColumns(),
  },
  (t) => [
    index("profile_edits_queue_idx")
      .on(t.id)
      .where(sql`${t.status} = 'pending'`),
    index("profile_edits_queue_city_idx")
      .on(t.jurisdictionId, t.id)
      .where(sql`${t.status} = 'pending'`),
    index("profile_edits_author_idx").on(t.authorId, t.createdAt),
    check(
      "profile_edits_status_check",
      sql`${t.status} in ('pending', 'approved', 'rejected', 'withdrawn')`,
    ),
  ],
);

export const profileEditChanges = pgTable(
  "profile_edit_changes",
  {
    editId: integer("edit_id")
      .notNull()
      .references(() => profileEdits.id, { onDelete: "cascade" }),
    ...changeColumns(),
  },
  (t) => [primaryKey({ columns: [t.editId, t.field] })],
);

/**
 * Every change to a city's profile, in order: the seeded baseline, each
 * approved edit and each revert. The profile at revision R is, per field,
 * the newest change at or before R.
 */
export const profileRevisions = pgTable(
  "profile_revisions",
  {
    id: serial("id").primaryKey(),
    jurisdictionId: integer("jurisdiction_id")
      .notNull()
      .references(() => jurisdictions.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: REVISION_KINDS }).notNull(),
    editId: integer("edit_id").references(() => profileEdits.id),
    revertedToId: integer("reverted_to_id"),
    proposedById: integer("proposed_by_id").references(() => users.id),
    approvedById: integer("approved_by_id").references(() => users.id),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("profile_revisions_city_idx").on(t.jurisdictionId, t.id),
    uniqueIndex("profile_revisions_edit_unique").on(t.editId),
    check("profile_revisions_kind_check", sql`${t.kind} in ('baseline', 'edit', 'revert')`),
  ],
);

export const profileRevisionChanges = pgTable(
  "profile_revision_changes",
  {
    revisionId: integer("revision_id")
      .notNull()
      .references(() => profileRevisions.id, { onDelete: "cascade" }),
    ...changeColumns(),
    /** The as-of date the field took with this revision (a revert restores it). */
    asOf: date("as_of").notNull(),
  },
  (t) => [primaryKey({ columns: [t.revisionId, t.field] })],
);

/**
 * Earlier versions of a revised submission, so the moderator sees what
 * changed. `subject` is "update:<id>" or "edit:<id>"; `content` is the
 * submission as it stood at that version.
 */
export const submissionVersions = pgTable(
  "submission_versions",
  {
    id: serial("id").primaryKey(),
    subject: text("subject").notNull(),
    version: integer("version").notNull(),
    content: jsonb("content").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("submission_versions_subject_version").on(t.subject, t.version)],
);
