import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { Transaction } from "@/db/open";
import {
  jurisdictionProposalFacts,
  jurisdictionProposals as p,
  jurisdictions,
  policyFacts,
} from "@/db/schema";
import { requireRole } from "@/lib/auth/current-user";
import { invalidateJurisdiction } from "@/lib/cache/tags";
import type { JurisdictionKind, SubmissionStatus } from "@/lib/enums";
import { jurisdictionSlug } from "@/lib/jurisdiction-slug";
import { inFieldOrder, type RevisionChange } from "@/lib/profile-fields";
import { POLICY_FIELDS, policyValueLabel, type PolicyFieldKey } from "@/lib/policy-fields";
import type { DalResult, Refusal } from "@/lib/refusals";
import { stateByCode } from "@/lib/us-states";
import type { DecideInput } from "@/lib/validation/moderation";
import { writeAudit } from "@/lib/dal/internal/audit";
import { notifyAuthor } from "@/lib/dal/news/internal/notification-rows";
import { recordRevision } from "@/lib/dal/profile/internal/state";
import { CLAIM_MINUTES, whyNotOpenFor } from "@/lib/dal/moderation/internal/review-rows";
import {
  proposalOpenTo,
  proposalQuery,
  similarPlaces,
  toProposalQueueItem,
  type SimilarPlace,
} from "@/lib/dal/moderation/internal/proposal-rows";
import type { ReviewBase } from "@/lib/dal/moderation/review";

const subject = (id: number) => `proposal:${id}`;

export type ProposedFactView = {
  field: PolicyFieldKey;
  label: string;
  value: string;
  valueLabel: string;
  detail: string;
  sourceUrl: string;
  asOf: string;
};

export type ProposalReview = ReviewBase & {
  type: "proposal";
  name: string;
  state: string;
  stateName: string;
  jurisdictionKind: JurisdictionKind;
  slug: string;
  leaderTitle: string;
  leaderName: string;
  leaderSince: string;
  leaderSourceUrl: string;
  population: number;
  populationYear: number;
  populationSourceUrl: string;
  description: string;
  latitude: number;
  longitude: number;
  facts: ProposedFactView[];
  /** Places of a similar name in the same state: it may be a duplicate. */
  similar: SimilarPlace[];
  /** Once approved: the jurisdiction it made. */
  createdSlug: string | null;
};

/** One proposed jurisdiction as a moderator reviews it: every field and source, and likely duplicates. */
export async function getProposalReview(id: number): Promise<ProposalReview | null> {
  const me = await requireRole("read review item", "moderator", "admin");
  const db = await getDb();
  const [r] = await db
    .select({ row: p, made: jurisdictions.slug })
    .from(p)
    .leftJoin(jurisdictions, eq(jurisdictions.id, p.jurisdictionId))
    .where(eq(p.id, id));
  if (!r) return null;
  const [[life], facts, similar] = await Promise.all([
    proposalQuery(db).where(eq(p.id, id)),
    db.select().from(jurisdictionProposalFacts).where(eq(jurisdictionProposalFacts.proposalId, id)),
    r.row.status === "pending"
      ? similarPlaces(db, { name: r.row.name, state: r.row.state, exceptProposalId: id })
      : Promise.resolve([]),
  ]);
  if (!life) return null;
  const { row } = r;
  const item = toProposalQueueItem(life);
  return {
    ...item,
    type: "proposal",
    city: { ...item.city, leaderTitle: row.leaderTitle },
    status: row.status as SubmissionStatus,
    isMine: row.authorId === me.id,
    claimedByMe: life.claimedBy !== null && row.claimedById === me.id,
    decidedBy: life.decidedBy,
    decisionReason: row.decisionReason,
    earlierVersions: [],
    name: row.name,
    state: row.state,
    stateName: stateByCode(row.state)?.name ?? row.state,
    jurisdictionKind: row.kind,
    slug: jurisdictionSlug(row.name, row.state),
    leaderTitle: row.leaderTitle,
    leaderName: row.leaderName,
    leaderSince: row.leaderSince,
    leaderSourceUrl: row.leaderSourceUrl,
    population: row.population,
    populationYear: row.populationYear,
    populationSourceUrl: row.populationSourceUrl,
    description: row.description,
    latitude: row.latitude,
    longitude: row.longitude,
    facts: inFieldOrder(facts).map((f) => {
      const field = f.field as PolicyFieldKey;
      return {
        field,
        label: POLICY_FIELDS[field]?.label ?? f.field,
        value: f.value,
        valueLabel: policyValueLabel(field, f.value),
        detail: f.detail,
        sourceUrl: f.sourceUrl,
        asOf: f.asOf,
      };
    }),
    similar,
    createdSlug: r.made,
  };
}

/** Marks a pending proposal as being reviewed by me for CLAIM_MINUTES (moderators). */
export async function claimProposal(id: number): Promise<DalResult> {
  const me = await requireRole("claim review item", "moderator", "admin");
  const db = await getDb();
  const claimed = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(p)
      .set({
        claimedById: me.id,
        claimExpiresAt: sql`now() + make_interval(mins => ${CLAIM_MINUTES})`,
      })
      .where(proposalOpenTo(id, me.id))
      .returning({ id: p.id });
    if (!row) return false;
    await writeAudit(tx, { actorId: me.id, action: "proposal.claim", subject: subject(id) });
    return true;
  });
  return claimed ? { ok: true, data: null } : { ok: false, refusal: await whyNotOpen(id, me.id) };
}

