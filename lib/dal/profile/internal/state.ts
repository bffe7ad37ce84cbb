import "server-only";
import { and, desc, eq, inArray, lte } from "drizzle-orm";
import type { Database, Transaction } from "@/db/open";
import {
  jurisdictions,
  policyFacts,
  profileEditChanges,
  profileRevisionChanges,
  profileRevisions,
} from "@/db/schema";
import {
  EMPTY_FIELD,
  inFieldOrder,
  PROFILE_FIELD_KEYS,
  profileFieldLabel,
  type FieldState,
  type ProfileFieldKey,
  type FieldChange,
  type RevisionChange,
} from "@/lib/profile-fields";
import type { RevisionKind } from "@/lib/enums";

export type ProfileState = Map<ProfileFieldKey, FieldState>;

/**
 * A jurisdiction's editable fields as they stand. With `lock`, the
 * jurisdiction row is locked until the transaction ends, so changes to one
 * profile are applied one after another.
 */
export async function readProfileState(
  tx: Transaction | Database,
  jurisdictionId: number,
  options: { lock?: boolean } = {},
): Promise<ProfileState> {
  const leaderQuery = tx
    .select({ leaderName: jurisdictions.leaderName, leaderAsOf: jurisdictions.leaderAsOf })
    .from(jurisdictions)
    .where(eq(jurisdictions.id, jurisdictionId));
  // "no key update": serializes writers of this profile without blocking the
  // key-share locks that foreign keys to the jurisdiction take (audit rows),
  // which would deadlock against a moderator acting on the same submission.
  const [leader] = await (options.lock ? leaderQuery.for("no key update") : leaderQuery);
  const facts = await tx
    .select()
    .from(policyFacts)
    .where(eq(policyFacts.jurisdictionId, jurisdictionId));
  const state: ProfileState = new Map();
  for (const f of facts) {
    if ((PROFILE_FIELD_KEYS as readonly string[]).includes(f.field)) {
      state.set(f.field as ProfileFieldKey, {
        value: f.value,
        detail: f.detail,
        sourceUrl: f.sourceUrl,
        asOf: f.asOf,
      });
    }
  }
  if (leader) {
    const [source] = await latestChanges(tx, jurisdictionId, ["leader"]);
    state.set("leader", {
      value: leader.leaderName,
      detail: "",
      sourceUrl: source?.sourceUrl ?? "",
      asOf: leader.leaderAsOf,
    });
  }
  return state;
}

/** The fields whose current value or explanation differs from what the change started from. */
export function conflictsOf(state: ProfileState, changes: FieldChange[]): FieldChange[] {
  return changes.filter((c) => {
    const now = state.get(c.field) ?? EMPTY_FIELD;
    return now.value !== c.fromValue || now.detail !== c.fromDetail;
  });
}

/** Writes the changes to the profile; the caller has checked conflicts under the lock. */
export async function applyChanges(
  tx: Transaction,
  jurisdictionId: number,
  changes: RevisionChange[],
): Promise<void> {
  for (const c of changes) {
    if (c.field === "leader") {
      await tx
        .update(jurisdictions)
        .set({ leaderName: c.toValue, leaderAsOf: c.asOf, updatedAt: new Date() })
        .where(eq(jurisdictions.id, jurisdictionId));
    } else {
      const fact = { value: c.toValue, detail: c.toDetail, sourceUrl: c.sourceUrl, asOf: c.asOf };
      await tx
        .insert(policyFacts)
        .values({ jurisdictionId, field: c.field, ...fact })
        .onConflictDoUpdate({
          target: [policyFacts.jurisdictionId, policyFacts.field],
          set: { ...fact, updatedAt: new Date() },
        });
    }
  }
}

/** The changes of an approved edit, dated the day they are applied. */
export const datedToday = (changes: FieldChange[]): RevisionChange[] => {
  const today = new Date().toISOString().slice(0, 10);
  return changes.map((c) => ({ ...c, asOf: today }));
};

