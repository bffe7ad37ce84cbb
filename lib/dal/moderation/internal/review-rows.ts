/*
 * The rows of the review lifecycle, read the same way from either
 * submission table: its columns, joined to the city, the author, the
 * moderator holding a live claim and the one who decided. Used by the queue,
 * the review pages and the decisions.
 */
import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { alias, type SelectedFields } from "drizzle-orm/pg-core";
import type { Database } from "@/db/open";
import { jurisdictions, users } from "@/db/schema";
import { type QueueKind } from "@/lib/validation/moderation";
import { type ReviewType, type SubmissionType } from "@/lib/enums";
import { SUBMISSION_TABLES } from "@/lib/dal/submissions/internal/lifecycle";
import type { Refusal } from "@/lib/refusals";

/** How long a claim keeps an item for one moderator. */
export const CLAIM_MINUTES = 15;

export type ReviewTable = (typeof SUBMISSION_TABLES)[SubmissionType];

export const claimer = alias(users, "claimer");
const author = alias(users, "author");
const decider = alias(users, "decider");

/** Joins the moderator holding an unexpired claim (an expired claim joins nobody). */
export const liveClaim = (t: ReviewTable) =>
  and(eq(claimer.id, t.claimedById), gt(t.claimExpiresAt, sql`now()`));

export type QueueItem = {
  type: ReviewType;
  id: number;
  title: string;
  kind: QueueKind;
  city: { slug: string; name: string; state: string };
  authorName: string;
  submittedAt: string;
  version: number;
  claimedBy: string | null;
  claimExpiresAt: string | null;
};

/** The columns every queue row and review page shows, for either table. */
export const lifecycleColumns = (t: ReviewTable) => ({
  id: t.id,
  authorId: t.authorId,
  status: t.status,
  version: t.version,
  createdAt: t.createdAt,
  claimedById: t.claimedById,
  claimExpiresAt: t.claimExpiresAt,
  decisionReason: t.decisionReason,
  slug: jurisdictions.slug,
  cityName: jurisdictions.name,
  state: jurisdictions.state,
  leaderTitle: jurisdictions.leaderTitle,
  authorName: author.name,
  claimedBy: claimer.name,
  decidedBy: decider.name,
});

/** The lifecycle columns of one table's rows, with `extra` columns, joined to city and people. */
export function lifecycleQuery<E extends SelectedFields>(db: Database, t: ReviewTable, extra: E) {
  return db
    .select({ ...lifecycleColumns(t), ...extra })
    .from(t)
    .innerJoin(jurisdictions, eq(jurisdictions.id, t.jurisdictionId))
    .innerJoin(author, eq(author.id, t.authorId))
    .leftJoin(claimer, liveClaim(t))
    .leftJoin(decider, eq(decider.id, t.decidedById))
    .$dynamic();
}

export type LifecycleRow = Awaited<ReturnType<typeof lifecycleQuery<Record<never, never>>>>[number];

export function toQueueItem(
  type: SubmissionType,
  r: LifecycleRow,
  title: string,
  kind: QueueKind,
): QueueItem {
  return {
    type,
    id: r.id,
    title,
    kind,
    city: { slug: r.slug, name: r.cityName, state: r.state },
    authorName: r.authorName,
    submittedAt: r.createdAt.toISOString(),
    version: r.version,
    claimedBy: r.claimedBy,
    claimExpiresAt: r.claimedBy && r.claimExpiresAt ? r.claimExpiresAt.toISOString() : null,
  };
}

/** What a refusal needs to know of a submission that was not open to this moderator. */
export type ReviewState = {
  status: string;
  authorId: number;
  decidedBy: string | null;
  claimedById: number | null;
  claimedBy: string | null;
  claimExpiresAt: Date | null;
  version: number;
};

/**
 * Why a claim or decision found nothing to change, for the moderator: the
 * submission as it now stands (null: there is none), read after the write missed.
 */
export function whyNotOpenFor(r: ReviewState | undefined, myId: number, version?: number): Refusal {
  if (!r) return { code: "no_such_submission" };
  if (r.status === "approved" || r.status === "rejected") {
    return { code: "already_decided", status: r.status, by: r.decidedBy };
  }
  if (r.status === "withdrawn") return { code: "withdrawn_by_author" };
  if (r.authorId === myId) return { code: "own_submission" };
  if (r.claimedBy && r.claimedById !== myId) {
    return {
      code: "claimed_by_another",
      by: r.claimedBy,
      until: r.claimExpiresAt?.toISOString() ?? null,
    };
  }
  if (version !== undefined && r.version !== version) {
    return { code: "revised_since_opened", version: r.version };
  }
  return { code: "not_open_for_review" };
}
