import "server-only";
import { and, asc, eq, gt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jurisdictions, policyUpdates } from "@/db/schema";
import type { UpdateKind } from "@/lib/enums";
import { cityBySlug } from "@/lib/dal/cities/internal/city";

/** One approved policy update (for /api/updates.csv). */
export type ExportedUpdate = {
  id: number;
  city: { slug: string; name: string; state: string };
  kind: UpdateKind;
  title: string;
  summary: string;
  /** The date the policy took effect: the as-of date of what the update says. */
  effectiveOn: string;
  sourceUrl: string;
  publishedAt: string;
};

export const UPDATE_EXPORT_BATCH = 1000;

/**
 * Every published update (approved, and not hidden since), optionally one
 * city's or one kind's, oldest first, a batch at a time: keyset-paginated on
 * the id, so 100,000 updates never sit in memory at once. Null when `city`
 * names no jurisdiction. Public data: pending, rejected, withdrawn and hidden
 * updates are never read.
 */
export async function exportPublishedUpdates(
  filter: { city?: string; kind?: UpdateKind } = {},
  batchSize = UPDATE_EXPORT_BATCH,
): Promise<AsyncGenerator<ExportedUpdate[]> | null> {
  const db = await getDb();
  let cityId: number | undefined;
  if (filter.city !== undefined) {
    const city = await cityBySlug(db, filter.city);
    if (!city) return null;
    cityId = city.id;
  }
  return (async function* () {
    let after = 0;
    for (;;) {
      const rows = await db
        .select({
          id: policyUpdates.id,
          slug: jurisdictions.slug,
          cityName: jurisdictions.name,
          state: jurisdictions.state,
          kind: policyUpdates.kind,
          title: policyUpdates.title,
          summary: policyUpdates.summary,
          effectiveOn: policyUpdates.effectiveOn,
          sourceUrl: policyUpdates.sourceUrl,
          decidedAt: policyUpdates.decidedAt,
        })
        .from(policyUpdates)
        .innerJoin(jurisdictions, eq(jurisdictions.id, policyUpdates.jurisdictionId))
        .where(
          and(
            eq(policyUpdates.status, "approved"),
            gt(policyUpdates.id, after),
            cityId === undefined ? undefined : eq(policyUpdates.jurisdictionId, cityId),
            filter.kind ? eq(policyUpdates.kind, filter.kind) : undefined,
          ),
        )
        .orderBy(asc(policyUpdates.id))
        .limit(batchSize);
      if (rows.length === 0) return;
      yield rows.map(({ slug, cityName, state, decidedAt, ...u }) => ({
        ...u,
        city: { slug, name: cityName, state },
        publishedAt: (decidedAt ?? new Date(0)).toISOString(),
      }));
      if (rows.length < batchSize) return;
      after = rows.at(-1)!.id;
    }
  })();
}