export type NewRevision = {
  jurisdictionId: number;
  kind: RevisionKind;
  editId?: number;
  revertedToId?: number;
  proposedById?: number | null;
  approvedById?: number | null;
  note?: string;
  changes: RevisionChange[];
};

/** Records a revision of the profile with its changes; returns its id. */
export async function recordRevision(tx: Transaction, revision: NewRevision): Promise<number> {
  const { changes, ...row } = revision;
  const [inserted] = await tx
    .insert(profileRevisions)
    .values(row)
    .returning({ id: profileRevisions.id });
  const id = inserted!.id;
  if (changes.length > 0) {
    await tx.insert(profileRevisionChanges).values(changes.map((c) => ({ ...c, revisionId: id })));
  }
  return id;
}

/**
 * Per field, the newest recorded change at or before a revision (or the
 * newest of all): the profile as that revision left it.
 */
export async function latestChanges(
  tx: Transaction | Database,
  jurisdictionId: number,
  fields: readonly ProfileFieldKey[] = PROFILE_FIELD_KEYS,
  atRevision?: number,
): Promise<RevisionChange[]> {
  const rows = await tx
    .selectDistinctOn([profileRevisionChanges.field], {
      field: profileRevisionChanges.field,
      fromValue: profileRevisionChanges.fromValue,
      fromDetail: profileRevisionChanges.fromDetail,
      toValue: profileRevisionChanges.toValue,
      toDetail: profileRevisionChanges.toDetail,
      sourceUrl: profileRevisionChanges.sourceUrl,
      asOf: profileRevisionChanges.asOf,
    })
    .from(profileRevisionChanges)
    .innerJoin(profileRevisions, eq(profileRevisions.id, profileRevisionChanges.revisionId))
    .where(
      and(
        eq(profileRevisions.jurisdictionId, jurisdictionId),
        inArray(profileRevisionChanges.field, [...fields]),
        atRevision === undefined ? undefined : lte(profileRevisions.id, atRevision),
      ),
    )
    .orderBy(profileRevisionChanges.field, desc(profileRevisions.id));
  return rows as RevisionChange[];
}

/** The changes edits propose, in field order, by edit id. */
export async function changesOfEdits(
  tx: Transaction | Database,
  editIds: number[],
): Promise<Map<number, FieldChange[]>> {
  const byEdit = new Map<number, FieldChange[]>(editIds.map((id) => [id, []]));
  if (editIds.length === 0) return byEdit;
  const rows = await tx
    .select()
    .from(profileEditChanges)
    .where(inArray(profileEditChanges.editId, editIds));
  for (const { editId, ...c } of inFieldOrder(rows)) {
    byEdit.get(editId)?.push({ ...c, field: c.field as ProfileFieldKey });
  }
  return byEdit;
}

/** The changes one edit proposes, in field order. */
export async function changesOf(tx: Transaction | Database, editId: number) {
  return (await changesOfEdits(tx, [editId])).get(editId) ?? [];
}

/** The labels of the fields each revision changed ("Mayor" named by the city's own title). */
export async function fieldLabelsOf(
  db: Database | Transaction,
  revisions: { id: number; leaderTitle: string }[],
): Promise<Map<number, string[]>> {
  if (revisions.length === 0) return new Map();
  const leaderTitle = new Map(revisions.map((r) => [r.id, r.leaderTitle]));
  const rows = await db
    .select({ id: profileRevisionChanges.revisionId, field: profileRevisionChanges.field })
    .from(profileRevisionChanges)
    .where(
      inArray(
        profileRevisionChanges.revisionId,
        revisions.map((r) => r.id),
      ),
    );
  const out = new Map<number, string[]>();
  for (const r of inFieldOrder(rows)) {
    out.set(r.id, [
      ...(out.get(r.id) ?? []),
      profileFieldLabel(r.field as ProfileFieldKey, leaderTitle.get(r.id)),
    ]);
  }
  return out;
}
