import { eq, inArray } from "drizzle-orm";
import fc from "fast-check";
import { revalidateTag } from "next/cache";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import {
  jurisdictionProposals,
  policyUpdates,
  profileEdits,
  submissionVersions,
} from "@/db/schema";
import { SEED_JURISDICTIONS } from "@/db/seed/jurisdictions";
import { profileFieldLabel, type ProfileFieldKey } from "@/lib/profile-fields";
import { profileEditSchema } from "@/lib/validation/profile-edit";
import type { QueueFilter } from "@/lib/validation/moderation";
import {
  agedUser,
  auditOf,
  changesFor,
  citySnapshot,
  cityRow,
  currentFields,
  editChanges,
  editForm,
  editInput,
  editRow,
  factsOf,
  insertEdits,
  otherOption,
  revisionsOf,
  SOURCE,
  todayUtc,
} from "@/test/edits";
import { cityIdOf, insertUpdates, updateRow } from "@/test/updates";
import { actAs, createTestUser, unique, type TestUser } from "@/test/users";
import { getJurisdiction } from "@/lib/dal/cities/jurisdictions";
import { decideSubmission } from "@/lib/dal/moderation/decisions";
import { getEditReview } from "@/lib/dal/moderation/review";
import { listQueue } from "@/lib/dal/moderation/queue";
import { getEditableProfile, getMyPendingEdit, proposeEdit, reviseEdit } from "./profile-edits";
import { listRevisions } from "@/lib/dal/profile/history";
import { listMySubmissions, withdrawSubmission } from "./my-submissions";
import { reviseUpdate } from "./updates";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

// Each city is used by one group of tests only, so their profiles never meet.
const CITY = "seattle-wa";
const CONFLICT_CITY = "milwaukee-county-wi";
const STALE_CITY = "washington-dc";
const REVISE_CITY = "san-francisco-ca";
const QUEUE_CITY = "denver-co";
const PAGE_CITY = "los-angeles-ca";
const MINE_CITY = "philadelphia-pa";

let mod: TestUser;
let admin: TestUser;
beforeAll(async () => {
  await getDb();
  mod = await createTestUser({ role: "moderator" });
  admin = await createTestUser({ role: "admin" });
});
beforeEach(() => vi.mocked(revalidateTag).mockClear());

const decide = (
  id: number,
  options: { version?: number; decision?: "approve" | "reject"; reason?: string } = {},
) =>
  decideSubmission({
    type: "edit",
    id,
    version: options.version ?? 1,
    decision: options.decision ?? "approve",
    reason: options.reason ?? "",
  });
const idOf = (r: { ok: boolean; data?: unknown }) => {
  expect(r).toEqual({ ok: true, data: { id: expect.any(Number) } });
  return (r as { data: { id: number } }).data.id;
};
/** Every item of the queue for `filter`, walking its pages to the end. */
async function wholeQueue(filter: Omit<QueueFilter, "after">) {
  const items = [];
  const pages = [];
  let after: string | undefined;
  do {
    const page = await listQueue({ ...filter, after });
    pages.push(page);
    items.push(...page.items);
    after = page.nextAfter ?? undefined;
  } while (after && pages.length < 100);
  return { items, pages };
}
const withLabels = (leaderTitle: string, fields: ProfileFieldKey[]) =>
  `Profile edit: ${fields.map((f) => profileFieldLabel(f, leaderTitle)).join(", ")}`;

