import "server-only";
import { and, desc, eq, lt, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { Database } from "@/db/open";
import { jurisdictions, policyUpdates, users } from "@/db/schema";
import { requireUser, requireVerifiedUser } from "@/lib/auth/current-user";
import type { DalResult } from "@/lib/refusals";
import type { SubmitUpdateInput } from "@/lib/validation/update";
import type { UpdateKind } from "@/lib/enums";
import { cityBySlug, cityIdOfSlug } from "@/lib/dal/cities/internal/city";
import { oncePerKey } from "@/lib/dal/internal/once";
import { microsOf, parseTimeCursor, timeCursor, timestampOf } from "@/lib/dal/internal/time-cursor";
import {
  beginRevision,
  checkSubmitLimit,
  whyNotRevisable,
} from "@/lib/dal/submissions/internal/lifecycle";

const TIMELINE_PAGE = 10;

export type PublishedUpdate = {
  id: number;
  title: string;
  summary: string;
  sourceUrl: string;
  effectiveOn: string;
  kind: UpdateKind;
  publishedAt: string;
  authorName: string;
  city: { slug: string; name: string; state: string };
};

/** Sends a policy update for review; nothing is public until a moderator approves it. */
export async function submitUpdate(
  citySlug: string,
  input: SubmitUpdateInput,
  idempotencyKey?: string,
): Promise<DalResult<{ id: number }>> {
  const me = await requireVerifiedUser("submit update");
  const limited = await checkSubmitLimit(me.id);
  if (limited) return { ok: false, refusal: limited };
  const db = await getDb();
  const city = await cityBySlug(db, citySlug);
  if (!city) return { ok: false, refusal: { code: "no_such_city" } };
  // The same form sent again (double click, retry) answers with the first update.
  const { id } = await oncePerKey(
    db,
    { userId: me.id, key: idempotencyKey, kind: "update" },
    async (tx) => {
      const [row] = await tx
        .insert(policyUpdates)
        .values({ ...input, jurisdictionId: city.id, authorId: me.id })
        .returning({ id: policyUpdates.id });
      return { id: row!.id };
    },
  );
  return { ok: true, data: { id } };
}

const publishedColumns = {
  id: policyUpdates.id,
  title: policyUpdates.title,
  summary: policyUpdates.summary,
  sourceUrl: policyUpdates.sourceUrl,
  effectiveOn: policyUpdates.effectiveOn,
  kind: policyUpdates.kind,
  decidedAt: policyUpdates.decidedAt,
  /** decided_at in microseconds since 1970, exact (a Date keeps milliseconds): the timeline's cursor. */
  decidedMicros: microsOf(policyUpdates.decidedAt),
  authorName: users.name,
  slug: jurisdictions.slug,
  cityName: jurisdictions.name,
  state: jurisdictions.state,
};

/** Approved-update rows with their city and author; callers add WHERE, ORDER and LIMIT. */
function publishedQuery(db: Database) {
  return db
    .select(publishedColumns)
    .from(policyUpdates)
    .innerJoin(jurisdictions, eq(jurisdictions.id, policyUpdates.jurisdictionId))
    .innerJoin(users, eq(users.id, policyUpdates.authorId))
    .$dynamic();
}

type PublishedRow = Awaited<ReturnType<typeof publishedQuery>>[number];

function toPublished(r: PublishedRow): PublishedUpdate {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    sourceUrl: r.sourceUrl,
    effectiveOn: r.effectiveOn,
    kind: r.kind,
    publishedAt: (r.decidedAt ?? new Date(0)).toISOString(),
    authorName: r.authorName,
    city: { slug: r.slug, name: r.cityName, state: r.state },
  };
}

/**
 * A city's approved updates, newest first, keyset-paginated on (published
 * time, id): the last page costs what the first does. Public data.
 */
export async function listPublishedUpdates(
  citySlug: string,
  cursor?: string,
): Promise<{ updates: PublishedUpdate[]; nextCursor: string | null }> {
  const db = await getDb();
  const after = parseTimeCursor(cursor);
  const rows = await publishedQuery(db)
    .where(
      and(
        eq(policyUpdates.jurisdictionId, cityIdOfSlug(citySlug)),
        eq(policyUpdates.status, "approved"),
        after
          ? or(
              lt(policyUpdates.decidedAt, timestampOf(after.micros)),
              and(
                eq(policyUpdates.decidedAt, timestampOf(after.micros)),
                lt(policyUpdates.id, after.id),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(desc(policyUpdates.decidedAt), desc(policyUpdates.id))
    .limit(TIMELINE_PAGE + 1);
  const last = rows.length > TIMELINE_PAGE ? rows[TIMELINE_PAGE - 1] : undefined;
  return {
    updates: rows.slice(0, TIMELINE_PAGE).map((r) => toPublished(r)),
    nextCursor: last ? timeCursor(last.decidedMicros, last.id) : null,
  };
}

/** One approved update, or null (pending, rejected and unknown ids look the same). Public data. */
export async function getPublishedUpdate(id: number): Promise<PublishedUpdate | null> {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  const db = await getDb();
  const [row] = await publishedQuery(db)
    .where(and(eq(policyUpdates.id, id), eq(policyUpdates.status, "approved")))
    .limit(1);
  return row ? toPublished(row) : null;
}

/**
 * The author's new version of a pending update. The moderator sees the new
 * version and the earlier ones; a decision made on an older version is refused.
 */
export async function reviseUpdate(
  id: number,
  version: number,
  input: SubmitUpdateInput,
): Promise<DalResult> {
  const me = await requireUser("revise update");
  const limited = await checkSubmitLimit(me.id);
  if (limited) return { ok: false, refusal: limited };
  const db = await getDb();
  const ref = { type: "update", id } as const;
  const revised = await db.transaction(async (tx) => {
    const [old] = await tx
      .select({
        title: policyUpdates.title,
        summary: policyUpdates.summary,
        sourceUrl: policyUpdates.sourceUrl,
        effectiveOn: policyUpdates.effectiveOn,
        kind: policyUpdates.kind,
      })
      .from(policyUpdates)
      .where(eq(policyUpdates.id, id));
    if (!old) return false;
    if (!(await beginRevision(tx, ref, version, me.id, old))) return false;
    await tx.update(policyUpdates).set(input).where(eq(policyUpdates.id, id));
    return true;
  });
  return revised
    ? { ok: true, data: null }
    : { ok: false, refusal: await whyNotRevisable(ref, me.id) };
}

/** My pending update as the revise form starts from it, or null. */
export async function getMyPendingUpdate(
  id: number,
): Promise<(SubmitUpdateInput & { version: number; city: { slug: string; name: string } }) | null> {
  const me = await requireUser("read own submission");
  const db = await getDb();
  const [row] = await db
    .select({
      title: policyUpdates.title,
      summary: policyUpdates.summary,
      sourceUrl: policyUpdates.sourceUrl,
      effectiveOn: policyUpdates.effectiveOn,
      kind: policyUpdates.kind,
      version: policyUpdates.version,
      slug: jurisdictions.slug,
      cityName: jurisdictions.name,
    })
    .from(policyUpdates)
    .innerJoin(jurisdictions, eq(jurisdictions.id, policyUpdates.jurisdictionId))
    .where(
      and(
        eq(policyUpdates.id, id),
        eq(policyUpdates.authorId, me.id),
        eq(policyUpdates.status, "pending"),
      ),
    );
  if (!row) return null;
  const { slug, cityName, ...rest } = row;
  return { ...rest, city: { slug, name: cityName } };
}
