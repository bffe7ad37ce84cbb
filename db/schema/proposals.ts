import { sql } from "drizzle-orm";
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
} from "drizzle-orm/pg-core";
import { JURISDICTION_KINDS } from "../../lib/enums";
import { jurisdictions } from "./jurisdictions";
import { reviewColumns } from "./review";
import { users } from "./users";

/**
 * A volunteer's proposal of a jurisdiction the site does not have yet:
 * private until a moderator approves it, which creates the jurisdiction
 * (`jurisdiction_id` then points to it).
 */
export const jurisdictionProposals = pgTable(
  "jurisdiction_proposals",
  {
    id: serial("id").primaryKey(),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    /** The state's (or territory's) postal code: "NM". */
    state: text("state").notNull(),
    kind: text("kind", { enum: JURISDICTION_KINDS }).notNull(),
    leaderTitle: text("leader_title").notNull(),
    leaderName: text("leader_name").notNull(),
    /** When the leader's term began: the leader's as-of date once approved. */
    leaderSince: date("leader_since").notNull(),
    leaderSourceUrl: text("leader_source_url").notNull(),
    population: integer("population").notNull(),
    populationYear: integer("population_year").notNull(),
    populationSourceUrl: text("population_source_url").notNull(),
    /** A short description: the jurisdiction's summary once approved. */
    description: text("description").notNull(),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
    /** The jurisdiction its approval created. */
    jurisdictionId: integer("jurisdiction_id").references(() => jurisdictions.id, {
      onDelete: "set null",
    }),
    ...reviewColumns(),
  },
  (t) => [
    index("jurisdiction_proposals_queue_idx")
      .on(t.id)
      .where(sql`${t.status} = 'pending'`),
    // the duplicate check: pending proposals in one state
    index("jurisdiction_proposals_state_idx")
      .on(t.state)
      .where(sql`${t.status} = 'pending'`),
    index("jurisdiction_proposals_author_idx").on(t.authorId, t.createdAt),
    check(
      "jurisdiction_proposals_kind_check",
      sql`${t.kind} in ('city', 'county', 'city_and_county', 'state')`,
    ),
    check(
      "jurisdiction_proposals_status_check",
      sql`${t.status} in ('pending', 'approved', 'rejected', 'withdrawn')`,
    ),
    check(
      "jurisdiction_proposals_coordinates_check",
      sql`${t.latitude} between -90 and 90 and ${t.longitude} between -180 and 180`,
    ),
  ],
);

/** One policy field of a proposal, with its source and date (as policy_facts will hold it). */
export const jurisdictionProposalFacts = pgTable(
  "jurisdiction_proposal_facts",
  {
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => jurisdictionProposals.id, { onDelete: "cascade" }),
    field: text("field").notNull(),
    value: text("value").notNull(),
    detail: text("detail").notNull().default(""),
    sourceUrl: text("source_url").notNull(),
    asOf: date("as_of").notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.field] })],
);

/**
 * How many proposals wait for review. review_queue_counts is keyed by
 * (kind, jurisdiction_id) and a proposal has no jurisdiction yet, so its count
 * lives here, in one row kept by a trigger (drizzle/0022) that also bumps
 * review_queue_version, as the other counts do.
 */
export const reviewQueueProposals = pgTable("review_queue_proposals", {
  id: integer("id").primaryKey().default(1),
  n: integer("n").notNull().default(0),
});
