import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { Transaction } from "@/db/open";
import {
  jurisdictions,
  policyUpdates,
  profileEditChanges,
  profileEdits,
  submissionVersions,
} from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { requireUser } from "@/lib/auth/current-user";
import { inFieldOrder, profileFieldLabel, type ProfileFieldKey } from "@/lib/profile-fields";
import type { SubmissionRef, SubmissionType } from "@/lib/validation/moderation";
import type { SubmissionStatus } from "@/lib/validation/update";
import { writeAudit } from "./audit";
import { changesOfEdits, conflictsOf, readProfileState } from "./profile";
import { describeRetry, hitPersonLimit, RATE_LIMITS } from "./rate-limit";

/** The tables of the two kinds of submission; both carry the review lifecycle columns. */
export const SUBMISSION_TABLES = { update: policyUpdates, edit: profileEdits } as const;

export const subjectOf = (ref: SubmissionRef) => `${ref.type}:${ref.id}`;

/** Counts a submission (or revision) against the author's limit; a message when over it. */
export async function checkSubmitLimit(userId: number): Promise<string | null> {
  const limit = await hitPersonLimit(userId, {
    established: RATE_LIMITS.submit,
    newAccount: RATE_LIMITS.submitNewAccount,
    perIp: RATE_LIMITS.submitPerIp,
  });
  if (limit.ok) return null;
  return `You have sent many submissions in a short time. Try again ${describeRetry(limit.retryAfterSeconds)}.`;
}

/**
 * Starts a revision of a pending submission by its author, inside the
 * caller's transaction: saves the content as it stood (`snapshot`), bumps
 * the version the moderator must read, and audits it. Returns the
 * jurisdiction, or null when the submission is not the author's, not
 * pending, or was revised since `version` (nothing is written then).
 */
export async function beginRevision(
  tx: Transaction,
  ref: SubmissionRef,
  version: number,
  authorId: number,
  snapshot: unknown,
): Promise<{ jurisdictionId: number } | null> {
  const table = SUBMISSION_TABLES[ref.type];
  const [row] = await tx
    .update(table)
    .set({ version: sql`${table.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(table.id, ref.id),
        eq(table.authorId, authorId),
        eq(table.status, "pending"),
        eq(table.version, version),
      ),
    )
    .returning({ jurisdictionId: table.jurisdictionId });
  if (!row) return null;
  await tx
    .insert(submissionVersions)
    .values({ subject: subjectOf(ref), version, content: snapshot });
  await writeAudit(tx, {
    actorId: authorId,
    action: `${ref.type}.revise`,
    subject: subjectOf(ref),
    jurisdictionId: row.jurisdictionId,
    details: `version ${version + 1}`,
  });
  return row;
}

/** Why the author cannot revise or withdraw this submission, in words. */
export async function whyNotRevisable(ref: SubmissionRef, authorId: number): Promise<string> {
  const db = await getDb();
  const table = SUBMISSION_TABLES[ref.type];
  const [row] = await db
    .select({ status: table.status, authorId: table.authorId })
    .from(table)
    .where(eq(table.id, ref.id));
  if (!row || row.authorId !== authorId) return "There is no such submission of yours.";
  if (row.status === "withdrawn") return "You withdrew this submission.";
  if (row.status !== "pending") return `A moderator already decided on it (${row.status}).`;
  return "You revised this submission in another window. Reload to see the latest version.";
}

/** Withdraws my pending submission; moderators no longer see it in the queue. */
export async function withdrawSubmission(ref: SubmissionRef): Promise<ActionResult> {
  const me = await requireUser("withdraw submission");
  const db = await getDb();
  const table = SUBMISSION_TABLES[ref.type];
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
    : { ok: false, formError: await whyNotRevisable(ref, me.id) };
}

export type MySubmission = {
  type: SubmissionType;
  id: number;
  title: string;
  city: { slug: string; name: string };
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

/** The signed-in person's own updates and edits, newest first, with the moderator's reason. */
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
  const [updates, edits] = await Promise.all([
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
  ].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return rows.slice(0, MY_LIMIT).map((r) => ({
    type: r.type,
    id: r.id,
    title: r.title,
    city: { slug: r.slug, name: r.cityName },
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

/** "Profile edit: Mayor, 287(g) agreement", naming the fields each edit changes. */
export async function editTitles(
  edits: { id: number; leaderTitle: string }[],
): Promise<Map<number, string>> {
  if (edits.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ editId: profileEditChanges.editId, field: profileEditChanges.field })
    .from(profileEditChanges)
    .where(
      inArray(
        profileEditChanges.editId,
        edits.map((e) => e.id),
      ),
    );
  const leaderTitle = new Map(edits.map((e) => [e.id, e.leaderTitle]));
  const fields = new Map<number, string[]>();
  for (const r of inFieldOrder(rows)) {
    const label = profileFieldLabel(r.field as ProfileFieldKey, leaderTitle.get(r.editId));
    fields.set(r.editId, [...(fields.get(r.editId) ?? []), label]);
  }
  return new Map(
    edits.map((e) => [e.id, `Profile edit: ${(fields.get(e.id) ?? []).join(", ") || "no fields"}`]),
  );
}