describe("proposing an edit", () => {
  it("records each change with its from-value and source, and changes nothing public", async () => {
    const cityId = await cityIdOf(CITY);
    const author = await agedUser();
    actAs(author);
    const profile = await getEditableProfile(CITY);
    const shown = await currentFields(cityId);
    const city = await cityRow(cityId);
    expect(profile).toEqual({
      slug: CITY,
      name: city.name,
      leaderTitle: city.leaderTitle,
      fields: shown,
    });
    expect(shown.leader.value).toBe(city.leaderName);

    const newStatus = otherOption("sanctuary_status", shown.sanctuary_status.value);
    const input = editInput(
      profile!.fields,
      {
        sanctuary_status: {
          value: ` ${newStatus} `,
          detail: "  The council repealed the policy.  ",
          sourceUrl: " https://seattle.example.gov/ord/1 ",
        },
        leader: { value: "Jane Q. Public" },
      },
      "  Per the council minutes of 3 May.  ",
    );
    const before = await citySnapshot(cityId);
    const id = idOf(await proposeEdit(CITY, input));

    expect(await editRow(id)).toMatchObject({
      jurisdictionId: cityId,
      authorId: author.id,
      note: "Per the council minutes of 3 May.",
      status: "pending",
      version: 1,
      claimedById: null,
      decidedById: null,
      decidedAt: null,
    });
    expect(await editChanges(id)).toEqual([
      {
        field: "sanctuary_status",
        fromValue: shown.sanctuary_status.value,
        fromDetail: shown.sanctuary_status.detail,
        toValue: newStatus,
        toDetail: "The council repealed the policy.",
        sourceUrl: "https://seattle.example.gov/ord/1",
      },
      {
        field: "leader",
        fromValue: city.leaderName,
        fromDetail: "",
        toValue: "Jane Q. Public",
        toDetail: "",
        sourceUrl: SOURCE,
      },
    ]);
    // The profile, its history and its audit trail are as they were.
    const after = await citySnapshot(cityId);
    expect({ ...after, edits: [] }).toEqual({ ...before, edits: [] });
    expect(after.edits.map((e) => e.id)).toEqual([...before.edits.map((e) => e.id), id]);
    const published = await getJurisdiction(CITY);
    expect(published?.leaderName).toBe(city.leaderName);
    expect(published?.facts.find((f) => f.field === "sanctuary_status")?.value).toBe(
      shown.sanctuary_status.value,
    );
    expect((await listRevisions(CITY))?.revisions.map((r) => r.kind)).not.toContain("edit");
    expect(revalidateTag).not.toHaveBeenCalled();

    // The author can open it again to revise it.
    expect(await getMyPendingEdit(id)).toMatchObject({
      slug: CITY,
      version: 1,
      note: "Per the council minutes of 3 May.",
      fields: shown,
      proposed: {
        sanctuary_status: { toValue: newStatus },
        leader: { toValue: "Jane Q. Public" },
      },
    });
    expect(Object.keys((await getMyPendingEdit(id))!.proposed).sort()).toEqual([
      "leader",
      "sanctuary_status",
    ]);
  });

  it("refuses an unknown city and stores nothing", async () => {
    const author = await agedUser();
    actAs(author);
    const shown = await currentFields(await cityIdOf(CITY));
    const input = editInput(shown, { leader: { value: "Nobody Real" } });
    expect(await proposeEdit("atlantis-zz", input)).toEqual({
      ok: false,
      refusal: { code: "no_such_city" },
    });
    expect(await getEditableProfile("atlantis-zz")).toBeNull();
    const db = await getDb();
    expect(
      await db.select().from(profileEdits).where(eq(profileEdits.authorId, author.id)),
    ).toEqual([]);
  });

  it("an untouched form of every seeded city counts as unchanged", async () => {
    actAs(await agedUser());
    for (const seeded of SEED_JURISDICTIONS) {
      const profile = await getEditableProfile(seeded.slug);
      expect(profile, seeded.slug).not.toBeNull();
      const parsed = profileEditSchema.safeParse(editForm(profile!.fields, {}));
      // One form-level issue ([] or react-hook-form's "root"), on no field.
      expect(parsed.error?.issues, seeded.slug).toMatchObject([
        { message: "Change at least one field before sending." },
      ]);
      expect([[], ["root"]], seeded.slug).toContainEqual(parsed.error?.issues[0]?.path);
    }
  });

  it("refuses a change that starts from a stale value, with an error on that field", async () => {
    const cityId = await cityIdOf(STALE_CITY);
    const [author, other] = [await agedUser(), await agedUser()];
    const opened = await currentFields(cityId);

    // Someone else's edit changes federal_actions (value) and ice_detainers (detail only).
    actAs(other);
    const first = idOf(
      await proposeEdit(
        STALE_CITY,
        editInput(opened, {
          federal_actions: { value: "A newer federal action" },
          ice_detainers: { detail: "Clarified by the 2018 ordinance." },
        }),
      ),
    );
    actAs(mod);
    expect(await decide(first)).toEqual({ ok: true, data: null });

    actAs(author);
    const before = await citySnapshot(cityId);
    for (const field of ["federal_actions", "ice_detainers"] as const) {
      const typed =
        field === "federal_actions"
          ? { value: "My version of the federal action" }
          : { value: otherOption(field, opened.ice_detainers.value) };
      const result = await proposeEdit(
        STALE_CITY,
        editInput(opened, { [field]: typed, leader: { value: "A. Newmayor" } }),
      );
      expect(result).toEqual({
        ok: false,
        refusal: { code: "stale_fields", fields: [{ field, value: expect.stringMatching(/./) }] },
      });
    }
    expect(await citySnapshot(cityId)).toEqual(before);

    // A field nobody else touched may still be changed from the same old form.
    const ok = await proposeEdit(
      STALE_CITY,
      editInput(opened, { leader: { value: "A. Newmayor" } }),
    );
    expect(ok).toMatchObject({ ok: true });
    expect(await editChanges(idOf(ok))).toMatchObject([
      { field: "leader", fromValue: opened.leader.value, toValue: "A. Newmayor" },
    ]);
  });
});

