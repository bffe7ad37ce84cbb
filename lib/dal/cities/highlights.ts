import "server-only";
import { asc, eq, gt, isNotNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jurisdictions, jurisdictionStats } from "@/db/schema";

export type CityHighlight = {
  slug: string;
  name: string;
  state: string;
  followers: number;
  /** ISO 8601, or null if never changed. */
  changedAt: string | null;
};

const columns = {
  slug: jurisdictions.slug,
  name: jurisdictions.name,
  state: jurisdictions.state,
  followers: jurisdictionStats.followerCount,
  changedAt: jurisdictionStats.changedAt,
};

const shape = (rows: { changedAt: Date | null }[]) =>
  rows.map((r) => ({ ...r, changedAt: r.changedAt ? r.changedAt.toISOString() : null }));

/** The places most people follow (at least one follower), for the home page (public). */
export async function listMostFollowed(limit = 8): Promise<CityHighlight[]> {
  const db = await getDb();
  const rows = await db
    .select(columns)
    .from(jurisdictionStats)
    .innerJoin(jurisdictions, eq(jurisdictions.id, jurisdictionStats.jurisdictionId))
    .where(gt(jurisdictionStats.followerCount, 0))
    // "nulls last", as the index is written, so the top few are read from it in order
    .orderBy(
      sql`${jurisdictionStats.followerCount} desc nulls last`,
      asc(jurisdictionStats.jurisdictionId),
    )
    .limit(limit);
  return shape(rows) as CityHighlight[];
}

/** The places whose public record changed last (an approved update or profile edit), newest first (public). */
export async function listRecentlyChanged(limit = 8): Promise<CityHighlight[]> {
  const db = await getDb();
  const rows = await db
    .select(columns)
    .from(jurisdictionStats)
    .innerJoin(jurisdictions, eq(jurisdictions.id, jurisdictionStats.jurisdictionId))
    .where(isNotNull(jurisdictionStats.changedAt))
    .orderBy(
      sql`${jurisdictionStats.changedAt} desc nulls last`,
      asc(jurisdictionStats.jurisdictionId),
    )
    .limit(limit);
  return shape(rows) as CityHighlight[];
}
