/*
 * Proposed jurisdictions as the queue, the review page and the decisions
 * read them: the review lifecycle columns with the author, the moderator
 * holding a live claim and the one who decided; and the places of a similar
 * name in the same state, for the duplicate warning. No authorization: the
 * moderation DAL calls these after its own checks.
 */
import "server-only";
import { and, asc, eq, gt, isNull, lt, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database, Transaction } from "@/db/open";
import { jurisdictionProposals as p, jurisdictions, users } from "@/db/schema";
import type { QueueItem } from "./review-rows";

const author = alias(users, "proposal_author");
const claimer = alias(users, "proposal_claimer");
const decider = alias(users, "proposal_decider");

/** A proposal's lifecycle columns and the people around it, with `extra` columns. */
export function proposalQuery(db: Database | Transaction) {
  return db
    .select({
      id: p.id,
      name: p.name,
      state: p.state,
      authorId: p.authorId,
      status: p.status,
      version: p.version,
      createdAt: p.createdAt,
      claimedById: p.claimedById,
      claimExpiresAt: p.claimExpiresAt,
      decisionReason: p.decisionReason,
      authorName: author.name,
      claimedBy: claimer.name,
      decidedBy: decider.name,
    })
    .from(p)
    .innerJoin(author, eq(author.id, p.authorId))
    .leftJoin(claimer, and(eq(claimer.id, p.claimedById), gt(p.claimExpiresAt, sql`now()`)))
    .leftJoin(decider, eq(decider.id, p.decidedById))
    .$dynamic();
}

type ProposalRow = Awaited<ReturnType<typeof proposalQuery>>[number];

/** The title a proposal goes by in the queue and in notifications. */
export const proposalTitle = (name: string, state: string) => `New jurisdiction: ${name}, ${state}`;

export function toProposalQueueItem(r: ProposalRow): QueueItem {
  return {
    type: "proposal",
    id: r.id,
    title: proposalTitle(r.name, r.state),
    kind: "jurisdiction_proposal",
    // no page yet: the proposed name and state stand in for the city
    city: { slug: "", name: r.name, state: r.state },
    authorName: r.authorName,
    submittedAt: r.createdAt.toISOString(),
    version: r.version,
    claimedBy: r.claimedBy,
    claimExpiresAt: r.claimedBy && r.claimExpiresAt ? r.claimExpiresAt.toISOString() : null,
  };
}

/** Pending proposals after `after`, oldest first. */
export function pendingProposals(db: Database, after: number, limit: number) {
  return proposalQuery(db)
    .where(and(eq(p.status, "pending"), after > 0 ? gt(p.id, after) : undefined))
    .orderBy(asc(p.id))
    .limit(limit);
}

/**
 * Open to this moderator: pending, not their own, not under another's live
 * claim (the same rule as for updates and edits).
 */
export function proposalOpenTo(id: number, moderatorId: number) {
  return and(
    eq(p.id, id),
    eq(p.status, "pending"),
    ne(p.authorId, moderatorId),
    or(isNull(p.claimedById), eq(p.claimedById, moderatorId), lt(p.claimExpiresAt, sql`now()`)),
  );
}

export type SimilarPlace =
  | { type: "jurisdiction"; name: string; state: string; slug: string }
  | { type: "proposal"; id: number; name: string; state: string };

/**
 * Jurisdictions, and other pending proposals, in `state` whose name matches
 * `name` once accents, case, punctuation and words such as "City of" and
 * "County" are set aside (cw_place_key, drizzle/0022).
 */
export async function similarPlaces(
  db: Database | Transaction,
  place: { name: string; state: string; exceptProposalId?: number },
): Promise<SimilarPlace[]> {
  const key = sql`cw_place_key(${place.name})`;
  const [existing, pending] = await Promise.all([
    db
      .select({ name: jurisdictions.name, state: jurisdictions.state, slug: jurisdictions.slug })
      .from(jurisdictions)
      .where(
        and(
          eq(jurisdictions.state, place.state),
          sql`cw_place_key(${jurisdictions.name}) = ${key}`,
        ),
      )
      .orderBy(asc(jurisdictions.name)),
    db
      .select({ id: p.id, name: p.name, state: p.state })
      .from(p)
      .where(
        and(
          eq(p.status, "pending"),
          eq(p.state, place.state),
          place.exceptProposalId ? ne(p.id, place.exceptProposalId) : undefined,
          sql`cw_place_key(${p.name}) = ${key}`,
        ),
      )
      .orderBy(asc(p.id)),
  ]);
  return [
    ...existing.map((j) => ({ type: "jurisdiction" as const, ...j })),
    ...pending.map((r) => ({ type: "proposal" as const, ...r })),
  ];
}