describe("approving an edit", () => {
  it("applies every change, records an 'edit' revision and one audit row", async () => {
    const cityId = await cityIdOf(CITY);
    const author = await agedUser();
    actAs(author);
    const shown = await currentFields(cityId);
    const newStatus = otherOption("agreement_287g", shown.agreement_287g.value);
    const typed = {
      agreement_287g: {
        value: newStatus,
        detail: "Signed in June.",
        sourceUrl: "https://www.ice.gov/287g/seattle",
      },
      federal_actions: { value: "Lawsuit filed", detail: "", sourceUrl: "https://doj.example/1" },
      leader: { value: "Pat Example", sourceUrl: "https://seattle.example.gov/mayor" },
    };
    const id = idOf(await proposeEdit(CITY, editInput(shown, typed, "Three things changed.")));
    const proposed = await editChanges(id);
    const factsBefore = await factsOf(cityId);
    const revisionsBefore = await revisionsOf(cityId);

    actAs(mod);
    const city = await cityRow(cityId);
    const review = await getEditReview(id);
    expect(review).toMatchObject({
      type: "edit",
      id,
      status: "pending",
      version: 1,
      isMine: false,
      note: "Three things changed.",
      authorName: author.name,
      title: withLabels(city.leaderTitle, ["agreement_287g", "federal_actions", "leader"]),
      earlierVersions: [],
    });
    expect(review?.changes.map((c) => [c.field, c.conflict, c.current?.value])).toEqual([
      ["agreement_287g", false, shown.agreement_287g.value],
      ["federal_actions", false, shown.federal_actions.value],
      ["leader", false, shown.leader.value],
    ]);

    expect(await decide(id)).toEqual({ ok: true, data: null });

    const facts = await factsOf(cityId);
    expect(facts.agreement_287g).toMatchObject({
      value: newStatus,
      detail: "Signed in June.",
      sourceUrl: "https://www.ice.gov/287g/seattle",
      asOf: todayUtc(),
    });
    expect(facts.federal_actions).toMatchObject({
      value: "Lawsuit filed",
      detail: "",
      sourceUrl: "https://doj.example/1",
      asOf: todayUtc(),
    });
    expect((await cityRow(cityId)).leaderName).toBe("Pat Example");
    // Fields the edit does not name keep every column.
    for (const field of ["sanctuary_status", "ice_detainers", "info_sharing", "jail_access"]) {
      expect(facts[field], field).toEqual(factsBefore[field]);
    }
    expect(await editRow(id)).toMatchObject({
      status: "approved",
      decidedById: mod.id,
      decidedAt: expect.any(Date),
      decisionReason: null,
    });

    const revisions = await revisionsOf(cityId);
    expect(revisions.slice(0, -1)).toEqual(revisionsBefore);
    expect(revisions.at(-1)).toMatchObject({
      kind: "edit",
      editId: id,
      proposedById: author.id,
      approvedById: mod.id,
      revertedToId: null,
      note: "Three things changed.",
      changes: proposed,
    });
    expect(
      (await auditOf([`edit:${id}`])).map((r) => [r.action, r.actorId, r.jurisdictionId, r.reason]),
    ).toEqual([["edit.approve", mod.id, cityId, null]]);
    expect(vi.mocked(revalidateTag).mock.calls).toEqual([
      [`jurisdiction:${CITY}`, { expire: 0 }],
      ["jurisdictions", { expire: 0 }],
    ]);

    const published = await getJurisdiction(CITY);
    expect(published?.leaderName).toBe("Pat Example");
    expect(published?.facts.find((f) => f.field === "agreement_287g")).toMatchObject({
      value: newStatus,
      sourceUrl: "https://www.ice.gov/287g/seattle",
    });
    expect((await listRevisions(CITY))?.revisions[0]).toMatchObject({
      kind: "edit",
      proposedBy: author.name,
      approvedBy: mod.name,
      changes: proposed.map((c) => expect.objectContaining(c)),
    });
    expect(await getEditReview(id)).toMatchObject({ status: "approved", decidedBy: mod.name });
    // Deciding it again changes nothing.
    actAs(admin);
    expect(await decide(id)).toEqual({
      ok: false,
      refusal: { code: "already_decided", status: "approved", by: mod.name },
    });
    expect(await auditOf([`edit:${id}`])).toHaveLength(1);
  });

  it("refuses, with 'Not applied', an edit that started from a value changed since", async () => {
    const cityId = await cityIdOf(CONFLICT_CITY);
    const city = await cityRow(cityId);
    const [first, second] = [await agedUser(), await agedUser()];
    const shown = await currentFields(cityId);
    actAs(first);
    const winner = idOf(
      await proposeEdit(CONFLICT_CITY, editInput(shown, { leader: { value: "First Winner" } })),
    );
    actAs(second);
    const newJail = otherOption("jail_access", shown.jail_access.value);
    const loser = idOf(
      await proposeEdit(
        CONFLICT_CITY,
        editInput(shown, {
          leader: { value: "Second Loser" },
          jail_access: { value: newJail, detail: "Closed to ICE." },
        }),
      ),
    );

    actAs(mod);
    expect(await decide(winner)).toEqual({ ok: true, data: null });
    const review = await getEditReview(loser);
    expect(review?.changes.map((c) => [c.field, c.conflict])).toEqual([
      ["jail_access", false],
      ["leader", true],
    ]);
    expect(review?.changes.find((c) => c.field === "leader")).toMatchObject({
      fromValue: shown.leader.value,
      current: { value: "First Winner" },
      currentLabel: "First Winner",
    });

    vi.mocked(revalidateTag).mockClear();
    const before = await citySnapshot(cityId);
    expect(await decide(loser)).toEqual({
      ok: false,
      refusal: { code: "edit_conflict", fields: ["leader"], leaderTitle: city.leaderTitle },
    });
    expect(profileFieldLabel("leader", city.leaderTitle)).toBe("County Executive");
    // Nothing was written: not even the change that did not conflict.
    expect(await citySnapshot(cityId)).toEqual(before);
    expect((await cityRow(cityId)).leaderName).toBe("First Winner");
    expect((await factsOf(cityId)).jail_access?.value).toBe(shown.jail_access.value);
    expect(await editRow(loser)).toMatchObject({
      status: "pending",
      version: 1,
      decidedById: null,
      decidedAt: null,
    });
    expect((await revisionsOf(cityId)).filter((r) => r.editId === loser)).toEqual([]);
    expect(await auditOf([`edit:${loser}`])).toEqual([]);
    expect(revalidateTag).not.toHaveBeenCalled();

    // The moderator rejects it instead, and the author sees why.
    const reason = "Conflicts with a newer change to the profile";
    expect(await decide(loser, { decision: "reject", reason })).toEqual({ ok: true, data: null });
    expect(await editRow(loser)).toMatchObject({ status: "rejected", decisionReason: reason });
    actAs(second);
    expect(await listMySubmissions()).toMatchObject([
      { type: "edit", id: loser, status: "rejected", decisionReason: reason },
    ]);
  });
});

