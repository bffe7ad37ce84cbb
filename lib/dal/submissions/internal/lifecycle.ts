import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { Transaction } from "@/db/open";
import {
  jurisdictionProposals,
  policyUpdates,
  profileEditChanges,
  profileEdits,
  submissionVersions,
} from "@/db/schema";
import { inFieldOrder, profileFieldLabel, type ProfileFieldKey } from "@/lib/profile-fields";
import type { Refusal } from "@/lib/refusals";
import type { ReviewRef, SubmissionRef } from "@/lib/validation/moderation";
import { writeAudit } from "@/lib/dal/internal/audit";
import { hitPersonLimit, RATE_LIMITS } from "@/lib/dal/internal/rate-limit";

/** The tables of the two kinds of submission; both carry the review lifecycle columns. */
export const SUBMISSION_TABLES = { update: policyUpdates, edit: profileEdits } as const;

/** Everything an author sends for review, proposed jurisdictions too: what they may withdraw. */
export const REVIEW_TABLES = { ...SUBMISSION_TABLES, proposal: jurisdictionProposals } as const;

export const subjectOf = (ref: ReviewRef) => `${ref.type}:${ref.id}`;

/** Counts a submission (or revision) against the author's limit; the refusal when over it. */
export async function checkSubmitLimit(userId: number): Promise<Refusal | null> {
  const limit = await hitPersonLimit(userId, {
    established: RATE_LIMITS.submit,
    newAccount: RATE_LIMITS.submitNewAccount,
    perIp: RATE_LIMITS.submitPerIp,
  });
  if (limit.ok) return null;
  return { code: "rate_limited", limit: "submissions", retryAfterSeconds: limit.retryAfterSeconds };
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

/** Why the author cannot revise or withdraw this submission. */
export async function whyNotRevisable(ref: ReviewRef, authorId: number): Promise<Refusal> {
  const db = await getDb();
  const table = REVIEW_TABLES[ref.type];
  const [row] = await db
    .select({ status: table.status, authorId: table.authorId })
    .from(table)
    .where(eq(table.id, ref.id));
  if (!row || row.authorId !== authorId) return { code: "no_such_submission_of_yours" };
  if (row.status === "withdrawn") return { code: "withdrawn_by_you" };
  if (row.status !== "pending") return { code: "decided_by_a_moderator", status: row.status };
  return { code: "revised_in_another_window" };
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
