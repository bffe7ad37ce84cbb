import { revalidateTag } from "next/cache";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { profileEdits } from "@/db/schema";
import type { AuthErrorCode } from "@/lib/auth/current-user";
import {
  agedUser,
  citySnapshot,
  currentFields,
  editInput,
  editRow,
  factsOf,
  pendingEdit,
  revisionsOf,
  SOURCE,
  latestRevisionIdOf,
} from "@/test/edits";
import { cityIdOf, insertUpdates, submission, updateRow } from "@/test/updates";
import { actAs, createTestUser, expectAuthError, unique, type TestUser } from "@/test/users";
import { claimSubmission, decideSubmission } from "@/lib/dal/moderation/decisions";
import { getEditReview } from "@/lib/dal/moderation/review";
import { getEditableProfile, getMyPendingEdit, proposeEdit, reviseEdit } from "./profile-edits";
import { revertProfile } from "@/lib/dal/profile/history";
import { withdrawSubmission } from "./my-submissions";
import { getMyPendingUpdate, reviseUpdate } from "./updates";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

// Every rule of the profile-edit feature, called directly as the wrong person:
// each call is refused (an AuthError, or a result with ok: false) and the
// database holds exactly what it held before.
const CITY = "oakland-ca";
let cityId: number;
let baselineId: number;
let mod: TestUser;

beforeAll(async () => {
  await getDb();
  cityId = await cityIdOf(CITY);
  mod = await createTestUser({ role: "moderator" });
  // One approved edit, so a revert to the baseline would change the profile.
  const author = await agedUser();
  const id = await pendingEdit(cityId, author, "Approved before the tests");
  actAs(mod);
  expect(
    await decideSubmission({ type: "edit", id, version: 1, decision: "approve", reason: "" }),
  ).toEqual({
    ok: true,
    data: null,
  });
  baselineId = (await revisionsOf(cityId))[0]!.id;
});
beforeEach(() => vi.mocked(revalidateTag).mockClear());

/** A pending edit and a pending update by `author`. */
async function itemsBy(author: { id: number }) {
  const edit = await pendingEdit(cityId, author);
  const [update] = await insertUpdates([
    { jurisdictionId: cityId, authorId: author.id, title: `Perm ${unique()}` },
  ]);
  return { edit, update: update! };
}

type Items = { edit: number; update: number };
type Call = { name: string; run: (items: Items) => Promise<unknown> };

const editFor = async (text: string) =>
  editInput(await currentFields(cityId), { federal_actions: { value: text } });
const revisedUpdate = { ...submission("A revised title"), sourceUrl: SOURCE };

/** What an author does with their own submissions. */
const AUTHOR_CALLS: Call[] = [
  { name: "proposeEdit", run: async () => proposeEdit(CITY, await editFor("Proposed")) },
  { name: "reviseEdit", run: async (i) => reviseEdit(i.edit, 1, await editFor("Revised")) },
  { name: "reviseUpdate", run: (i) => reviseUpdate(i.update, 1, revisedUpdate) },
  {
    name: "withdrawSubmission(edit)",
    run: (i) => withdrawSubmission({ type: "edit", id: i.edit }),
  },
  {
    name: "withdrawSubmission(update)",
    run: (i) => withdrawSubmission({ type: "update", id: i.update }),
  },
  { name: "getMyPendingEdit", run: (i) => getMyPendingEdit(i.edit) },
  { name: "getMyPendingUpdate", run: (i) => getMyPendingUpdate(i.update) },
  { name: "getEditableProfile", run: () => getEditableProfile(CITY) },
];

/** What only a moderator or admin may do. */
const MODERATOR_CALLS: Call[] = [
  { name: "getEditReview", run: (i) => getEditReview(i.edit) },
  { name: "claimSubmission(edit)", run: (i) => claimSubmission({ type: "edit", id: i.edit }) },
  {
    name: "decideSubmission(edit, approve)",
    run: (i) =>
      decideSubmission({ type: "edit", id: i.edit, version: 1, decision: "approve", reason: "" }),
  },
  {
    name: "decideSubmission(edit, reject)",
    run: (i) =>
      decideSubmission({
        type: "edit",
        id: i.edit,
        version: 1,
        decision: "reject",
        reason: "No reliable source",
      }),
  },
  {
    name: "revertProfile",
    run: async () =>
      revertProfile({
        revisionId: baselineId,
        latestRevisionId: await latestRevisionIdOf(baselineId),
        reason: "Put it back",
      }),
  },
];

/**
 * Callers refused by the session check alone. `user` is who the session
 * names; the author calls act on that person's own items, so only the ban
 * (or the missing session) stands in the way.
 */
const CALLERS: {
  name: string;
  code: AuthErrorCode;
  user: () => Promise<TestUser | null>;
  session?: (u: TestUser) => TestUser;
}[] = [
  { name: "anonymous", code: "unauthenticated", user: async () => null },
  { name: "a banned resident", code: "banned", user: () => agedUser({ banned: true }) },
  {
    name: "a banned moderator",
    code: "banned",
    user: () => agedUser({ role: "moderator", banned: true }),
  },
  {
    name: "an admin with a stale session",
    code: "session_expired",
    user: () => agedUser({ role: "admin" }),
    session: (u) => ({ ...u, sessionVersion: u.sessionVersion + 1 }),
  },
];

async function expectUnchanged(before: Awaited<ReturnType<typeof citySnapshot>>) {
  expect(await citySnapshot(cityId)).toEqual(before);
  expect(revalidateTag).not.toHaveBeenCalled();
}