describe("revising an edit", () => {
  it("bumps the version, keeps the earlier version, replaces the changes", async () => {
    const cityId = await cityIdOf(REVISE_CITY);
    const author = await agedUser();
    actAs(author);
    const shown = await currentFields(cityId);
    const v1 = editInput(
      shown,
      {
        sanctuary_status: { value: otherOption("sanctuary_status", shown.sanctuary_status.value) },
        leader: { value: "Version One" },
      },
      "first try",
    );
    const id = idOf(await proposeEdit(REVISE_CITY, v1));
    const v1Changes = await editChanges(id);

    const newInfo = otherOption("info_sharing", shown.info_sharing.value);
    const v2 = editInput(shown, { info_sharing: { value: newInfo } }, "second try");
    expect(await reviseEdit(id, 1, v2)).toEqual({ ok: true, data: null });
    expect(await editRow(id)).toMatchObject({ version: 2, note: "second try", status: "pending" });
    expect(await editChanges(id)).toEqual(v2.changes);
    const db = await getDb();
    const saved = await db
      .select()
      .from(submissionVersions)
      .where(eq(submissionVersions.subject, `edit:${id}`));
    expect(saved).toMatchObject([
      { version: 1, content: { note: "first try", changes: v1Changes } },
    ]);
    expect((await auditOf([`edit:${id}`])).map((r) => [r.action, r.actorId, r.details])).toEqual([
      ["edit.revise", author.id, "version 2"],
    ]);
    expect(await getMyPendingEdit(id)).toMatchObject({ version: 2, note: "second try" });

    // A second window still on version 1 cannot overwrite version 2.
    const stale = editInput(shown, { leader: { value: "Other Window" } });
    expect(await reviseEdit(id, 1, stale)).toEqual({
      ok: false,
      refusal: { code: "revised_in_another_window" },
    });
    expect(await editRow(id)).toMatchObject({ version: 2, note: "second try" });
    expect(await editChanges(id)).toEqual(v2.changes);

    actAs(mod);
    const review = await getEditReview(id);
    expect(review).toMatchObject({
      version: 2,
      note: "second try",
      earlierVersions: [{ version: 1, content: { note: "first try", changes: v1Changes } }],
    });
    expect(review?.changes.map((c) => c.field)).toEqual(["info_sharing"]);

    // A decision made on version 1 is refused and writes nothing.
    const before = await citySnapshot(cityId);
    for (const decision of ["approve", "reject"] as const) {
      expect(await decide(id, { version: 1, decision, reason: "Not sourced" })).toEqual({
        ok: false,
        refusal: { code: "revised_since_opened", version: 2 },
      });
    }
    expect(await citySnapshot(cityId)).toEqual(before);

    // On version 2 it applies version 2's changes only.
    expect(await decide(id, { version: 2 })).toEqual({ ok: true, data: null });
    const facts = await factsOf(cityId);
    expect(facts.info_sharing?.value).toBe(newInfo);
    expect(facts.sanctuary_status?.value).toBe(shown.sanctuary_status.value);
    expect((await cityRow(cityId)).leaderName).toBe(shown.leader.value);
    expect((await revisionsOf(cityId)).at(-1)).toMatchObject({
      kind: "edit",
      editId: id,
      changes: v2.changes,
    });
    actAs(author);
    expect(await getMyPendingEdit(id)).toBeNull();
  });

  it("refuses a revision that starts from a stale value", async () => {
    const cityId = await cityIdOf(REVISE_CITY);
    const [author, other] = [await agedUser(), await agedUser()];
    const opened = await currentFields(cityId);
    actAs(author);
    const id = idOf(
      await proposeEdit(REVISE_CITY, editInput(opened, { leader: { value: "Mine First" } })),
    );
    actAs(other);
    const theirs = idOf(
      await proposeEdit(
        REVISE_CITY,
        editInput(opened, { federal_actions: { value: "Their federal action" } }),
      ),
    );
    actAs(mod);
    expect(await decide(theirs)).toEqual({ ok: true, data: null });
    actAs(author);
    const before = await citySnapshot(cityId);
    expect(
      await reviseEdit(id, 1, editInput(opened, { federal_actions: { value: "Mine instead" } })),
    ).toEqual({
      ok: false,
      refusal: {
        code: "stale_fields",
        fields: [{ field: "federal_actions", value: "Their federal action" }],
      },
    });
    expect(await citySnapshot(cityId)).toEqual(before);
  });
});

