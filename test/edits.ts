// Profile edits for tests: forms built from the profile as it stands, rows
// inserted straight into the database (fast, any status, any time), and
// snapshots of what the database holds about a city.
import { asc, eq, inArray, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  auditLog,
  jurisdictions,
  policyFacts,
  policyUpdates,
  profileEditChanges,
  profileEdits,
  profileRevisionChanges,
  profileRevisions,
  submissionVersions,
  users,
} from "@/db/schema";
import { SEED_ARTICLE } from "@/db/seed/article";
import { SEED_JURISDICTIONS } from "@/db/seed/jurisdictions";
import { readProfileState } from "@/lib/dal/profile/internal/state";
import { recordBaselines } from "@/db/seed/baselines";
import { POLICY_FIELD_KEYS as POLICY_FIELD_KEYS_ONLY } from "@/lib/policy-fields";
import {
  PROFILE_FIELD_KEYS,
  profileFieldOptions,
  type FieldChange,
  type FieldState,
  type ProfileFieldKey,
} from "@/lib/profile-fields";
import {
  profileEditSchema,
  type ProfileEditForm,
  type ProfileEditInput,
} from "@/lib/validation/profile-edit";
import { createTestUser, unique, type TestUser } from "./users";

export type Fields = Record<ProfileFieldKey, FieldState>;

/** What a person types into one field of the edit form. */
export type Typed = { value?: string; detail?: string; sourceUrl?: string };

export const SOURCE = "https://example.gov/council/minutes";

/** A city's editable fields as the profile holds them now. */
export async function currentFields(cityId: number): Promise<Fields> {
  const state = await readProfileState(await getDb(), cityId);
  return Object.fromEntries(
    PROFILE_FIELD_KEYS.map((k) => [k, state.get(k) ?? { value: "", detail: "", sourceUrl: "" }]),
  ) as Fields;
}

/** The edit form as the browser sends it: every field as shown (`shown`), with `typed` changes. */
export function editForm(
  shown: Fields,
  typed: Partial<Record<ProfileFieldKey, Typed>>,
  note = "",
): ProfileEditForm {
  const fields = Object.fromEntries(
    PROFILE_FIELD_KEYS.map((k) => {
      const t = typed[k];
      return [
        k,
        {
          fromValue: shown[k].value,
          fromDetail: shown[k].detail,
          toValue: t?.value ?? shown[k].value,
          toDetail: t?.detail ?? shown[k].detail,
          sourceUrl: t ? (t.sourceUrl ?? SOURCE) : "",
        },
      ];
    }),
  ) as ProfileEditForm["fields"];
  return { note, fields };
}

/** The form above, parsed as the server action parses it. */
export const editInput = (
  shown: Fields,
  typed: Partial<Record<ProfileFieldKey, Typed>>,
  note = "",
): ProfileEditInput => profileEditSchema.parse(editForm(shown, typed, note));

/** A listed value of an enumerated field other than `current`. */
export function otherOption(field: ProfileFieldKey, current: string, skip = 0): string {
  const options = Object.keys(profileFieldOptions(field) ?? {}).filter((o) => o !== current);
  const option = options[skip % options.length];
  if (!option) throw new Error(`${field} has no other option`);
  return option;
}

/** The changes `typed` makes to `shown`, as the edit records them. */
export const changesFor = (shown: Fields, typed: Partial<Record<ProfileFieldKey, Typed>>) =>
  editInput(shown, typed).changes;

/** A user whose account is two days old, so the tighter new-account submit limit does not apply. */
export async function agedUser(options: Parameters<typeof createTestUser>[0] = {}) {
  const user = await createTestUser(options);
  const db = await getDb();
  await db
    .update(users)
    .set({ createdAt: sql`now() - interval '2 days'` })
    .where(eq(users.id, user.id));
  return user;
}

type NewEdit = Partial<typeof profileEdits.$inferInsert> & {
  jurisdictionId: number;
  authorId: number;
  changes: FieldChange[];
};

/** Inserts edits with their changes (any status, any time); returns their ids in order. */
export async function insertEdits(rows: NewEdit[]): Promise<number[]> {
  const db = await getDb();
  const ids: number[] = [];
  for (const { changes, ...row } of rows) {
    const [edit] = await db.insert(profileEdits).values(row).returning({ id: profileEdits.id });
    if (changes.length > 0) {
      await db.insert(profileEditChanges).values(changes.map((c) => ({ ...c, editId: edit!.id })));
    }
    ids.push(edit!.id);
  }
  return ids;
}

/** A pending edit of one free-text field (`federal_actions`) starting from the profile as it is. */
export async function pendingEdit(
  cityId: number,
  author: Pick<TestUser, "id">,
  toValue = `Federal action ${unique()}`,
): Promise<number> {
  const shown = await currentFields(cityId);
  const changes = changesFor(shown, { federal_actions: { value: toValue } });
  const [id] = await insertEdits([{ jurisdictionId: cityId, authorId: author.id, changes }]);
  return id!;
}

/** The edit's row as the database holds it now. */
export async function editRow(id: number) {
  const db = await getDb();
  const [row] = await db.select().from(profileEdits).where(eq(profileEdits.id, id));
  if (!row) throw new Error(`no edit ${id}`);
  return row;
}

