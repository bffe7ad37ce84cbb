import "server-only";
import { and, asc, count, eq, gt, isNull, lt, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { jurisdictions, policyUpdates, users } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { requireRole } from "@/lib/auth/current-user";
import { invalidateUpdate } from "@/lib/cache/tags";
import type { DecideUpdateInput, UpdateKind } from "@/lib/validation/update";
import { writeAudit } from "./audit";

const QUEUE_PAGE = 20;
export const CLAIM_MINUTES = 15;

const claimer = alias(users, "claimer");
const author = alias(users, "author");
/** Joins the moderator holding an unexpired claim (an expired claim joins nobody). */
const liveClaim = and(
  eq(claimer.id, policyUpdates.claimedById),
  gt(policyUpdates.claimExpiresAt, sql`now()`),
);

export type QueueItem = {
  id: number;
  title: string;
  kind: UpdateKind;
  city: { slug: string; name: string; state: string };
  authorName: string;
  submittedAt: string;
  claimedBy: string | null;
  claimExpiresAt: string | null;
};

export type QueueFilter = { city?: string; kind?: UpdateKind; after?: string };

/** Pending updates, oldest first, keyset-paginated, with counts by city and kind (moderators). */
export async function listQueue(filter: QueueFilter) {
  await requireRole("read review queue", "moderator", "admin");
  const db = await getDb();
  const afterId = filter.after ? Number(filter.after) : null;
  const where = and(
    eq(policyUpdates.status, "pending"),
    filter.city ? eq(jurisdictions.slug, filter.city) : undefined,
    filter.kind ? eq(policyUpdates.kind, filter.kind) : undefined,
  );
  const [rows, byKind, byCity] = await Promise.all([
    db
      .select({
        id: policyUpdates.id,
        title: policyUpdates.title,
        kind: policyUpdates.kind,
        slug: jurisdictions.slug,
        cityName: jurisdictions.name,
        state: jurisdictions.state,
        authorName: author.name,
        createdAt: policyUpdates.createdAt,
        claimedBy: claimer.name,
        claimExpiresAt: policyUpdates.claimExpiresAt,
      })
      .from(policyUpdates)
      .innerJoin(jurisdictions, eq(jurisdictions.id, policyUpdates.jurisdictionId))
      .innerJoin(author, eq(author.id, policyUpdates.authorId))
      .leftJoin(claimer, liveClaim)
      .where(
        and(
          where,
          // ids grow with time, so (created_at, id) order is id order: a plain keyset on id
          afterId ? gt(policyUpdates.id, afterId) : undefined,
        ),
      )
      .orderBy(asc(policyUpdates.id))
      .limit(QUEUE_PAGE + 1),
    db
      .select({ kind: policyUpdates.kind, n: count() })
      .from(policyUpdates)
      .where(eq(policyUpdates.status, "pending"))
      .groupBy(policyUpdates.kind),
    db
      .select({ slug: jurisdictions.slug, name: jurisdictions.name, n: count() })
      .from(policyUpdates)
      .innerJoin(jurisdictions, eq(jurisdictions.id, policyUpdates.jurisdictionId))
      .where(eq(policyUpdates.status, "pending"))
      .groupBy(jurisdictions.slug, jurisdictions.name)
      .orderBy(asc(jurisdictions.name)),
  ]);
  const page = rows.slice(0, QUEUE_PAGE);
  const items: QueueItem[] = page.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    city: { slug: r.slug, name: r.cityName, state: r.state },
    authorName: r.authorName,
    submittedAt: r.createdAt.toISOString(),
    claimedBy: r.claimedBy,
    claimExpiresAt: r.claimedBy && r.claimExpiresAt ? r.claimExpiresAt.toISOString() : null,
  }));
  return {
    items,
    nextAfter: rows.length > QUEUE_PAGE ? String(page.at(-1)!.id) : null,
    countsByKind: byKind,
    countsByCity: byCity,
    total: byKind.reduce((sum, k) => sum + k.n, 0),
  };
}

export type ReviewItem = QueueItem & {
  summary: string;
  sourceUrl: string;
  effectiveOn: string;
  status: string;
  isMine: boolean;
  claimedByMe: boolean;
  decidedBy: string | null;
  decisionReason: string | null;
};

/** One submission as a moderator reviews it. */
export async function getReviewItem(id: number): Promise<ReviewItem | null> {
  const me = await requireRole("read review item", "moderator", "admin");
  const db = await getDb();
  const decider = alias(users, "decider");
  const [r] = await db
    .select({
      row: policyUpdates,
      slug: jurisdictions.slug,
      cityName: jurisdictions.name,
      state: jurisdictions.state,
      authorName: author.name,
      claimedBy: claimer.name,
      decidedBy: decider.name,
    })
    .from(policyUpdates)
    .innerJoin(jurisdictions, eq(jurisdictions.id, policyUpdates.jurisdictionId))
    .innerJoin(author, eq(author.id, policyUpdates.authorId))
    .leftJoin(claimer, liveClaim)
    .leftJoin(decider, eq(decider.id, policyUpdates.decidedById))
    .where(eq(policyUpdates.id, id))
    .limit(1);
  if (!r) return null;
  const claimActive = r.claimedBy !== null;
  return {
    id: r.row.id,
    title: r.row.title,
    kind: r.row.kind,
    city: { slug: r.slug, name: r.cityName, state: r.state },
    authorName: r.authorName,
    submittedAt: r.row.createdAt.toISOString(),
    claimedBy: r.claimedBy,
    claimExpiresAt: claimActive && r.row.claimExpiresAt ? r.row.claimExpiresAt.toISOString() : null,
    summary: r.row.summary,
    sourceUrl: r.row.sourceUrl,
    effectiveOn: r.row.effectiveOn,
    status: r.row.status,
    isMine: r.row.authorId === me.id,
    claimedByMe: claimActive && r.row.claimedById === me.id,
    decidedBy: r.decidedBy,
    decisionReason: r.row.decisionReason,
  };
}

