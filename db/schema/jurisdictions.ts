import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { JURISDICTION_KINDS } from "../../lib/enums";

/** A city or county the article names. */
export const jurisdictions = pgTable(
  "jurisdictions",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind", { enum: JURISDICTION_KINDS }).notNull(),
    state: text("state").notNull(),
    stateName: text("state_name").notNull(),
    population: integer("population").notNull(),
    populationYear: integer("population_year").notNull(),
    populationSourceUrl: text("population_source_url").notNull(),
    leaderTitle: text("leader_title").notNull(),
    leaderName: text("leader_name").notNull(),
    /** When the leader above was known to hold office: the article's date, or an approved edit's. */
    leaderAsOf: date("leader_as_of").notNull().default("2017-04-24"),
    summary: text("summary").notNull(),
    articleMention: text("article_mention").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("jurisdictions_state_idx").on(t.state),
    check("jurisdictions_kind_check", sql`${t.kind} in ('city', 'county')`),
  ],
);

/** One field of a jurisdiction's policy profile, with its source and date. */
export const policyFacts = pgTable(
  "policy_facts",
  {
    jurisdictionId: integer("jurisdiction_id")
      .notNull()
      .references(() => jurisdictions.id, { onDelete: "cascade" }),
    field: text("field").notNull(),
    value: text("value").notNull(),
    detail: text("detail").notNull().default(""),
    sourceUrl: text("source_url").notNull(),
    asOf: date("as_of").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jurisdictionId, t.field] })],
);