/** The edit's changes, in field order, without the edit id. */
export async function editChanges(id: number): Promise<FieldChange[]> {
  const db = await getDb();
  const rows = await db.select().from(profileEditChanges).where(eq(profileEditChanges.editId, id));
  return sortChanges(rows.map(({ editId, ...c }) => (void editId, c as FieldChange)));
}

const order = (f: string) => PROFILE_FIELD_KEYS.indexOf(f as ProfileFieldKey);
export const sortChanges = <T extends { field: string }>(changes: T[]) =>
  [...changes].sort((a, b) => order(a.field) - order(b.field));

/** Audit rows about these subjects ("edit:3", "update:4", "revision:5"), oldest first. */
export async function auditOf(subjects: string[]) {
  if (subjects.length === 0) return [];
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(inArray(auditLog.subject, subjects))
    .orderBy(asc(auditLog.id));
}

/** A city's revisions, oldest first, each with its changes in field order. */
export async function revisionsOf(cityId: number) {
  const db = await getDb();
  const revisions = await db
    .select()
    .from(profileRevisions)
    .where(eq(profileRevisions.jurisdictionId, cityId))
    .orderBy(asc(profileRevisions.id));
  const changes =
    revisions.length === 0
      ? []
      : await db
          .select()
          .from(profileRevisionChanges)
          .where(
            inArray(
              profileRevisionChanges.revisionId,
              revisions.map((r) => r.id),
            ),
          );
  return revisions.map((r) => ({
    ...r,
    changes: sortChanges(
      changes
        .filter((c) => c.revisionId === r.id)
        .map(({ revisionId, ...c }) => (void revisionId, c as FieldChange)),
    ),
  }));
}

/** The city's policy facts by field, every column. */
export async function factsOf(cityId: number) {
  const db = await getDb();
  const rows = await db.select().from(policyFacts).where(eq(policyFacts.jurisdictionId, cityId));
  return Object.fromEntries(rows.map((r) => [r.field, r]));
}

/** The city's jurisdiction row. */
export async function cityRow(cityId: number) {
  const db = await getDb();
  const [row] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, cityId));
  if (!row) throw new Error(`no city ${cityId}`);
  return row;
}

/**
 * Everything the database holds about a city's profile and its submissions:
 * the jurisdiction row, its facts, revisions, edits (with changes), updates,
 * saved versions and audit rows. Equal snapshots mean nothing was written.
 */
export async function citySnapshot(cityId: number) {
  const db = await getDb();
  const edits = await db
    .select()
    .from(profileEdits)
    .where(eq(profileEdits.jurisdictionId, cityId))
    .orderBy(asc(profileEdits.id));
  const updates = await db
    .select()
    .from(policyUpdates)
    .where(eq(policyUpdates.jurisdictionId, cityId))
    .orderBy(asc(policyUpdates.id));
  const subjects = [
    ...edits.map((e) => `edit:${e.id}`),
    ...updates.map((u) => `update:${u.id}`),
    "none",
  ];
  return {
    city: await cityRow(cityId),
    facts: await factsOf(cityId),
    revisions: await revisionsOf(cityId),
    edits: await Promise.all(edits.map(async (e) => ({ ...e, changes: await editChanges(e.id) }))),
    updates,
    versions: await db
      .select()
      .from(submissionVersions)
      .where(inArray(submissionVersions.subject, subjects))
      .orderBy(asc(submissionVersions.id)),
    audit: await db
      .select()
      .from(auditLog)
      .where(or(eq(auditLog.jurisdictionId, cityId), inArray(auditLog.subject, subjects)))
      .orderBy(asc(auditLog.id)),
  };
}

/** Today's date as the app stamps `as_of` (UTC). */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

/** The newest revision of the city a revision belongs to (what a history page would send). */
export async function latestRevisionIdOf(revisionId: number): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .execute(
      sql`select max(r.id) as id from profile_revisions r
        where r.jurisdiction_id = (select jurisdiction_id from profile_revisions where id = ${revisionId})`,
    )
    .then((r) => (r as unknown as { rows: { id: number | null }[] }).rows);
  return Number(row?.id ?? 1);
}

/**
 * A jurisdiction of this test's own, with Boston's seeded profile and a
 * baseline revision. On Postgres every test file shares one database: a test
 * that counts a city's queue or reverts a city's profile needs a city no
 * other file writes to.
 */
export async function createTestCity(): Promise<{ id: number; slug: string }> {
  const db = await getDb();
  const seed = SEED_JURISDICTIONS.find((j) => j.slug === "boston-ma")!;
  const slug = `test-city-${unique()}`;
  const { facts, ...row } = seed;
  const [city] = await db
    .insert(jurisdictions)
    .values({ ...row, slug, name: `Test City ${slug.slice(-6)}`, state: "ZZ", stateName: "Test" })
    .returning({ id: jurisdictions.id });
  await db
    .insert(policyFacts)
    .values(
      POLICY_FIELD_KEYS_ONLY.map((field) => ({ jurisdictionId: city!.id, field, ...facts[field] })),
    );
  await db.transaction((tx) => recordBaselines(tx, SEED_ARTICLE.sourceUrl, [city!.id]));
  return { id: city!.id, slug };
}
