import "server-only";
import { and, eq, isNull, lt, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { Transaction } from "@/db/open";
import { jurisdictions, profileEdits } from "@/db/schema";
import { requireRole } from "@/lib/auth/current-user";
import { invalidateJurisdiction, invalidateUpdate } from "@/lib/cache/tags";
import type { FieldChange } from "@/lib/profile-fields";
import type { DalResult, Refusal } from "@/lib/refusals";
import { type DecideInput, type ReviewRef, type SubmissionRef } from "@/lib/validation/moderation";
import { writeAudit } from "@/lib/dal/internal/audit";
import {
  applyChanges,
  changesOf,
  conflictsOf,
  datedToday,
  readProfileState,
  recordRevision,
} from "@/lib/dal/profile/internal/state";
import { notifyAuthor, notifyFollowers } from "@/lib/dal/news/internal/notification-rows";
import { SUBMISSION_TABLES, subjectOf } from "@/lib/dal/submissions/internal/lifecycle";
import {
  CLAIM_MINUTES,
  lifecycleQuery,
  whyNotOpenFor,
  type ReviewTable,
} from "@/lib/dal/moderation/internal/review-rows";
import { claimProposal, decideProposal } from "@/lib/dal/moderation/proposals";

export { CLAIM_MINUTES };

/** Marks a pending item as being reviewed by me for CLAIM_MINUTES; others see it. */
export async function claimSubmission(item: ReviewRef): Promise<DalResult> {
  if (item.type === "proposal") return claimProposal(item.id);
  const ref = { type: item.type, id: item.id };
  const me = await requireRole("claim review item", "moderator", "admin");
  const db = await getDb();
  const table = SUBMISSION_TABLES[ref.type];
  const claimed = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(table)
      .set({
        claimedById: me.id,
        claimExpiresAt: sql`now() + make_interval(mins => ${CLAIM_MINUTES})`,
      })
      .where(openTo(table, ref.id, me.id))
      .returning({ jurisdictionId: table.jurisdictionId });
    if (!row) return false;
    await writeAudit(tx, {
      actorId: me.id,
      action: `${ref.type}.claim`,
      subject: subjectOf(ref),
      jurisdictionId: row.jurisdictionId,
    });
    return true;
  });
  if (claimed) return { ok: true, data: null };
  return { ok: false, refusal: await whyNotOpen(ref, me.id) };
}

/** Thrown inside a decision's transaction to roll it back: the edit no longer fits the profile. */
class EditConflict extends Error {
  constructor(
    readonly conflicts: FieldChange[],
    readonly leaderTitle: string,
  ) {
    super("edit conflicts with the current profile");
  }
}

/**
 * Approves or rejects a pending submission exactly once: one conditional
 * UPDATE and its audit row in one transaction. Zero rows back means someone
 * else decided first, the author revised it since the moderator read it, or
 * it is not open to this moderator, and nothing is written. Approving an
 * edit applies it in the same transaction, under a lock on the profile, and
 * only if every field still holds the value the edit started from.
 */
export async function decideSubmission(item: DecideInput): Promise<DalResult> {
  if (item.type === "proposal") return decideProposal({ ...item, type: item.type });
  const input = { ...item, type: item.type };
  const me = await requireRole("decide review item", "moderator", "admin");
  const db = await getDb();
  const ref = { type: input.type, id: input.id };
  const table = SUBMISSION_TABLES[input.type];
  const status = input.decision === "approve" ? "approved" : "rejected";
  const applyEdit = input.type === "edit" && status === "approved";
  try {
    const slug = await db.transaction(async (tx) => {
      const state = applyEdit ? await lockProfileOfEdit(tx, input.id) : null;
      const [row] = await tx
        .update(table)
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
        .where(and(openTo(table, input.id, me.id), eq(table.version, input.version)))
        .returning({ jurisdictionId: table.jurisdictionId, authorId: table.authorId });
      if (!row) return null;
      const revisionId = state
        ? await applyApprovedEdit(tx, input.id, row, state.profile, me.id, state.leaderTitle)
        : null;
      await notifyOfDecision(tx, { ...input, ...row, status, revisionId, moderatorId: me.id });
      await writeAudit(tx, {
        actorId: me.id,
        action: `${input.type}.${input.decision}`,
        subject: subjectOf(ref),
        jurisdictionId: row.jurisdictionId,
        reason: input.reason || null,
      });
      const [city] = await tx
        .select({ slug: jurisdictions.slug })
        .from(jurisdictions)
        .where(eq(jurisdictions.id, row.jurisdictionId));
      return city!.slug;
    });
    if (slug === null) return { ok: false, refusal: await whyNotOpen(ref, me.id, input.version) };
    if (status === "approved") {
      if (input.type === "update") invalidateUpdate(input.id, slug);
      else invalidateJurisdiction(slug);
    }
    return { ok: true, data: null };
  } catch (error) {
    if (!(error instanceof EditConflict)) throw error;
    return {
      ok: false,
      refusal: {
        code: "edit_conflict",
        fields: error.conflicts.map((c) => c.field),
        leaderTitle: error.leaderTitle,
      },
    };
  }
}