/** Thrown inside the approval's transaction to roll it back: the slug is taken. */
class SlugTaken extends Error {
  constructor(readonly slug: string) {
    super(`jurisdiction ${slug} exists`);
  }
}

/**
 * Approves or rejects a pending proposal exactly once (moderators): one
 * conditional UPDATE with its audit row and the author's notification in one
 * transaction. Approving also creates the jurisdiction (slug by the seeded
 * rule; refused if that slug exists), its policy facts and its baseline
 * revision, then expires the public pages that list jurisdictions.
 */
export async function decideProposal(
  input: DecideInput & { type: "proposal" },
): Promise<DalResult> {
  const me = await requireRole("decide review item", "moderator", "admin");
  const db = await getDb();
  const status = input.decision === "approve" ? "approved" : "rejected";
  try {
    const made = await db.transaction(async (tx) => {
      const now = new Date();
      const [row] = await tx
        .update(p)
        .set({
          status,
          decidedById: me.id,
          decidedAt: now,
          decisionReason: input.reason || null,
          claimedById: null,
          claimExpiresAt: null,
          updatedAt: now,
        })
        .where(and(proposalOpenTo(input.id, me.id), eq(p.version, input.version)))
        .returning();
      if (!row) return null;
      const created = status === "approved" ? await createJurisdiction(tx, row, me.id) : null;
      await notifyAuthor(tx, {
        userId: row.authorId,
        jurisdictionId: created?.id ?? null,
        proposalId: row.id,
        decision: status,
        reason: input.reason || null,
      });
      await writeAudit(tx, {
        actorId: me.id,
        action: `proposal.${input.decision}`,
        subject: subject(row.id),
        jurisdictionId: created?.id ?? null,
        reason: input.reason || null,
      });
      return { slug: created?.slug ?? null };
    });
    if (made === null)
      return { ok: false, refusal: await whyNotOpen(input.id, me.id, input.version) };
    if (made.slug) invalidateJurisdiction(made.slug);
    return { ok: true, data: null };
  } catch (error) {
    if (!(error instanceof SlugTaken)) throw error;
    return { ok: false, refusal: { code: "jurisdiction_exists", slug: error.slug } };
  }
}

type ProposalRow = typeof p.$inferSelect;

/** The approved proposal as a jurisdiction: its row, its facts, its first revision. */
async function createJurisdiction(tx: Transaction, row: ProposalRow, moderatorId: number) {
  const slug = jurisdictionSlug(row.name, row.state);
  // A slug taken meanwhile (another approval committing first) does nothing here, and is refused.
  const [made] = await tx
    .insert(jurisdictions)
    .values({
      slug,
      name: row.name,
      kind: row.kind,
      state: row.state,
      stateName: stateByCode(row.state)?.name ?? row.state,
      population: row.population,
      populationYear: row.populationYear,
      populationSourceUrl: row.populationSourceUrl,
      leaderTitle: row.leaderTitle,
      leaderName: row.leaderName,
      leaderAsOf: row.leaderSince,
      summary: row.description,
      articleMention: "",
      latitude: row.latitude,
      longitude: row.longitude,
    })
    .onConflictDoNothing({ target: jurisdictions.slug })
    .returning({ id: jurisdictions.id });
  if (!made) throw new SlugTaken(slug);
  const facts = await tx
    .select()
    .from(jurisdictionProposalFacts)
    .where(eq(jurisdictionProposalFacts.proposalId, row.id));
  if (facts.length > 0) {
    await tx.insert(policyFacts).values(
      facts.map((f) => ({
        jurisdictionId: made.id,
        field: f.field,
        value: f.value,
        detail: f.detail,
        sourceUrl: f.sourceUrl,
        asOf: f.asOf,
      })),
    );
  }
  const changes: RevisionChange[] = [
    ...inFieldOrder(facts).map((f) => ({
      field: f.field as PolicyFieldKey,
      fromValue: "",
      fromDetail: "",
      toValue: f.value,
      toDetail: f.detail,
      sourceUrl: f.sourceUrl,
      asOf: f.asOf,
    })),
    {
      field: "leader",
      fromValue: "",
      fromDetail: "",
      toValue: row.leaderName,
      toDetail: "",
      sourceUrl: row.leaderSourceUrl,
      asOf: row.leaderSince,
    },
  ];
  await recordRevision(tx, {
    jurisdictionId: made.id,
    kind: "baseline",
    proposedById: row.authorId,
    approvedById: moderatorId,
    note: "Proposed as a new jurisdiction.",
    changes,
  });
  await tx.update(p).set({ jurisdictionId: made.id }).where(eq(p.id, row.id));
  return { id: made.id, slug };
}

/** Why a claim or decision on a proposal found nothing to change. */
async function whyNotOpen(id: number, myId: number, version?: number): Promise<Refusal> {
  const db = await getDb();
  const [r] = await proposalQuery(db).where(eq(p.id, id));
  return whyNotOpenFor(r, myId, version);
}
