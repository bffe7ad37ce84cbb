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
  timestamp,
} from "drizzle-orm/pg-core";
import { JURISDICTION_KINDS } from "../../lib/enums";
import { tsvector } from "./search";

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
    /** Where the map puts its marker (WGS 84 degrees); null until someone records it. */
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    /** Name, state (code and name) and leader, accent- and case-folded, for search. */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', cw_unaccent(name)), 'A') || setweight(to_tsvector('simple', cw_unaccent(state || ' ' || state_name)), 'B') || setweight(to_tsvector('simple', cw_unaccent(leader_name)), 'B')`,
    ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("jurisdictions_state_idx").on(t.state),
    // the city list's sorts (lib/dal/cities/browse.ts), each ending in the unique id
    index("jurisdictions_name_idx").on(t.name, t.id),
    index("jurisdictions_state_name_idx").on(t.stateName, t.name, t.id),
    index("jurisdictions_population_idx").on(t.population.desc(), t.name, t.id),
    index("jurisdictions_search_idx").using("gin", t.searchVector),
    check(
      "jurisdictions_kind_check",
      sql`${t.kind} in ('city', 'county', 'city_and_county', 'state')`,
    ),
    check(
      "jurisdictions_coordinates_check",
      sql`(${t.latitude} is null) = (${t.longitude} is null) and ${t.latitude} between -90 and 90 and ${t.longitude} between -180 and 180`,
    ),
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
  (t) => [
    primaryKey({ columns: [t.jurisdictionId, t.field] }),
    // the city list's filters by a field's value ("declines ICE detainers")
    index("policy_facts_value_idx").on(t.field, t.value, t.jurisdictionId),
  ],
);
