// Rows: what residents send for review (updates and profile edits), and what
// an author may do with their own pending work.
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { proposeEditAction } from "@/app/(app)/cities/[slug]/edit/actions";
import { submitUpdateAction } from "@/app/(app)/cities/[slug]/updates/new/actions";
import {
  reviseEditAction,
  reviseUpdateAction,
  withdrawAction,
} from "@/app/(app)/me/submissions/actions";
import { getDb } from "@/db/client";
import { policyUpdates, profileEdits } from "@/db/schema";
import { auditOf, currentFields, editChanges, editForm, editRow, pendingEdit } from "@/test/edits";
import { submission } from "@/test/updates";
import { dottedFields, submitForm } from "@/test/forms";
import { unique } from "@/test/users";
import { row, sharedCity, signedIn, updateBy, updateState, type AnySpec } from "./kit";

const NOT_YOURS = { formError: "There is no such submission of yours." };
const SUBMISSIONS = "app/(app)/me/submissions/actions.ts";

/** The edit form with one free-text field changed, from the shared city's profile as it is. */
async function editFormFor(text: string, note = "") {
  const city = await sharedCity();
  return editForm(await currentFields(city.id), { federal_actions: { value: text } }, note);
}

const editState = async (id: number) => ({
  row: await editRow(id),
  changes: await editChanges(id),
  audit: await auditOf([`edit:${id}`]),
});

export const SUBMISSION_ROWS: AnySpec[] = [
  row({
    endpoint: { file: "app/(app)/cities/[slug]/edit/actions.ts", name: "proposeEditAction" },
    fn: proposeEditAction,
    async setup() {
      const note = `Matrix edit ${unique()}`;
      return {
        city: await sharedCity(),
        note,
        form: await editFormFor(`Proposed ${unique()}`, note),
      };
    },
    call: (fx, _c, extra) =>
      submitForm(
        (state, form) => proposeEditAction(fx.city.slug, state, form),
        dottedFields({ ...fx.form, ...extra }),
      ),
    async state(fx) {
      const db = await getDb();
      return db.select().from(profileEdits).where(eq(profileEdits.note, fx.note));
    },
    wrote({ after, fx, c, result }) {
      expect(after).toHaveLength(1);
      expect(after[0]).toMatchObject({
        authorId: signedIn(c).id,
        jurisdictionId: fx.city.id,
        status: "pending",
        version: 1,
      });
      expect(result).toEqual({ ok: true, data: null });
    },
    expect: {
      anonymous: "unauthenticated",
      resident: "ok",
      banned: "banned",
      author: "n/a",
      moderator: "ok",
      admin: "ok",
    },
    extraKeys: ["role", "status", "authorId", "userId", "cityId"],
  }),

  row({
    endpoint: {
      file: "app/(app)/cities/[slug]/updates/new/actions.ts",
      name: "submitUpdateAction",
    },
    fn: submitUpdateAction,
    async setup() {
      return { city: await sharedCity(), title: `Matrix submission ${unique()}` };
    },
    call: (fx, _c, extra) =>
      submitForm((state, form) => submitUpdateAction(fx.city.slug, state, form), {
        ...submission(fx.title),
        ...extra,
      }),
    async state(fx) {
      const db = await getDb();
      return db.select().from(policyUpdates).where(eq(policyUpdates.title, fx.title));
    },
    wrote({ after, fx, c, result }) {
      expect(after).toHaveLength(1);
      expect(after[0]).toMatchObject({
        authorId: signedIn(c).id,
        jurisdictionId: fx.city.id,
        status: "pending",
        decidedById: null,
      });
      expect(result).toEqual({ ok: true, data: null });
    },
    expect: {
      anonymous: "unauthenticated",
      resident: "ok",
      banned: "banned",
      author: "n/a",
      moderator: "ok",
      admin: "ok",
    },
    extraKeys: ["role", "status", "authorId", "userId", "cityId"],
  }),

  row({
    endpoint: { file: SUBMISSIONS, name: "withdrawAction" },
    fn: withdrawAction,
    bannedAs: "author",
    setup: async (c) => ({ id: await updateBy(c.author) }),
    call: (fx, _c, extra) => submitForm(withdrawAction, { type: "update", id: fx.id, ...extra }),
    state: (fx) => updateState(fx.id),
    wrote({ after, c }) {
      expect(after.row).toMatchObject({ status: "withdrawn", authorId: signedIn(c).id });
      expect(after.audit.map((a) => [a.action, a.actorId])).toEqual([
        ["update.withdraw", signedIn(c).id],
      ]);
    },
    expect: {
      anonymous: "unauthenticated",
      resident: NOT_YOURS,
      banned: "banned",
      author: "ok",
      moderator: NOT_YOURS,
      admin: NOT_YOURS,
    },
  }),

  row({
    endpoint: { file: SUBMISSIONS, name: "reviseUpdateAction" },
    fn: reviseUpdateAction,
    bannedAs: "author",
    setup: async (c) => ({ id: await updateBy(c.author), title: `Revised ${unique()}` }),
    call: (fx, _c, extra) =>
      submitForm((state, form) => reviseUpdateAction(fx.id, 1, state, form), {
        ...submission(fx.title),
        ...extra,
      }),
    state: (fx) => updateState(fx.id),
    wrote({ after, fx }) {
      expect(after.row).toMatchObject({ title: fx.title, version: 2, status: "pending" });
      expect(after.audit.map((a) => a.action)).toEqual(["update.revise"]);
    },
    expect: {
      anonymous: "unauthenticated",
      resident: NOT_YOURS,
      banned: "banned",
      author: "ok",
      moderator: NOT_YOURS,
      admin: NOT_YOURS,
    },
  }),

  row({
    endpoint: { file: SUBMISSIONS, name: "reviseEditAction" },
    fn: reviseEditAction,
    bannedAs: "author",
    async setup(c) {
      const city = await sharedCity();
      const text = `Revised ${unique()}`;
      return { id: await pendingEdit(city.id, c.author), text, form: await editFormFor(text) };
    },
    call: (fx, _c, extra) =>
      submitForm(
        (state, form) => reviseEditAction(fx.id, 1, state, form),
        dottedFields({ ...fx.form, ...extra }),
      ),
    state: (fx) => editState(fx.id),
    wrote({ after, fx }) {
      expect(after.row).toMatchObject({ version: 2, status: "pending" });
      expect(after.changes.map((ch) => ch.toValue)).toEqual([fx.text]);
      expect(after.audit.map((a) => a.action)).toEqual(["edit.revise"]);
    },
    expect: {
      anonymous: "unauthenticated",
      resident: NOT_YOURS,
      banned: "banned",
      author: "ok",
      moderator: NOT_YOURS,
      admin: NOT_YOURS,
    },
  }),
];

export { editState };