describe("refused by the session: anonymous, banned, stale", () => {
  for (const caller of CALLERS) {
    for (const call of [...AUTHOR_CALLS, ...MODERATOR_CALLS]) {
      const isAuthorCall = AUTHOR_CALLS.includes(call);
      it(`${caller.name}: ${call.name} → ${caller.code}, nothing changes`, async () => {
        const user = await caller.user();
        // Author calls act on the caller's own items; moderator calls on someone else's.
        const owner = isAuthorCall && user ? user : await agedUser();
        const items = await itemsBy(owner);
        const before = await citySnapshot(cityId);
        actAs(user && (caller.session?.(user) ?? user));
        await expectAuthError(call.run(items), caller.code);
        await expectUnchanged(before);
      });
    }
  }
});

describe("refused by role: a resident calling moderator functions", () => {
  for (const call of MODERATOR_CALLS) {
    it(`a resident: ${call.name} → forbidden, nothing changes`, async () => {
      const items = await itemsBy(await agedUser());
      const before = await citySnapshot(cityId);
      actAs(await agedUser());
      await expectAuthError(call.run(items), "forbidden");
      await expectUnchanged(before);
    });
  }
});

describe("refused by ownership", () => {
  for (const role of ["resident", "moderator", "admin"] as const) {
    it(`a ${role} cannot revise, withdraw or open someone else's submission`, async () => {
      const items = await itemsBy(await agedUser());
      const before = await citySnapshot(cityId);
      actAs(await agedUser({ role }));
      const notYours = { ok: false, refusal: { code: "no_such_submission_of_yours" } };
      expect(await reviseEdit(items.edit, 1, await editFor("Hijacked"))).toEqual(notYours);
      expect(await reviseUpdate(items.update, 1, revisedUpdate)).toEqual(notYours);
      expect(await withdrawSubmission({ type: "edit", id: items.edit })).toEqual(notYours);
      expect(await withdrawSubmission({ type: "update", id: items.update })).toEqual(notYours);
      expect(await getMyPendingEdit(items.edit)).toBeNull();
      expect(await getMyPendingUpdate(items.update)).toBeNull();
      await expectUnchanged(before);
    });
  }

  for (const role of ["moderator", "admin"] as const) {
    it(`a ${role} cannot claim, approve or reject their own edit`, async () => {
      const me = await agedUser({ role });
      const items = await itemsBy(me);
      const before = await citySnapshot(cityId);
      actAs(me);
      const own = { ok: false, refusal: { code: "own_submission" } };
      expect(await claimSubmission({ type: "edit", id: items.edit })).toEqual(own);
      for (const decision of ["approve", "reject"] as const) {
        expect(
          await decideSubmission({
            type: "edit",
            id: items.edit,
            version: 1,
            decision,
            reason: "Looks right",
          }),
        ).toEqual(own);
      }
      expect(await getEditReview(items.edit)).toMatchObject({ isMine: true, status: "pending" });
      await expectUnchanged(before);
      expect(await editRow(items.edit)).toMatchObject({
        status: "pending",
        claimedById: null,
        decidedById: null,
      });
    });
  }
});

describe("the right person is let through (so the refusals above mean something)", () => {
  it("the author revises and withdraws; another moderator claims and approves; a moderator reverts", async () => {
    const author = await agedUser();
    const items = await itemsBy(author);
    actAs(author);
    expect(await getEditableProfile(CITY)).toMatchObject({ slug: CITY });
    expect(await getMyPendingEdit(items.edit)).toMatchObject({ version: 1 });
    expect(await getMyPendingUpdate(items.update)).toMatchObject({ version: 1 });
    expect(await reviseEdit(items.edit, 1, await editFor("Revised by the author"))).toEqual({
      ok: true,
      data: null,
    });
    expect(await reviseUpdate(items.update, 1, revisedUpdate)).toEqual({ ok: true, data: null });
    expect(await withdrawSubmission({ type: "update", id: items.update })).toEqual({
      ok: true,
      data: null,
    });
    expect(await updateRow(items.update)).toMatchObject({
      version: 2,
      status: "withdrawn",
      title: "A revised title",
    });

    actAs(mod);
    expect(await getEditReview(items.edit)).toMatchObject({ version: 2, isMine: false });
    expect(await claimSubmission({ type: "edit", id: items.edit })).toEqual({
      ok: true,
      data: null,
    });
    expect(
      await decideSubmission({
        type: "edit",
        id: items.edit,
        version: 2,
        decision: "approve",
        reason: "",
      }),
    ).toEqual({ ok: true, data: null });
    expect((await factsOf(cityId)).federal_actions?.value).toBe("Revised by the author");
    expect(
      await revertProfile({
        revisionId: baselineId,
        latestRevisionId: await latestRevisionIdOf(baselineId),
        reason: "Put it back",
      }),
    ).toMatchObject({
      ok: true,
    });
    expect((await factsOf(cityId)).federal_actions?.value).not.toBe("Revised by the author");
    expect(await proposeEdit(CITY, await editFor("Proposed by a moderator"))).toMatchObject({
      ok: true,
    });
  });
});

describe("one submission per form", () => {
  it("four concurrent sends with one key make one edit", async () => {
    const author = await agedUser();
    actAs(author);
    const note = `Sent four times ${unique()}`;
    const input = editInput(
      await currentFields(cityId),
      { federal_actions: { value: note } },
      note,
    );
    const key = `key-${unique()}-0123456789`;
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => proposeEdit(CITY, input, key)),
    );
    const db = await getDb();
    const noted = () => db.select().from(profileEdits).where(eq(profileEdits.note, note));
    const rows = await noted();
    expect(rows).toHaveLength(1);
    expect(answers).toEqual(Array(4).fill({ ok: true, data: { id: rows[0]!.id } }));

    // Another form (another key) is another edit.
    expect(await proposeEdit(CITY, input, `other-${key}`)).toMatchObject({ ok: true });
    expect(await noted()).toHaveLength(2);
  });
});
