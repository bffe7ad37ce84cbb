import "server-only";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { Database } from "@/db/open";
import { follows, jurisdictions } from "@/db/schema";
import { getCurrentUser, requireUser } from "@/lib/auth/current-user";
import type { DalResult } from "@/lib/refusals";
import { addFollow } from "@/lib/dal/cities/internal/follow-rows";
import { citySlugSchema } from "@/lib/validation/auth";
import { cityBySlug, cityIdOfSlug } from "./internal/city";

/** Anything that cannot be a slug (NUL, say, which the database refuses) names no city. */
const isSlug = (s: string) => citySlugSchema.safeParse(s).success;

export type FollowState = { following: boolean; followers: number; signedIn: boolean };

async function followersOf(db: Database, citySlug: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(follows)
    .where(eq(follows.jurisdictionId, cityIdOfSlug(citySlug)));
  return row?.n ?? 0;
}

/**
 * Whether I follow each of these cities, and how many people do. Anyone may
 * ask (signed out, `following` is false); unknown slugs are left out.
 */
export async function getFollowStates(requested: string[]): Promise<Record<string, FollowState>> {
  const slugs = requested.filter(isSlug);
  if (slugs.length === 0) return {};
  const db = await getDb();
  const me = await getCurrentUser();
  const rows = await db
    .select({
      slug: jurisdictions.slug,
      followers: sql<number>`(select count(*)::int from ${follows} where ${follows.jurisdictionId} = ${jurisdictions.id})`,
      mine: me
        ? sql<boolean>`exists (select 1 from ${follows} where ${follows.jurisdictionId} = ${jurisdictions.id} and ${follows.userId} = ${me.id})`
        : sql<boolean>`false`,
    })
    .from(jurisdictions)
    .where(inArray(jurisdictions.slug, slugs));
  return Object.fromEntries(
    rows.map((r) => [
      r.slug,
      { following: Boolean(r.mine), followers: Number(r.followers), signedIn: me !== null },
    ]),
  );
}

/** Follows a city (signed-in people); answers the new state. */
export async function followCity(citySlug: string): Promise<DalResult<FollowState>> {
  const me = await requireUser("follow city");
  if (!isSlug(citySlug)) return { ok: false, refusal: { code: "no_such_city" } };
  const db = await getDb();
  const city = await cityBySlug(db, citySlug);
  if (!city) return { ok: false, refusal: { code: "no_such_city" } };
  await addFollow(db, me.id, city.id);
  return {
    ok: true,
    data: { following: true, followers: await followersOf(db, citySlug), signedIn: true },
  };
}

/** Stops following a city; unfollowing a city I do not follow changes nothing. */
export async function unfollowCity(citySlug: string): Promise<DalResult<FollowState>> {
  const me = await requireUser("unfollow city");
  if (!isSlug(citySlug)) return { ok: false, refusal: { code: "no_such_city" } };
  const db = await getDb();
  const city = await cityBySlug(db, citySlug);
  if (!city) return { ok: false, refusal: { code: "no_such_city" } };
  await db
    .delete(follows)
    .where(and(eq(follows.userId, me.id), eq(follows.jurisdictionId, city.id)));
  return {
    ok: true,
    data: { following: false, followers: await followersOf(db, citySlug), signedIn: true },
  };
}

export type FollowedCity = { slug: string; name: string; state: string; followedAt: string };

/** The cities I follow, by name. */
export async function listFollowedCities(): Promise<FollowedCity[]> {
  const me = await requireUser("read followed cities");
  const db = await getDb();
  const rows = await db
    .select({
      slug: jurisdictions.slug,
      name: jurisdictions.name,
      state: jurisdictions.state,
      followedAt: follows.createdAt,
    })
    .from(follows)
    .innerJoin(jurisdictions, eq(jurisdictions.id, follows.jurisdictionId))
    .where(eq(follows.userId, me.id))
    .orderBy(asc(jurisdictions.name));
  return rows.map((r) => ({ ...r, followedAt: r.followedAt.toISOString() }));
}
