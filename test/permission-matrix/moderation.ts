// Rows: the review queue (claim, decide), taking published updates down or
// back, and reverting a city's profile. Moderators and admins only, never on
// their own submissions.
import { expect } from "vitest";
import { revertAction } from "@/app/(public)/cities/[slug]/history/actions";
import { claimAction, decideAction, visibilityAction } from "@/app/(app)/moderation/actions";
import { decideSubmission } from "@/lib/dal/moderation/decisions";
import { proposeEdit } from "@/lib/dal/submissions/profile-edits";
import {
  citySnapshot,
  createTestCity,
  currentFields,
  editInput,
  latestRevisionIdOf,
  pendingEdit,
  revisionsOf,
} from "@/test/edits";
import { submitForm } from "@/test/forms";
import { actAs, createTestUser, unique } from "@/test/users";
import { row, sharedCity, signedIn, updateBy, updateState, type AnySpec } from "./kit";
import { editState } from "./submissions";

const MODERATION = "app/(app)/moderation/actions.ts";
const OWN = { formError: "You cannot decide on your own submission." };

/** Who may moderate: moderators and admins; the author (a moderator) not on their own work. */
const moderatorsOnly = (author: "ok" | { formError: string }) =>
  ({
    anonymous: "unauthenticated",
    resident: "forbidden",
    banned: "banned",
    author,
    moderator: "ok",
    admin: "ok",
  }) as const;

export const MODERATION_ROWS: AnySpec[] = [
  row({
    endpoint: { file: MODERATION, name: "claimAction" },
    fn: claimAction,
    authorRole: "moderator",
    bannedAs: "moderator",
    setup: async (c) => ({ id: await updateBy(c.author) }),
    call: (fx, _c, extra) => submitForm(claimAction, { type: "update", id: fx.id, ...extra }),
    state: (fx) => updateState(fx.id),
    wrote({ after, c }) {
      expect(after.row).toMatchObject({ status: "pending", claimedById: signedIn(c).id });
      expect(after.audit.map((a) => [a.action, a.actorId])).toEqual([
        ["update.claim", signedIn(c).id],
      ]);
    },
    expect: moderatorsOnly(OWN),
  }),

  row({
    endpoint: { file: MODERATION, name: "decideAction" },
    variant: "approve an update",
    fn: decideAction,
    authorRole: "moderator",
    bannedAs: "moderator",
    setup: async (c) => ({ id: await updateBy(c.author) }),
    call: (fx, _c, extra) =>
      submitForm(decideAction, {
        type: "update",
        id: fx.id,
        version: 1,
        decision: "approve",
        ...extra,
      }),
    state: (fx) => updateState(fx.id),
    wrote({ after, c }) {
      expect(after.row).toMatchObject({ status: "approved", decidedById: signedIn(c).id });
      expect(after.audit.map((a) => [a.action, a.actorId])).toEqual([
        ["update.approve", signedIn(c).id],
      ]);
    },
    expect: moderatorsOnly(OWN),
  }),

  row({
    endpoint: { file: MODERATION, name: "decideAction" },
    variant: "reject an edit",
    fn: decideAction,
    authorRole: "moderator",
    bannedAs: "moderator",
    setup: async (c) => ({ id: await pendingEdit((await sharedCity()).id, c.author) }),
    call: (fx, _c, extra) =>
      submitForm(decideAction, {
        type: "edit",
        id: fx.id,
        version: 1,
        decision: "reject",
        reason: "No reliable source",
        ...extra,
      }),
    state: (fx) => editState(fx.id),
    wrote({ after, c }) {
      expect(after.row).toMatchObject({
        status: "rejected",
        decidedById: signedIn(c).id,
        decisionReason: "No reliable source",
      });
      expect(after.audit.map((a) => a.action)).toEqual(["edit.reject"]);
    },
    expect: moderatorsOnly(OWN),
  }),

  row({
    endpoint: { file: MODERATION, name: "visibilityAction" },
    variant: "hide",
    fn: visibilityAction,
    // taking one's own update down is allowed: it publishes nothing
    authorRole: "moderator",
    bannedAs: "moderator",
    setup: async (c) => ({ id: await updateBy(c.author, "approved") }),
    call: (fx, _c, extra) =>
      submitForm(visibilityAction, { id: fx.id, action: "hide", reason: "Wrong city", ...extra }),
    state: (fx) => updateState(fx.id),
    wrote({ after, c }) {
      expect(after.row).toMatchObject({ status: "hidden", hiddenReason: "Wrong city" });
      expect(after.audit.map((a) => [a.action, a.actorId])).toEqual([
        ["update.hide", signedIn(c).id],
      ]);
    },
    expect: moderatorsOnly("ok"),
  }),

  row({
    endpoint: { file: MODERATION, name: "visibilityAction" },
    variant: "restore",
    fn: visibilityAction,
    authorRole: "moderator",
    bannedAs: "moderator",
    setup: async (c) => ({ id: await updateBy(c.author, "hidden") }),
    call: (fx, _c, extra) =>
      submitForm(visibilityAction, {
        id: fx.id,
        action: "restore",
        reason: "Source checked",
        ...extra,
      }),
    state: (fx) => updateState(fx.id),
    wrote({ after }) {
      expect(after.row).toMatchObject({ status: "approved", hiddenReason: null });
      expect(after.audit.map((a) => a.action)).toEqual(["update.restore"]);
    },
    expect: moderatorsOnly({
      formError: "You cannot restore your own update: another moderator must.",
    }),
  }),

  row({
    endpoint: { file: "app/(public)/cities/[slug]/history/actions.ts", name: "revertAction" },
    fn: revertAction,
    bannedAs: "moderator",
    async setup(c) {
      // a city of its own whose profile an approved edit changed after the baseline
      const city = await createTestCity();
      const [baseline] = await revisionsOf(city.id);
      const value = `Changed ${unique()}`;
      actAs(c.author);
      const edit = await proposeEdit(
        city.slug,
        editInput(await currentFields(city.id), { federal_actions: { value } }),
      );
      if (!edit.ok) throw new Error(JSON.stringify(edit));
      actAs(await createTestUser({ role: "moderator" }));
      const decided = await decideSubmission({
        type: "edit",
        id: edit.data.id,
        version: 1,
        decision: "approve",
        reason: "",
      });
      if (!decided.ok) throw new Error(JSON.stringify(decided));
      return {
        city,
        baseline: baseline!.id,
        latest: await latestRevisionIdOf(baseline!.id),
      };
    },
    call: (fx, _c, extra) =>
      submitForm(revertAction, {
        revisionId: fx.baseline,
        latestRevisionId: fx.latest,
        reason: "Vandalism",
        ...extra,
      }),
    state: (fx) => citySnapshot(fx.city.id),
    wrote({ after, before, fx, c, result }) {
      expect(after.revisions).toHaveLength(before.revisions.length + 1);
      const revert = after.revisions.at(-1)!;
      expect(revert).toMatchObject({
        kind: "revert",
        revertedToId: fx.baseline,
        approvedById: signedIn(c).id,
      });
      expect(result).toEqual({ ok: true, data: null });
      expect(after.facts.federal_actions?.value).toBe(
        before.revisions[0]!.changes.find((ch) => ch.field === "federal_actions")?.toValue,
      );
    },
    expect: {
      anonymous: "unauthenticated",
      resident: "forbidden",
      banned: "banned",
      author: "n/a",
      moderator: "ok",
      admin: "ok",
    },
  }),
];