/** Marks a pending item as being reviewed by me for CLAIM_MINUTES; others see it. */
export async function claimUpdate(id: number): Promise<ActionResult> {
  const me = await requireRole("claim review item", "moderator", "admin");
  const db = await getDb();
  const claimed = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(policyUpdates)
      .set({
        claimedById: me.id,
        claimExpiresAt: sql`now() + make_interval(mins => ${CLAIM_MINUTES})`,
      })
      .where(openTo(id, me.id))
      .returning({ jurisdictionId: policyUpdates.jurisdictionId });
    if (!row) return false;
    await writeAudit(tx, {
      actorId: me.id,
      action: "update.claim",
      subject: `update:${id}`,
      jurisdictionId: row.jurisdictionId,
    });
    return true;
  });
  if (claimed) return { ok: true, data: null };
  return { ok: false, formError: await whyNotOpen(id, me.id) };
}

/**
 * Approves or rejects a pending update exactly once: one conditional UPDATE
 * and its audit row in one transaction. Zero rows back means someone else
 * decided first (or the item is not open to me), and nothing is written.
 */
export async function decideUpdate(input: DecideUpdateInput): Promise<ActionResult> {
  const me = await requireRole("decide review item", "moderator", "admin");
  const db = await getDb();
  const status = input.decision === "approve" ? "approved" : "rejected";
  const decided = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(policyUpdates)
      .set({
        status,
        decidedById: me.id,
        // whole milliseconds, so the timeline's keyset cursor is exact
        decidedAt: new Date(),
        decisionReason: input.reason || null,
        claimedById: null,
        claimExpiresAt: null,
        updatedAt: new Date(),
      })
      .where(openTo(input.updateId, me.id))
      .returning({ jurisdictionId: policyUpdates.jurisdictionId });
    if (!row) return null;
    await writeAudit(tx, {
      actorId: me.id,
      action: `update.${input.decision}`,
      subject: `update:${input.updateId}`,
      jurisdictionId: row.jurisdictionId,
      reason: input.reason || null,
    });
    const [city] = await tx
      .select({ slug: jurisdictions.slug })
      .from(jurisdictions)
      .where(eq(jurisdictions.id, row.jurisdictionId));
    return city?.slug ?? null;
  });
  if (decided === null) return { ok: false, formError: await whyNotOpen(input.updateId, me.id) };
  if (status === "approved") invalidateUpdate(input.updateId, decided);
  return { ok: true, data: null };
}

/**
 * The condition under which a moderator may claim or decide an item: still
 * pending, not their own (an author must neither approve nor hold their
 * submission away from others), and not under another moderator's live claim.
 */
function openTo(id: number, moderatorId: number) {
  return and(
    eq(policyUpdates.id, id),
    eq(policyUpdates.status, "pending"),
    ne(policyUpdates.authorId, moderatorId),
    or(
      isNull(policyUpdates.claimedById),
      eq(policyUpdates.claimedById, moderatorId),
      lt(policyUpdates.claimExpiresAt, sql`now()`),
    ),
  );
}

/** Why a claim or decision found nothing to change, in words for the moderator. */
async function whyNotOpen(id: number, myId: number): Promise<string> {
  const db = await getDb();
  const decider = alias(users, "decider");
  const [r] = await db
    .select({
      status: policyUpdates.status,
      authorId: policyUpdates.authorId,
      decidedBy: decider.name,
      claimedBy: claimer.name,
      claimExpiresAt: policyUpdates.claimExpiresAt,
    })
    .from(policyUpdates)
    .leftJoin(decider, eq(decider.id, policyUpdates.decidedById))
    .leftJoin(claimer, liveClaim)
    .where(eq(policyUpdates.id, id));
  if (!r) return "There is no such submission.";
  if (r.status === "approved" || r.status === "rejected") {
    return `Already decided by ${r.decidedBy ?? "another moderator"} (${r.status}).`;
  }
  if (r.status === "withdrawn") return "The author withdrew this submission.";
  if (r.authorId === myId) return "You cannot decide on your own submission.";
  if (r.claimedBy) {
    const until = r.claimExpiresAt?.toISOString().slice(11, 16);
    return `${r.claimedBy} is reviewing this item${until ? ` until ${until} UTC` : ""}.`;
  }
  return "This item is not open for review.";
}
