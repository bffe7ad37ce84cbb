import "server-only";
import { and, count, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/open";
import { follows, jurisdictions, policyUpdates, profileRevisions } from "@/db/schema";
import type { UpdateKind } from "@/lib/enums";
import { fieldLabelsOf } from "@/lib/dal/profile/internal/state";
import { microsOf, parseTimeCursor, timeCursor, timestampOf } from "@/lib/dal/internal/time-cursor";

const FEED_PAGE = 20;

/**
 * Past this many followed cities the feed walks all approved updates newest
 * first and keeps the followed cities' (the approved index); below it, it takes
 * each followed city's newest. A page from each of a thousand cities would be
 * 21,000 rows; a walk for someone following a few quiet cities could read every
 * approved update.
 */
export const MANY_FOLLOWED_CITIES = 100;

const UPDATE_COLUMNS = {
  id: policyUpdates.id,
  at: policyUpdates.decidedAt,
  /** For the cursor (lib/dal/internal/time-cursor.ts). */
  micros: microsOf(policyUpdates.decidedAt).as("micros"),
  title: policyUpdates.title,
  kind: policyUpdates.kind,
};

/** The ids of the cities a person follows, as a subquery. */
const followedBy = (db: Database, userId: number) =>
  db.select({ id: follows.jurisdictionId }).from(follows).where(eq(follows.userId, userId));

const CITY_COLUMNS = {
  slug: jurisdictions.slug,
  name: jurisdictions.name,
  state: jurisdictions.state,
};

type City = { slug: string; name: string; state: string };

export type FeedItem =
  | { type: "update"; id: number; at: string; city: City; title: string; kind: UpdateKind }
  | {
      type: "revision";
      id: number;
      at: string;
      city: City;
      kind: "edit" | "revert";
      fields: string[];
    };

/**
 * "<time>.<id>:<revision id>": where the previous page stopped in each list
 * ("0.0:0" at the start); the time in microseconds (lib/dal/internal/time-cursor.ts).
 */
type FeedCursor = { updateMicros: string; updateId: number; revisionId: number };

export function parseFeedCursor(raw: string | undefined): FeedCursor | null {
  const m = raw?.match(/^(\d{1,16}\.\d{1,10}):(\d{1,10})$/);
  const update = parseTimeCursor(m?.[1]);
  const revisionId = Number(m?.[2]);
  if (!update || revisionId > 2_147_483_647) return null;
  return { updateMicros: update.micros, updateId: update.id, revisionId };
}

export type FeedPage = { items: FeedItem[]; next: string | null };

/** One page of a person's feed (unchecked: the caller decided whose feed may be read). */
export async function feedPage(
  db: Database,
  userId: number,
  cursor: FeedCursor | null,
): Promise<FeedPage> {
  const [updates, revisions] = await Promise.all([
    newestUpdates(db, userId, cursor),
    db
      .select({
        id: profileRevisions.id,
        at: profileRevisions.createdAt,
        kind: profileRevisions.kind,
        leaderTitle: jurisdictions.leaderTitle,
        ...CITY_COLUMNS,
      })
      .from(profileRevisions)
      .innerJoin(jurisdictions, eq(jurisdictions.id, profileRevisions.jurisdictionId))
      .where(
        and(
          sql`${profileRevisions.kind} <> 'baseline'`,
          inArray(profileRevisions.jurisdictionId, followedBy(db, userId)),
          cursor && cursor.revisionId > 0 ? lt(profileRevisions.id, cursor.revisionId) : undefined,
        ),
      )
      .orderBy(desc(profileRevisions.id))
      .limit(FEED_PAGE + 1),
  ]);
  const fields = await fieldLabelsOf(db, revisions);
  const a: FeedItem[] = updates.map((u) => ({
    type: "update",
    id: u.id,
    at: (u.at ?? new Date(0)).toISOString(),
    city: { slug: u.slug, name: u.name, state: u.state },
    title: u.title,
    kind: u.kind,
  }));
  const b: FeedItem[] = revisions.map((r) => ({
    type: "revision",
    id: r.id,
    at: r.at.toISOString(),
    city: { slug: r.slug, name: r.name, state: r.state },
    kind: r.kind === "revert" ? "revert" : "edit",
    fields: fields.get(r.id) ?? [],
  }));
  // A true merge, newest first: each list keeps its own order, so a page takes a prefix of each.
  const merged: FeedItem[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const takeA = j >= b.length || (i < a.length && a[i]!.at >= b[j]!.at);
    merged.push(takeA ? a[i++]! : b[j++]!);
  }
  const items = merged.slice(0, FEED_PAGE);
  if (merged.length <= FEED_PAGE) return { items, next: null };
  const lastUpdate = items.filter((x) => x.type === "update").at(-1);
  const lastRevision = items.filter((x) => x.type === "revision").at(-1);
  const lastMicros = lastUpdate && updates.find((x) => x.id === lastUpdate.id)?.micros;
  const u =
    lastUpdate && lastMicros
      ? timeCursor(lastMicros, lastUpdate.id)
      : cursor && cursor.updateId > 0
        ? timeCursor(cursor.updateMicros, cursor.updateId)
        : "0.0";
  const r = lastRevision?.id ?? cursor?.revisionId ?? 0;
  return { items, next: `${u}:${r}` };
}

/** The next page (and one more) of approved updates in the cities a person follows, newest first. */
async function newestUpdates(db: Database, userId: number, cursor: FeedCursor | null) {
  const [followed] = await db
    .select({ n: count() })
    .from(follows)
    .where(eq(follows.userId, userId));
  const followedCities = followed?.n ?? 0;
  const older =
    cursor && cursor.updateId > 0
      ? sql`(${policyUpdates.decidedAt}, ${policyUpdates.id}) < (${timestampOf(cursor.updateMicros)}, ${cursor.updateId})`
      : undefined;
  if (followedCities > MANY_FOLLOWED_CITIES) {
    return db
      .select({ ...UPDATE_COLUMNS, ...CITY_COLUMNS })
      .from(policyUpdates)
      .innerJoin(jurisdictions, eq(jurisdictions.id, policyUpdates.jurisdictionId))
      .where(
        and(
          eq(policyUpdates.status, "approved"),
          inArray(policyUpdates.jurisdictionId, followedBy(db, userId)),
          older,
        ),
      )
      .orderBy(desc(policyUpdates.decidedAt), desc(policyUpdates.id))
      .limit(FEED_PAGE + 1);
  }
  // Each followed city's newest (a backward walk of its timeline index, at most
  // a page), then the newest of those.
  const newestPerCity = db
    .select(UPDATE_COLUMNS)
    .from(policyUpdates)
    .where(
      and(
        eq(policyUpdates.jurisdictionId, follows.jurisdictionId),
        eq(policyUpdates.status, "approved"),
        older,
      ),
    )
    .orderBy(desc(policyUpdates.decidedAt), desc(policyUpdates.id))
    .limit(FEED_PAGE + 1)
    .as("newest");
  return db
    .select({
      id: newestPerCity.id,
      at: newestPerCity.at,
      micros: newestPerCity.micros,
      title: newestPerCity.title,
      kind: newestPerCity.kind,
      ...CITY_COLUMNS,
    })
    .from(follows)
    .crossJoinLateral(newestPerCity)
    .innerJoin(jurisdictions, eq(jurisdictions.id, follows.jurisdictionId))
    .where(eq(follows.userId, userId))
    .orderBy(desc(newestPerCity.at), desc(newestPerCity.id))
    .limit(FEED_PAGE + 1);
}