describe("withdrawing and revising are for the author's own pending submissions", () => {
  it("withdraw sets the status and takes the edit out of the queue", async () => {
    const cityId = await cityIdOf(CITY);
    const author = await agedUser();
    actAs(author);
    const shown = await currentFields(cityId);
    const id = idOf(await proposeEdit(CITY, editInput(shown, { leader: { value: "Withdrawn" } })));
    actAs(mod);
    expect((await wholeQueue({ city: CITY })).items.map((i) => [i.type, i.id])).toContainEqual([
      "edit",
      id,
    ]);
    const countBefore = (await listQueue({})).countsByKind.find((k) => k.kind === "profile_edit");

    actAs(author);
    expect(await withdrawSubmission({ type: "edit", id })).toEqual({ ok: true, data: null });
    expect(await editRow(id)).toMatchObject({ status: "withdrawn", claimedById: null });
    expect((await auditOf([`edit:${id}`])).map((r) => [r.action, r.actorId])).toEqual([
      ["edit.withdraw", author.id],
    ]);
    expect(await getMyPendingEdit(id)).toBeNull();
    expect(await withdrawSubmission({ type: "edit", id })).toEqual({
      ok: false,
      refusal: { code: "withdrawn_by_you" },
    });
    expect(await reviseEdit(id, 1, editInput(shown, { leader: { value: "Again" } }))).toEqual({
      ok: false,
      refusal: { code: "withdrawn_by_you" },
    });

    actAs(mod);
    expect((await wholeQueue({ city: CITY })).items.map((i) => [i.type, i.id])).not.toContainEqual([
      "edit",
      id,
    ]);
    const countAfter = (await listQueue({})).countsByKind.find((k) => k.kind === "profile_edit");
    expect((countAfter?.n ?? 0) + 1).toBe(countBefore?.n);
    const before = await citySnapshot(cityId);
    expect(await decide(id)).toEqual({
      ok: false,
      refusal: { code: "withdrawn_by_author" },
    });
    expect(await citySnapshot(cityId)).toEqual(before);
  });

  it("refuses someone else's submission, and a decided one, and writes nothing", async () => {
    const cityId = await cityIdOf(CITY);
    const [author, stranger] = [await agedUser(), await agedUser({ role: "moderator" })];
    const shown = await currentFields(cityId);
    const input = editInput(shown, { federal_actions: { value: "Stranger's version" } });
    const update = {
      title: "A stranger's title",
      summary: "A stranger tries to rewrite someone else's update.",
      sourceUrl: SOURCE,
      effectiveOn: "2017-05-01",
      kind: "statement" as const,
    };
    const [editId, rejectedId, approvedId] = await insertEdits(
      [
        { status: "pending" as const },
        { status: "rejected" as const, decisionReason: "No source" },
        { status: "approved" as const },
      ].map((s) => ({
        jurisdictionId: cityId,
        authorId: author.id,
        changes: changesFor(shown, { leader: { value: `Someone ${unique()}` } }),
        ...s,
      })),
    );
    const [updateId, decidedUpdateId] = await insertUpdates([
      { jurisdictionId: cityId, authorId: author.id, title: `Theirs ${unique()}` },
      {
        jurisdictionId: cityId,
        authorId: author.id,
        title: `Decided ${unique()}`,
        status: "approved",
      },
    ]);
    const before = await citySnapshot(cityId);

    const notYours = { ok: false, refusal: { code: "no_such_submission_of_yours" } };
    actAs(stranger);
    expect(await withdrawSubmission({ type: "edit", id: editId! })).toEqual(notYours);
    expect(await withdrawSubmission({ type: "update", id: updateId! })).toEqual(notYours);
    expect(await reviseEdit(editId!, 1, input)).toEqual(notYours);
    expect(await reviseUpdate(updateId!, 1, update)).toEqual(notYours);
    expect(await getMyPendingEdit(editId!)).toBeNull();
    expect(await reviseEdit(2_147_483_647, 1, input)).toEqual(notYours);
    expect(await withdrawSubmission({ type: "edit", id: 2_147_483_647 })).toEqual(notYours);

    actAs(author);
    for (const [id, status] of [
      [rejectedId!, "rejected"],
      [approvedId!, "approved"],
    ] as const) {
      const decided = { ok: false, refusal: { code: "decided_by_a_moderator", status } };
      expect(await withdrawSubmission({ type: "edit", id })).toEqual(decided);
      expect(await reviseEdit(id, 1, input)).toEqual(decided);
      expect(await getMyPendingEdit(id)).toBeNull();
    }
    const decidedUpdate = {
      ok: false,
      refusal: { code: "decided_by_a_moderator", status: "approved" },
    };
    expect(await withdrawSubmission({ type: "update", id: decidedUpdateId! })).toEqual(
      decidedUpdate,
    );
    expect(await reviseUpdate(decidedUpdateId!, 1, update)).toEqual(decidedUpdate);

    expect(await citySnapshot(cityId)).toEqual(before);
    expect(await updateRow(updateId!)).toMatchObject({ status: "pending", version: 1 });
  });
});

