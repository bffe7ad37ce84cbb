import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { Transaction } from "@/db/open";
import { jurisdictions, profileEditChanges, profileEdits } from "@/db/schema";
import { requireUser, requireVerifiedUser } from "@/lib/auth/current-user";
import type { DalResult, Refusal } from "@/lib/refusals";
import {
  EMPTY_FIELD,
  PROFILE_FIELD_KEYS,
  type FieldChange,
  type FieldState,
  type ProfileFieldKey,
} from "@/lib/profile-fields";
import type { ProfileEditInput } from "@/lib/validation/profile-edit";
import {
  changesOf,
  conflictsOf,
  readProfileState,
  type ProfileState,
} from "@/lib/dal/profile/internal/state";
import {
  beginRevision,
  checkSubmitLimit,
  whyNotRevisable,
} from "@/lib/dal/submissions/internal/lifecycle";
import { cityBySlug } from "@/lib/dal/cities/internal/city";
import { oncePerKey } from "@/lib/dal/internal/once";

export type EditableProfile = {
  slug: string;
  name: string;
  leaderTitle: string;
  fields: Record<ProfileFieldKey, FieldState>;
};

function toRecord(state: ProfileState): Record<ProfileFieldKey, FieldState> {
  return Object.fromEntries(
    PROFILE_FIELD_KEYS.map((k) => [k, state.get(k) ?? EMPTY_FIELD]),
  ) as Record<ProfileFieldKey, FieldState>;
}

/** A city's editable fields as they stand, for the edit form (signed-in people). */
export async function getEditableProfile(slug: string): Promise<EditableProfile | null> {
  await requireUser("read editable profile");
  const db = await getDb();
  const city = await cityBySlug(db, slug);
  if (!city) return null;
  const state = await readProfileState(db, city.id);
  return {
    slug: city.slug,
    name: city.name,
    leaderTitle: city.leaderTitle,
    fields: toRecord(state),
  };
}

/**
 * The fields that changed since the person opened the form, with what they
 * hold now, refused on those fields: an edit must start from the profile as it is.
 */
function staleFields(state: ProfileState, changes: FieldChange[]): Refusal | null {
  const stale = conflictsOf(state, changes);
  if (stale.length === 0) return null;
  return {
    code: "stale_fields",
    fields: stale.map((c) => ({ field: c.field, value: state.get(c.field)?.value ?? "" })),
  };
}

async function insertChanges(tx: Transaction, editId: number, changes: FieldChange[]) {
  await tx.insert(profileEditChanges).values(changes.map((c) => ({ ...c, editId })));
}

/** Sends a proposed profile edit for review; nothing changes until a moderator approves it. */
export async function proposeEdit(
  citySlug: string,
  input: ProfileEditInput,
  idempotencyKey?: string,
): Promise<DalResult<{ id: number }>> {
  const me = await requireVerifiedUser("propose edit");
  const limited = await checkSubmitLimit(me.id);
  if (limited) return { ok: false, refusal: limited };
  const db = await getDb();
  const city = await cityBySlug(db, citySlug);
  if (!city) return { ok: false, refusal: { code: "no_such_city" } };
  const state = await readProfileState(db, city.id);
  const stale = staleFields(state, input.changes);
  if (stale) return { ok: false, refusal: stale };
  // The same form sent again (double click, retry) answers with the first edit.
  const { id } = await oncePerKey(db, { userId: me.id, key: idempotencyKey, kind: "edit" }, (db) =>
    db.transaction(async (tx) => {
      const [edit] = await tx
        .insert(profileEdits)
        .values({ jurisdictionId: city.id, authorId: me.id, note: input.note })
        .returning({ id: profileEdits.id });
      await insertChanges(tx, edit!.id, input.changes);
      return { id: edit!.id };
    }),
  );
  return { ok: true, data: { id } };
}

/** The author's new version of a pending edit, starting again from the profile as it is. */
export async function reviseEdit(
  id: number,
  version: number,
  input: ProfileEditInput,
): Promise<DalResult> {
  const me = await requireUser("revise edit");
  const limited = await checkSubmitLimit(me.id);
  if (limited) return { ok: false, refusal: limited };
  const db = await getDb();
  const ref = { type: "edit", id } as const;
  // Not mine or no longer pending: say so before comparing fields.
  const [edit] = await db
    .select({ jurisdictionId: profileEdits.jurisdictionId, note: profileEdits.note })
    .from(profileEdits)
    .where(
      and(
        eq(profileEdits.id, id),
        eq(profileEdits.authorId, me.id),
        eq(profileEdits.status, "pending"),
      ),
    );
  if (!edit) return { ok: false, refusal: await whyNotRevisable(ref, me.id) };
  const stale = staleFields(await readProfileState(db, edit.jurisdictionId), input.changes);
  if (stale) return { ok: false, refusal: stale };
  const revised = await db.transaction(async (tx) => {
    const snapshot = { note: edit.note, changes: await changesOf(tx, id) };
    if (!(await beginRevision(tx, ref, version, me.id, snapshot))) return false;
    await tx.update(profileEdits).set({ note: input.note }).where(eq(profileEdits.id, id));
    await tx.delete(profileEditChanges).where(eq(profileEditChanges.editId, id));
    await insertChanges(tx, id, input.changes);
    return true;
  });
  return revised
    ? { ok: true, data: null }
    : { ok: false, refusal: await whyNotRevisable(ref, me.id) };
}

/** My pending edit for the revise form: the profile as it is, with my proposals on top. */
export async function getMyPendingEdit(id: number): Promise<
  | (EditableProfile & {
      version: number;
      note: string;
      proposed: Partial<Record<ProfileFieldKey, FieldChange>>;
    })
  | null
> {
  const me = await requireUser("read own submission");
  const db = await getDb();
  const [edit] = await db
    .select({
      jurisdictionId: profileEdits.jurisdictionId,
      note: profileEdits.note,
      version: profileEdits.version,
      slug: jurisdictions.slug,
    })
    .from(profileEdits)
    .innerJoin(jurisdictions, eq(jurisdictions.id, profileEdits.jurisdictionId))
    .where(
      and(
        eq(profileEdits.id, id),
        eq(profileEdits.authorId, me.id),
        eq(profileEdits.status, "pending"),
      ),
    );
  if (!edit) return null;
  const profile = await getEditableProfile(edit.slug);
  if (!profile) return null;
  const changes = await changesOf(db, id);
  return {
    ...profile,
    version: edit.version,
    note: edit.note,
    proposed: Object.fromEntries(changes.map((c) => [c.field, c])),
  };
}
