import "server-only";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { unstable_cache } from "next/cache";
import { getDb } from "@/db/client";
import {
  jurisdictions,
  policyUpdates,
  profileEdits,
  reviewQueueCounts,
  reviewQueueProposals,
  reviewQueueVersion,
} from "@/db/schema";
import { busiestCities } from "@/lib/queue-cities";
import { requireRole } from "@/lib/auth/current-user";
import { QUEUE_KINDS, type QueueFilter, type QueueKind } from "@/lib/validation/moderation";
import type { ReviewType, UpdateKind } from "@/lib/enums";
import { cityIdOfSlug } from "@/lib/dal/cities/internal/city";
import { editTitles } from "@/lib/dal/submissions/internal/lifecycle";
import {
  lifecycleQuery,
  toQueueItem,
  type QueueItem,
  type ReviewTable,
} from "@/lib/dal/moderation/internal/review-rows";
import { pendingProposals, toProposalQueueItem } from "@/lib/dal/moderation/internal/proposal-rows";

const QUEUE_PAGE = 20;

/**
 * Pending updates, edits and proposed jurisdictions, oldest first, with
 * counts by city and kind (moderators). Each list is keyset-paginated on its
 * id (ids grow with time); a page merges the next rows of all three, and its
 * cursor records where it stopped in each. Proposals have no city yet, so a
 * city filter leaves them out.
 */
export async function listQueue(filter: QueueFilter) {
  await requireRole("read review queue", "moderator", "admin");
  const [afterUpdate = 0, afterEdit = 0, afterProposal = 0] = (filter.after ?? "0-0-0")
    .split("-")
    .map(Number);
  const db = await getDb();
  const wantUpdates = filter.kind !== "profile_edit" && filter.kind !== "jurisdiction_proposal";
  const wantEdits = !filter.kind || filter.kind === "profile_edit";
  const wantProposals = !filter.city && (!filter.kind || filter.kind === "jurisdiction_proposal");
  const pendingIn = (t: ReviewTable, after: number) =>
    and(
      eq(t.status, "pending"),
      // the city's id first, so the planner walks the (city, id) index in order
      filter.city ? eq(t.jurisdictionId, cityIdOfSlug(filter.city)) : undefined,
      after > 0 ? gt(t.id, after) : undefined,
    );

  const [updates, edits, counts] = await Promise.all([
    wantUpdates
      ? lifecycleQuery(db, policyUpdates, { title: policyUpdates.title, kind: policyUpdates.kind })
          .where(
            and(
              pendingIn(policyUpdates, afterUpdate),
              filter.kind ? eq(policyUpdates.kind, filter.kind as UpdateKind) : undefined,
            ),
          )
          .orderBy(asc(policyUpdates.id))
          .limit(QUEUE_PAGE + 1)
      : [],
    wantEdits
      ? lifecycleQuery(db, profileEdits, {})
          .where(pendingIn(profileEdits, afterEdit))
          .orderBy(asc(profileEdits.id))
          .limit(QUEUE_PAGE + 1)
      : [],
    queueCounts(filter.city),
  ]);
  const proposals = wantProposals ? await pendingProposals(db, afterProposal, QUEUE_PAGE + 1) : [];
  const titles = await editTitles(edits.map((e) => ({ id: e.id, leaderTitle: e.leaderTitle })));
  const merged = mergeOldestFirst(
    mergeOldestFirst(
      updates.map((r) => toQueueItem("update", r, r.title, r.kind)),
      edits.map((r) => toQueueItem("edit", r, titles.get(r.id) ?? "Profile edit", "profile_edit")),
    ),
    proposals.map(toProposalQueueItem),
  );
  const items = merged.slice(0, QUEUE_PAGE);
  const lastOf = (type: ReviewType, before: number) =>
    items.filter((i) => i.type === type).at(-1)?.id ?? before;
  return {
    items,
    nextAfter:
      merged.length > QUEUE_PAGE
        ? `${lastOf("update", afterUpdate)}-${lastOf("edit", afterEdit)}-${lastOf("proposal", afterProposal)}`
        : null,
    ...counts,
  };
}

