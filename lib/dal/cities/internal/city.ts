import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import type { Database, Transaction } from "@/db/open";
import { jurisdictions } from "@/db/schema";

// Unchecked: the one lookup of a city by its slug. Callers check who is asking
// (and, where the slug comes from outside, that it is a slug at all).

const CITY = {
  id: jurisdictions.id,
  slug: jurisdictions.slug,
  name: jurisdictions.name,
  leaderTitle: jurisdictions.leaderTitle,
};

/**
 * The city a slug names, or null: its id, slug, name and leader's title, or
 * the `columns` asked for instead.
 */
export async function cityBySlug<C extends SelectedFields = typeof CITY>(
  db: Database | Transaction,
  slug: string,
  columns?: C,
): Promise<SelectResultFields<C> | null> {
  const [city] = await db
    .select(columns ?? CITY)
    .from(jurisdictions)
    .where(eq(jurisdictions.slug, slug))
    .limit(1);
  // The row has the columns asked for; TypeScript cannot follow the default through `??`.
  return (city as SelectResultFields<C> | undefined) ?? null;
}

/**
 * A city's id by slug as a scalar subquery, for list queries. Comparing a
 * column to it (rather than joining on the slug) lets the planner walk a
 * (jurisdiction_id, …) index in order, so a list's first page stays cheap.
 */
export function cityIdOfSlug(slug: string): SQL<number> {
  return sql<number>`(select ${jurisdictions.id} from ${jurisdictions} where ${jurisdictions.slug} = ${slug})`;
}

/** A place as lists and summaries show it: the columns of `JurisdictionSummary` but its badge. */
export const summaryColumns = {
  id: jurisdictions.id,
  slug: jurisdictions.slug,
  name: jurisdictions.name,
  kind: jurisdictions.kind,
  state: jurisdictions.state,
  stateName: jurisdictions.stateName,
  leaderTitle: jurisdictions.leaderTitle,
  leaderName: jurisdictions.leaderName,
  leaderAsOf: jurisdictions.leaderAsOf,
  population: jurisdictions.population,
  latitude: jurisdictions.latitude,
  longitude: jurisdictions.longitude,
};