/** Locks the profile an edit changes and reads it, before the edit is decided. */
async function lockProfileOfEdit(tx: Transaction, editId: number) {
  const [edit] = await tx
    .select({ jurisdictionId: profileEdits.jurisdictionId, leaderTitle: jurisdictions.leaderTitle })
    .from(profileEdits)
    .innerJoin(jurisdictions, eq(jurisdictions.id, profileEdits.jurisdictionId))
    .where(eq(profileEdits.id, editId));
  if (!edit) return null;
  const profile = await readProfileState(tx, edit.jurisdictionId, { lock: true });
  return { profile, leaderTitle: edit.leaderTitle };
}

async function applyApprovedEdit(
  tx: Transaction,
  editId: number,
  edit: { jurisdictionId: number; authorId: number },
  profile: Awaited<ReturnType<typeof readProfileState>>,
  moderatorId: number,
  leaderTitle: string,
) {
  const changes = await changesOf(tx, editId);
  const conflicts = conflictsOf(profile, changes);
  if (conflicts.length > 0) throw new EditConflict(conflicts, leaderTitle);
  const [{ note } = { note: "" }] = await tx
    .select({ note: profileEdits.note })
    .from(profileEdits)
    .where(eq(profileEdits.id, editId));
  const dated = datedToday(changes);
  await applyChanges(tx, edit.jurisdictionId, dated);
  return recordRevision(tx, {
    jurisdictionId: edit.jurisdictionId,
    kind: "edit",
    editId,
    proposedById: edit.authorId,
    approvedById: moderatorId,
    note,
    changes: dated,
  });
}

/** Tells the author of the decision, and on approval everyone following the city. */
async function notifyOfDecision(
  tx: Transaction,
  d: {
    type: SubmissionRef["type"];
    id: number;
    status: "approved" | "rejected";
    reason?: string;
    jurisdictionId: number;
    authorId: number;
    moderatorId: number;
    revisionId: number | null;
  },
) {
  await notifyAuthor(tx, {
    userId: d.authorId,
    jurisdictionId: d.jurisdictionId,
    ...(d.type === "update" ? { updateId: d.id } : { editId: d.id }),
    decision: d.status,
    reason: d.reason || null,
  });
  if (d.status !== "approved") return;
  await notifyFollowers(tx, {
    jurisdictionId: d.jurisdictionId,
    skip: [d.authorId, d.moderatorId],
    ...(d.type === "update"
      ? { kind: "update_approved", updateId: d.id }
      : { kind: "profile_changed", revisionId: d.revisionId! }),
  });
}

/**
 * The condition under which a moderator may claim or decide an item: still
 * pending, not their own (an author must neither approve nor hold their
 * submission away from others), and not under another moderator's live claim.
 */
function openTo(t: ReviewTable, id: number, moderatorId: number) {
  return and(
    eq(t.id, id),
    eq(t.status, "pending"),
    ne(t.authorId, moderatorId),
    or(isNull(t.claimedById), eq(t.claimedById, moderatorId), lt(t.claimExpiresAt, sql`now()`)),
  );
}

/** Why a claim or decision found nothing to change, for the moderator. */
async function whyNotOpen(ref: SubmissionRef, myId: number, version?: number): Promise<Refusal> {
  const t = SUBMISSION_TABLES[ref.type];
  const db = await getDb();
  const [r] = await lifecycleQuery(db, t, {}).where(eq(t.id, ref.id));
  return whyNotOpenFor(r, myId, version);
}