/**
 * Merges two lists that are each in id order, oldest first by submission
 * time. Each list's items stay in their own order, so a page always takes a
 * prefix of each and the cursor (the last id taken from each) skips nothing.
 */
function mergeOldestFirst(a: QueueItem[], b: QueueItem[]): QueueItem[] {
  const out: QueueItem[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const takeA = j >= b.length || (i < a.length && a[i]!.submittedAt <= b[j]!.submittedAt);
    out.push(takeA ? a[i++]! : b[j++]!);
  }
  return out;
}

/**
 * How many submissions wait, by kind and by city, and the cities the filter offers.
 * The counts are kept by triggers (drizzle/0004); their summary is cached under the
 * queue's version (drizzle/0020), so a view reads one row instead of a row per city,
 * and any write that changes a count files the next summary under a new version.
 * `v` is read before the counts (a summary is never older than its version).
 */
async function queueCounts(chosenCity: string | undefined) {
  const db = await getDb();
  const [row] = await db.select({ v: reviewQueueVersion.v }).from(reviewQueueVersion);
  const version = String(row?.v ?? 0);
  const summary = await unstable_cache(summariseQueue, ["review-queue-summary", version])();
  const chosen =
    chosenCity && !summary.cityOptions.some((c) => c.slug === chosenCity)
      ? await cityCount(chosenCity)
      : undefined;
  return {
    countsByKind: summary.countsByKind,
    total: summary.total,
    cityOptions: chosen
      ? [...summary.cityOptions, chosen].sort((a, b) => a.name.localeCompare(b.name))
      : summary.cityOptions,
    moreCities: summary.moreCities - (chosen && chosen.n > 0 ? 1 : 0),
  };
}

type CityCount = { slug: string; name: string; n: number };

/** Every count, summed by kind and by city; the busiest cities kept for the filter. */
async function summariseQueue() {
  const db = await getDb();
  const rows = await db
    .select({
      kind: reviewQueueCounts.kind,
      slug: jurisdictions.slug,
      name: jurisdictions.name,
      n: reviewQueueCounts.n,
    })
    .from(reviewQueueCounts)
    .innerJoin(jurisdictions, eq(jurisdictions.id, reviewQueueCounts.jurisdictionId))
    .where(gt(reviewQueueCounts.n, 0));
  // proposals have no city: counted apart (drizzle/0022)
  const [proposals] = await db.select({ n: reviewQueueProposals.n }).from(reviewQueueProposals);
  const kinds = new Map<QueueKind, number>();
  if (proposals && proposals.n > 0) kinds.set("jurisdiction_proposal", proposals.n);
  const cities = new Map<string, CityCount>();
  for (const r of rows) {
    const kind = r.kind as QueueKind;
    kinds.set(kind, (kinds.get(kind) ?? 0) + r.n);
    cities.set(r.slug, { slug: r.slug, name: r.name, n: (cities.get(r.slug)?.n ?? 0) + r.n });
  }
  const countsByKind = QUEUE_KINDS.flatMap((kind) => {
    const n = kinds.get(kind);
    return n ? [{ kind, n }] : [];
  });
  const { options, more } = busiestCities([...cities.values()]);
  return {
    countsByKind,
    total: countsByKind.reduce((sum, k) => sum + k.n, 0),
    cityOptions: options,
    moreCities: more,
  };
}

/** One city's waiting count, for a filter on a city outside the busiest (0 if none waits). */
async function cityCount(slug: string): Promise<CityCount | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({
      slug: jurisdictions.slug,
      name: jurisdictions.name,
      n: sql<number>`coalesce(sum(${reviewQueueCounts.n}), 0)::int`,
    })
    .from(jurisdictions)
    .leftJoin(reviewQueueCounts, eq(reviewQueueCounts.jurisdictionId, jurisdictions.id))
    .where(eq(jurisdictions.slug, slug))
    .groupBy(jurisdictions.id);
  return row;
}