describe("the review queue", () => {
  it("merges updates and edits oldest first, with counts that include profile edits", async () => {
    const cityId = await cityIdOf(QUEUE_CITY);
    const city = await cityRow(cityId);
    const [author, other] = [await createTestUser(), await createTestUser()];
    const shown = await currentFields(cityId);
    const at = (s: number) => new Date(Date.UTC(2001, 0, 1, 0, 0, s));
    const [u1, u2] = await insertUpdates([
      { jurisdictionId: cityId, authorId: author.id, title: `Q1 ${unique()}`, createdAt: at(0) },
      {
        jurisdictionId: cityId,
        authorId: other.id,
        title: `Q3 ${unique()}`,
        createdAt: at(2),
        kind: "court_ruling",
      },
    ]);
    const [e1, e2] = await insertEdits([
      {
        jurisdictionId: cityId,
        authorId: other.id,
        createdAt: at(1),
        changes: changesFor(shown, {
          leader: { value: "Queue Leader" },
          sanctuary_status: {
            value: otherOption("sanctuary_status", shown.sanctuary_status.value),
          },
        }),
      },
      {
        jurisdictionId: cityId,
        authorId: author.id,
        createdAt: at(3),
        changes: changesFor(shown, { federal_actions: { value: "Queued action" } }),
      },
    ]);
    // Decided and withdrawn ones are not in the queue.
    await insertEdits(
      (["approved", "rejected", "withdrawn"] as const).map((status) => ({
        jurisdictionId: cityId,
        authorId: author.id,
        status,
        changes: changesFor(shown, { leader: { value: `Gone ${status}` } }),
      })),
    );

    actAs(mod);
    const queue = await listQueue({ city: QUEUE_CITY });
    expect(queue.nextAfter).toBeNull();
    expect(queue.items.map((i) => [i.type, i.id, i.kind, i.title, i.authorName])).toEqual([
      ["update", u1, "ordinance", expect.stringMatching(/^Q1 /), author.name],
      [
        "edit",
        e1,
        "profile_edit",
        withLabels(city.leaderTitle, ["sanctuary_status", "leader"]),
        other.name,
      ],
      ["update", u2, "court_ruling", expect.stringMatching(/^Q3 /), other.name],
      ["edit", e2, "profile_edit", withLabels(city.leaderTitle, ["federal_actions"]), author.name],
    ]);
    expect(queue.items.map((i) => i.submittedAt)).toEqual(
      [0, 1, 2, 3].map((s) => at(s).toISOString()),
    );
    expect(queue.cityOptions.find((c) => c.slug === QUEUE_CITY)).toEqual({
      slug: QUEUE_CITY,
      name: city.name,
      n: 4,
    });

    // The counts agree with the database.
    const db = await getDb();
    const pendingEdits = await db
      .select({ id: profileEdits.id })
      .from(profileEdits)
      .where(eq(profileEdits.status, "pending"));
    const pendingUpdates = await db
      .select({ kind: policyUpdates.kind })
      .from(policyUpdates)
      .where(eq(policyUpdates.status, "pending"));
    expect(queue.countsByKind.find((k) => k.kind === "profile_edit")?.n).toBe(pendingEdits.length);
    expect(queue.countsByKind.find((k) => k.kind === "court_ruling")?.n).toBe(
      pendingUpdates.filter((u) => u.kind === "court_ruling").length,
    );
    // (and the places other files propose, on a shared Postgres database)
    const pendingProposals = await db
      .select({ id: jurisdictionProposals.id })
      .from(jurisdictionProposals)
      .where(eq(jurisdictionProposals.status, "pending"));
    expect(queue.total).toBe(pendingEdits.length + pendingUpdates.length + pendingProposals.length);

    // Filtering by kind.
    const edits = await listQueue({ city: QUEUE_CITY, kind: "profile_edit" });
    expect(edits.items.map((i) => [i.type, i.id])).toEqual([
      ["edit", e1],
      ["edit", e2],
    ]);
    const rulings = await listQueue({ city: QUEUE_CITY, kind: "court_ruling" });
    expect(rulings.items.map((i) => [i.type, i.id])).toEqual([["update", u2]]);
  });

  it("paginating returns every pending item exactly once, oldest first", async () => {
    const cityId = await cityIdOf(PAGE_CITY);
    const author = await createTestUser();
    const shown = await currentFields(cityId);
    const changes = changesFor(shown, { federal_actions: { value: "Paged action" } });
    const db = await getDb();
    // Two lists of creation times (seconds after a fixed moment); ties are allowed,
    // within a list and across the two.
    const times = fc
      .array(fc.integer({ min: 0, max: 40 }), { minLength: 21, maxLength: 32 })
      .map((a) => a.sort((x, y) => x - y));
    await fc.assert(
      fc.asyncProperty(times, times, fc.nat(4), async (updateTimes, editTimes, extra) => {
        const at = (s: number) => new Date(Date.UTC(2002, 0, 1, 0, 0, s));
        const tag = unique();
        const updateIds = await insertUpdates(
          updateTimes.map((s, i) => ({
            jurisdictionId: cityId,
            authorId: author.id,
            title: `Page ${tag} ${i}`,
            createdAt: at(s),
          })),
        );
        const editIds = await insertEdits(
          editTimes.map((s) => ({
            jurisdictionId: cityId,
            authorId: author.id,
            createdAt: at(s),
            changes,
          })),
        );
        // A few decided ones that must not show up.
        const goneIds = await insertEdits(
          Array.from({ length: extra }, (_, i) => ({
            jurisdictionId: cityId,
            authorId: author.id,
            createdAt: at(i),
            status: "rejected" as const,
            changes,
          })),
        );
        actAs(mod);
        const { items, pages } = await wholeQueue({ city: PAGE_CITY });
        const seen = items.map((i) => `${i.type}:${i.id}`);
        expect(new Set(seen).size, "no item twice").toBe(seen.length);
        expect([...seen].sort()).toEqual(
          [...updateIds.map((id) => `update:${id}`), ...editIds.map((id) => `edit:${id}`)].sort(),
        );
        for (const id of goneIds) expect(seen).not.toContain(`edit:${id}`);
        const stamps = items.map((i) => i.submittedAt);
        expect(stamps).toEqual([...stamps].sort());
        for (const page of pages) expect(page.items.length).toBeLessThanOrEqual(20);
        expect(pages.at(-1)?.nextAfter).toBeNull();
        expect(pages).toHaveLength(Math.ceil(items.length / 20));

        const onlyEdits = await wholeQueue({ city: PAGE_CITY, kind: "profile_edit" });
        expect(onlyEdits.items.map((i) => i.id)).toEqual(editIds);

        // Leave the city's queue empty for the next run.
        await db
          .update(policyUpdates)
          .set({ status: "rejected" })
          .where(inArray(policyUpdates.id, updateIds));
        await db
          .update(profileEdits)
          .set({ status: "rejected" })
          .where(inArray(profileEdits.id, editIds));
      }),
      {
        numRuns: 8,
        examples: [
          // Every edit older than every update, then the reverse, then all at once.
          [Array.from({ length: 25 }, () => 30), Array.from({ length: 25 }, (_, i) => i), 0],
          [Array.from({ length: 25 }, (_, i) => i), Array.from({ length: 25 }, () => 30), 1],
          [Array.from({ length: 21 }, () => 5), Array.from({ length: 21 }, () => 5), 2],
        ],
      },
    );
  });
});

