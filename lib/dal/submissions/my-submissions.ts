import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jurisdictionProposals, jurisdictions, policyUpdates, profileEdits } from "@/db/schema";
import { requireUser } from "@/lib/auth/current-user";
import type { DalResult } from "@/lib/refusals";
import type { ReviewRef } from "@/lib/validation/moderation";
import type { SubmissionStatus, SubmissionType } from "@/lib/enums";
import { writeAudit } from "@/lib/dal/internal/audit";
import { changesOfEdits, conflictsOf, readProfileState } from "@/lib/dal/profile/internal/state";
import {
  editTitles,
  REVIEW_TABLES,
  SUBMISSION_TABLES,
  subjectOf,
  whyNotRevisable,
} from "./internal/lifecycle";

/**
 * Withdraws my pending submission (an update, an edit or a proposed
 * jurisdiction); moderators no longer see it in the queue.
 */
export async function withdrawSubmission(ref: ReviewRef): Promise<DalResult> {
  const me = await requireUser("withdraw submission");
  const db = await getDb();
  const table = REVIEW_TABLES[ref.type];
  const done = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(table)
      .set({ status: "withdrawn", claimedById: null, claimExpiresAt: null, updatedAt: new Date() })
      .where(and(eq(table.id, ref.id), eq(table.authorId, me.id), eq(table.status, "pending")))
      .returning({ jurisdictionId: table.jurisdictionId });
    if (!row) return false;
    await writeAudit(tx, {
      actorId: me.id,
      action: `${ref.type}.withdraw`,
      subject: subjectOf(ref),
      jurisdictionId: row.jurisdictionId,
    });
    return true;
  });
  return done
    ? { ok: true, data: null }
    : { ok: false, refusal: await whyNotRevisable(ref, me.id) };
}

export type MySubmission = {
  type: SubmissionType | "proposal";
  id: number;
  title: string;
  /** The city it is about; for a proposal, the place its approval made (null before). */
  city: { slug: string; name: string } | null;
  status: SubmissionStatus;
  version: number;
  submittedAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
  /** Why a moderator hid the update after approving it. */
  hiddenReason: string | null;
  /** A pending edit that no longer fits the profile: it cannot be approved until revised. */
  conflict: boolean;
};

const MY_LIMIT = 100;

/**
 * The signed-in person's own updates, edits and proposed jurisdictions, newest
 * first, with the moderator's reason.
 */
export async function listMySubmissions(): Promise<MySubmission[]> {
  const me = await requireUser("read own submissions");
  const db = await getDb();
  const lifecycle = (t: (typeof SUBMISSION_TABLES)[SubmissionType]) => ({
    id: t.id,
    jurisdictionId: t.jurisdictionId,
    slug: jurisdictions.slug,
    cityName: jurisdictions.name,
    leaderTitle: jurisdictions.leaderTitle,
    status: t.status,
    version: t.version,
    createdAt: t.createdAt,
    decidedAt: t.decidedAt,
    decisionReason: t.decisionReason,
  });
  const [updates, edits, proposals] = await Promise.all([
    db
      .select({
        ...lifecycle(policyUpdates),
        title: policyUpdates.title,
        hiddenReason: policyUpdates.hiddenReason,
      })
      .from(policyUpdates)
      .innerJoin(jurisdictions, eq(jurisdictions.id, policyUpdates.jurisdictionId))
      .where(eq(policyUpdates.authorId, me.id))
      .orderBy(desc(policyUpdates.createdAt), desc(policyUpdates.id))
      .limit(MY_LIMIT),
    db
      .select(lifecycle(profileEdits))
      .from(profileEdits)
      .innerJoin(jurisdictions, eq(jurisdictions.id, profileEdits.jurisdictionId))
      .where(eq(profileEdits.authorId, me.id))
      .orderBy(desc(profileEdits.createdAt), desc(profileEdits.id))
      .limit(MY_LIMIT),
    db
      .select({
        id: jurisdictionProposals.id,
        name: jurisdictionProposals.name,
        state: jurisdictionProposals.state,
        slug: jurisdictions.slug,
        cityName: jurisdictions.name,
        status: jurisdictionProposals.status,
        version: jurisdictionProposals.version,
        createdAt: jurisdictionProposals.createdAt,
        decidedAt: jurisdictionProposals.decidedAt,
        decisionReason: jurisdictionProposals.decisionReason,
      })
      .from(jurisdictionProposals)
      .leftJoin(jurisdictions, eq(jurisdictions.id, jurisdictionProposals.jurisdictionId))
      .where(eq(jurisdictionProposals.authorId, me.id))
      .orderBy(desc(jurisdictionProposals.createdAt), desc(jurisdictionProposals.id))
      .limit(MY_LIMIT),
  ]);
  const [titles, conflicting] = await Promise.all([
    editTitles(edits.map((e) => ({ id: e.id, leaderTitle: e.leaderTitle }))),
    conflictingEdits(edits.filter((e) => e.status === "pending")),
  ]);
  const rows = [
    ...updates.map((r) => ({ ...r, type: "update" as const })),
    ...edits.map((r) => ({
      ...r,
      type: "edit" as const,
      title: titles.get(r.id) ?? "Profile edit",
      hiddenReason: null,
    })),
    ...proposals.map((r) => ({
      ...r,
      type: "proposal" as const,
      title: `New jurisdiction: ${r.name}, ${r.state}`,
      hiddenReason: null,
    })),
  ].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return rows.slice(0, MY_LIMIT).map((r) => ({
    type: r.type,
    id: r.id,
    title: r.title,
    city: r.slug && r.cityName ? { slug: r.slug, name: r.cityName } : null,
    status: r.status,
    version: r.version,
    submittedAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionReason: r.decisionReason,
    hiddenReason: r.hiddenReason,
    conflict: r.type === "edit" && conflicting.has(r.id),
  }));
}

/** Which of these pending edits no longer start from the profile as it is. */
async function conflictingEdits(
  edits: { id: number; jurisdictionId: number }[],
): Promise<Set<number>> {
  if (edits.length === 0) return new Set();
  const db = await getDb();
  const cityIds = [...new Set(edits.map((e) => e.jurisdictionId))];
  const [changes, ...states] = await Promise.all([
    changesOfEdits(
      db,
      edits.map((e) => e.id),
    ),
    ...cityIds.map((id) => readProfileState(db, id)),
  ]);
  const stateOf = new Map(cityIds.map((id, i) => [id, states[i]!]));
  return new Set(
    edits
      .filter(
        (e) => conflictsOf(stateOf.get(e.jurisdictionId)!, changes.get(e.id) ?? []).length > 0,
      )
      .map((e) => e.id),
  );
}