describe("my submissions", () => {
  it("lists my updates and edits, newest first, with status and the moderator's reason", async () => {
    const cityId = await cityIdOf(MINE_CITY);
    const city = await cityRow(cityId);
    const [me, someoneElse] = [await createTestUser(), await createTestUser()];
    const shown = await currentFields(cityId);
    const at = (s: number) => new Date(Date.UTC(2003, 0, 1, 0, 0, s));
    const [pendingUpdate, rejectedUpdate] = await insertUpdates([
      { jurisdictionId: cityId, authorId: me.id, title: `Mine ${unique()}`, createdAt: at(0) },
      {
        jurisdictionId: cityId,
        authorId: me.id,
        title: `Mine rejected ${unique()}`,
        createdAt: at(2),
        status: "rejected",
        decisionReason: "No reliable source",
      },
    ]);
    const [approvedEdit, rejectedEdit, withdrawnEdit] = await insertEdits([
      {
        jurisdictionId: cityId,
        authorId: me.id,
        createdAt: at(1),
        status: "approved",
        changes: changesFor(shown, { leader: { value: "Approved Leader" } }),
      },
      {
        jurisdictionId: cityId,
        authorId: me.id,
        createdAt: at(3),
        status: "rejected",
        decisionReason: "The source does not say this",
        changes: changesFor(shown, {
          info_sharing: { value: otherOption("info_sharing", shown.info_sharing.value) },
          federal_actions: { value: "Rejected action" },
        }),
      },
      {
        jurisdictionId: cityId,
        authorId: me.id,
        createdAt: at(4),
        status: "withdrawn",
        changes: changesFor(shown, { leader: { value: "Withdrawn Leader" } }),
      },
    ]);
    await insertEdits([
      {
        jurisdictionId: cityId,
        authorId: someoneElse.id,
        changes: changesFor(shown, { leader: { value: "Not Mine" } }),
      },
    ]);

    actAs(me);
    const mine = await listMySubmissions();
    expect(mine.map((s) => [s.type, s.id, s.status, s.decisionReason])).toEqual([
      ["edit", withdrawnEdit, "withdrawn", null],
      ["edit", rejectedEdit, "rejected", "The source does not say this"],
      ["update", rejectedUpdate, "rejected", "No reliable source"],
      ["edit", approvedEdit, "approved", null],
      ["update", pendingUpdate, "pending", null],
    ]);
    expect(mine.find((s) => s.id === rejectedEdit && s.type === "edit")).toMatchObject({
      title: withLabels(city.leaderTitle, ["info_sharing", "federal_actions"]),
      city: { slug: MINE_CITY, name: city.name },
      version: 1,
      submittedAt: at(3).toISOString(),
    });
    expect(mine.find((s) => s.type === "edit" && s.id === approvedEdit)?.title).toBe(
      withLabels(city.leaderTitle, ["leader"]),
    );
  });
});
