import { eq } from "drizzle-orm";
import { revalidateTag } from "next/cache";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { profileRevisionChanges, profileRevisions } from "@/db/schema";
import { SEED_ARTICLE } from "@/db/seed/article";
import { SEED_JURISDICTIONS } from "@/db/seed/jurisdictions";
import { POLICY_FIELD_KEYS } from "@/lib/policy-fields";
import {
  agedUser,
  auditOf,
  changesFor,
  citySnapshot,
  cityRow,
  currentFields,
  editInput,
  factsOf,
  insertEdits,
  otherOption,
  revisionsOf,
  latestRevisionIdOf,
  createTestCity,
} from "@/test/edits";
import { cityIdOf } from "@/test/updates";
import { actAs, createTestUser, unique, type TestUser } from "@/test/users";
import { decideSubmission } from "@/lib/dal/moderation/decisions";
import { proposeEdit } from "@/lib/dal/submissions/profile-edits";
import { listRevisions, revertProfile } from "./history";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

const REVERT_CITY = "baltimore-md";
const PAGE_CITY = "chicago-il";

let mod: TestUser;
let author: TestUser;
beforeAll(async () => {
  await getDb();
  mod = await createTestUser({ role: "moderator" });
  author = await agedUser();
});
beforeEach(() => vi.mocked(revalidateTag).mockClear());

/** Proposes `typed` as the author from the profile as it is, and has the moderator approve it. */
async function approvedEdit(slug: string, typed: Parameters<typeof editInput>[1]) {
  const cityId = await cityIdOf(slug);
  actAs(author);
  const proposed = await proposeEdit(slug, editInput(await currentFields(cityId), typed));
  if (!proposed.ok) throw new Error(JSON.stringify(proposed));
  actAs(mod);
  const decided = await decideSubmission({
    type: "edit",
    id: proposed.data.id,
    version: 1,
    decision: "approve",
    reason: "",
  });
  expect(decided).toEqual({ ok: true, data: null });
  return proposed.data.id;
}

/** Every revision of a city through the history's pages, and the pages. */
async function allRevisions(slug: string) {
  const pages = [];
  let before: string | undefined;
  do {
    const page = await listRevisions(slug, before);
    if (!page) throw new Error(`no city ${slug}`);
    pages.push(page);
    before = page.nextBefore ?? undefined;
  } while (before && pages.length < 100);
  return { revisions: pages.flatMap((p) => p.revisions), pages };
}

describe("the baseline", () => {
  it("every seeded city has exactly one, holding its seeded profile", async () => {
    for (const seeded of SEED_JURISDICTIONS) {
      const cityId = await cityIdOf(seeded.slug);
      const revisions = await revisionsOf(cityId);
      expect(
        revisions.filter((r) => r.kind === "baseline"),
        seeded.slug,
      ).toHaveLength(1);
      expect(revisions[0], seeded.slug).toMatchObject({
        kind: "baseline",
        editId: null,
        revertedToId: null,
        proposedById: null,
        approvedById: null,
        changes: [
          ...POLICY_FIELD_KEYS.map((field) => ({
            field,
            fromValue: "",
            fromDetail: "",
            toValue: seeded.facts[field].value,
            toDetail: seeded.facts[field].detail,
            sourceUrl: seeded.facts[field].sourceUrl,
          })),
          {
            field: "leader",
            fromValue: "",
            fromDetail: "",
            toValue: seeded.leaderName,
            toDetail: "",
            sourceUrl: SEED_ARTICLE.sourceUrl,
          },
        ],
      });
      const { revisions: listed } = await allRevisions(seeded.slug);
      expect(listed.at(-1), seeded.slug).toMatchObject({
        id: revisions[0]!.id,
        kind: "baseline",
        proposedBy: null,
        approvedBy: null,
      });
    }
  });
});

describe("reverting a profile", () => {
  it("to the baseline after two approved edits restores the seeded values", async () => {
    const cityId = await cityIdOf(REVERT_CITY);
    const seeded = SEED_JURISDICTIONS.find((j) => j.slug === REVERT_CITY)!;
    const factsBefore = await factsOf(cityId);
    const original = await currentFields(cityId);
    const [baseline] = await revisionsOf(cityId);

    const first = await approvedEdit(REVERT_CITY, {
      leader: { value: "Leader One" },
      sanctuary_status: {
        value: otherOption("sanctuary_status", original.sanctuary_status.value),
        detail: "Edit one.",
        sourceUrl: "https://one.example/",
      },
      federal_actions: { value: "Action one", detail: "One.", sourceUrl: "https://one.example/" },
    });
    const second = await approvedEdit(REVERT_CITY, {
      leader: { value: "Leader Two" },
      agreement_287g: {
        value: otherOption("agreement_287g", original.agreement_287g.value),
        sourceUrl: "https://two.example/",
      },
      federal_actions: { detail: "Two.", sourceUrl: "https://two.example/" },
    });
    const afterEdits = await currentFields(cityId);
    expect(afterEdits.leader.value).toBe("Leader Two");
    const editRevisions = (await revisionsOf(cityId)).slice(1);
    expect(editRevisions.map((r) => [r.kind, r.editId])).toEqual([
      ["edit", first],
      ["edit", second],
    ]);
    // An edit proposed now starts from "Leader Two"; the revert will make it stale.
    const [pending] = await insertEdits([
      {
        jurisdictionId: cityId,
        authorId: author.id,
        changes: changesFor(afterEdits, { leader: { value: "Leader Three" } }),
      },
    ]);

    vi.mocked(revalidateTag).mockClear();
    actAs(mod);
    const reverted = await revertProfile({
      revisionId: baseline!.id,
      latestRevisionId: await latestRevisionIdOf(baseline!.id),
      reason: "Vandalism",
    });
    expect(reverted).toEqual({ ok: true, data: { revisionId: expect.any(Number) } });
    const revisionId = reverted.ok ? reverted.data.revisionId : -1;

    // The database holds the seeded values again.
    expect((await cityRow(cityId)).leaderName).toBe(seeded.leaderName);
    const facts = await factsOf(cityId);
    for (const field of POLICY_FIELD_KEYS) {
      expect(facts[field], field).toMatchObject({
        value: seeded.facts[field].value,
        detail: seeded.facts[field].detail,
        sourceUrl: seeded.facts[field].sourceUrl,
      });
    }
    // Fields no edit touched were not rewritten; the reverted ones get their seeded dates back.
    for (const field of ["ice_detainers", "info_sharing", "status_inquiry", "jail_access"]) {
      expect(facts[field], field).toEqual(factsBefore[field]);
    }
    for (const field of ["sanctuary_status", "agreement_287g", "federal_actions"] as const) {
      expect(facts[field]?.asOf, field).toBe(seeded.facts[field].asOf);
    }

    const revisions = await revisionsOf(cityId);
    expect(revisions).toHaveLength(4);
    expect(revisions.at(-1)).toEqual({
      id: revisionId,
      jurisdictionId: cityId,
      kind: "revert",
      editId: null,
      revertedToId: baseline!.id,
      proposedById: mod.id,
      approvedById: mod.id,
      note: "Vandalism",
      createdAt: expect.any(Date),
      changes: (["sanctuary_status", "agreement_287g", "federal_actions", "leader"] as const).map(
        (field) => ({
          field,
          fromValue: afterEdits[field].value,
          fromDetail: afterEdits[field].detail,
          toValue: original[field].value,
          toDetail: original[field].detail,
          sourceUrl: field === "leader" ? SEED_ARTICLE.sourceUrl : original[field].sourceUrl,
          asOf: original[field].asOf,
        }),
      ),
    });
    expect(
      (await auditOf([`revision:${revisionId}`])).map((r) => [
        r.action,
        r.actorId,
        r.jurisdictionId,
        r.reason,
        r.details,
      ]),
    ).toEqual([["profile.revert", mod.id, cityId, "Vandalism", `to revision ${baseline!.id}`]]);
    expect(vi.mocked(revalidateTag).mock.calls).toEqual([
      [`jurisdiction:${REVERT_CITY}`, { expire: 0 }],
      ["jurisdictions", { expire: 0 }],
    ]);
    expect((await listRevisions(REVERT_CITY))?.revisions[0]).toMatchObject({
      id: revisionId,
      kind: "revert",
      revertedToId: baseline!.id,
      proposedBy: mod.name,
      approvedBy: mod.name,
      note: "Vandalism",
    });

    // The pending edit started from "Leader Two", which the revert replaced.
    const stale = await decideSubmission({
      type: "edit",
      id: pending!,
      version: 1,
      decision: "approve",
      reason: "",
    });
    expect(stale).toMatchObject({
      ok: false,
      refusal: { code: "edit_conflict", fields: ["leader"] },
    });
    expect((await cityRow(cityId)).leaderName).toBe(seeded.leaderName);
  });

  it("is refused when the profile already matches, and writes nothing", async () => {
    const cityId = await cityIdOf(REVERT_CITY);
    const revisions = await revisionsOf(cityId);
    const newest = revisions.at(-1)!;
    actAs(mod);
    const before = await citySnapshot(cityId);
    expect(
      await revertProfile({
        revisionId: newest.id,
        latestRevisionId: await latestRevisionIdOf(newest.id),
        reason: "Just checking",
      }),
    ).toEqual({
      ok: false,
      refusal: { code: "profile_already_matches", revisionId: newest.id },
    });
    // The last revision was a revert to the baseline: the baseline matches too.
    expect(
      await revertProfile({
        revisionId: revisions[0]!.id,
        latestRevisionId: await latestRevisionIdOf(revisions[0]!.id),
        reason: "Again",
      }),
    ).toEqual({
      ok: false,
      refusal: { code: "profile_already_matches", revisionId: revisions[0]!.id },
    });
    expect(
      await revertProfile({
        revisionId: 2_147_483_647,
        latestRevisionId: await latestRevisionIdOf(2_147_483_647),
        reason: "Nothing",
      }),
    ).toEqual({
      ok: false,
      refusal: { code: "no_such_revision" },
    });
    expect(await citySnapshot(cityId)).toEqual(before);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("to a middle revision: each field as that revision left it", async () => {
    const cityId = await cityIdOf(REVERT_CITY);
    const [baseline, first, second] = await revisionsOf(cityId);
    const value = (field: string, rev: typeof first) =>
      rev!.changes.find((c) => c.field === field)?.toValue;
    actAs(mod);
    const reverted = await revertProfile({
      revisionId: first!.id,
      latestRevisionId: await latestRevisionIdOf(first!.id),
      reason: "Back to edit one",
    });
    expect(reverted).toMatchObject({ ok: true });
    const facts = await factsOf(cityId);
    // Changed by the first edit: its values.
    expect((await cityRow(cityId)).leaderName).toBe("Leader One");
    expect(facts.sanctuary_status).toMatchObject({
      value: value("sanctuary_status", first),
      detail: "Edit one.",
      sourceUrl: "https://one.example/",
    });
    expect(facts.federal_actions).toMatchObject({ value: "Action one", detail: "One." });
    // Changed only by the second edit: the baseline's.
    expect(facts.agreement_287g?.value).toBe(value("agreement_287g", baseline));
    expect(value("agreement_287g", second)).not.toBe(value("agreement_287g", baseline));
    const revert = (await revisionsOf(cityId)).at(-1)!;
    expect(revert).toMatchObject({ kind: "revert", revertedToId: first!.id });
    expect(revert.changes.map((c) => c.field)).toEqual([
      "sanctuary_status",
      "federal_actions",
      "leader",
    ]);
  });
});

describe("listRevisions", () => {
  it("pages newest first and lists every revision exactly once", async () => {
    const cityId = await cityIdOf(PAGE_CITY);
    const db = await getDb();
    const proposer = await createTestUser();
    // 44 more revisions (45 with the baseline): three pages.
    for (let i = 0; i < 44; i++) {
      const [row] = await db
        .insert(profileRevisions)
        .values({
          jurisdictionId: cityId,
          kind: "edit",
          proposedById: proposer.id,
          approvedById: mod.id,
          note: `Revision ${i}`,
        })
        .returning({ id: profileRevisions.id });
      await db.insert(profileRevisionChanges).values({
        revisionId: row!.id,
        field: "federal_actions",
        fromValue: `v${i}`,
        fromDetail: "",
        toValue: `v${i + 1}`,
        toDetail: "",
        sourceUrl: `https://example.gov/${i}`,
        asOf: "2017-04-24",
      });
    }
    // Another city's revisions never show up.
    await approvedEdit(REVERT_CITY, { federal_actions: { value: "Elsewhere" } });

    const { revisions, pages } = await allRevisions(PAGE_CITY);
    const ids = revisions.map((r) => r.id);
    const stored = await revisionsOf(cityId);
    expect(stored).toHaveLength(45);
    expect(ids).toEqual(stored.map((r) => r.id).reverse());
    expect(pages.map((p) => p.revisions.length)).toEqual([20, 20, 5]);
    expect(pages.map((p) => p.nextBefore)).toEqual([
      String(pages[0]!.revisions.at(-1)!.id),
      String(pages[1]!.revisions.at(-1)!.id),
      null,
    ]);
    expect(revisions[0]).toMatchObject({
      kind: "edit",
      note: "Revision 43",
      proposedBy: proposer.name,
      approvedBy: mod.name,
      changes: [
        {
          field: "federal_actions",
          fromValue: "v43",
          toValue: "v44",
          sourceUrl: "https://example.gov/43",
          label: "Federal actions against it",
        },
      ],
    });
    // Each revision comes with exactly its own changes.
    for (const r of revisions) {
      const own = stored.find((s) => s.id === r.id)!;
      expect(
        r.changes.map(
          ({ label, fromLabel, toLabel, ...c }) => (void [label, fromLabel, toLabel], c),
        ),
      ).toEqual(own.changes);
    }
    expect(pages[0]!.city).toMatchObject({ slug: PAGE_CITY });
    expect(await listRevisions(PAGE_CITY, String(stored[0]!.id))).toMatchObject({
      revisions: [],
      nextBefore: null,
    });
    expect(await listRevisions("atlantis-zz")).toBeNull();
    const [baselineRow] = await db
      .select()
      .from(profileRevisions)
      .where(eq(profileRevisions.id, stored[0]!.id));
    expect(baselineRow?.kind).toBe("baseline");
  });
});

describe("a revert from an out-of-date history page", () => {
  it("is refused when a newer revision exists than the one the moderator saw", async () => {
    // a city of this test's own (on Postgres other files edit the seeded ones)
    const { id: cityId, slug: city } = await createTestCity();
    const [baseline] = await revisionsOf(cityId);
    const seen = await latestRevisionIdOf(baseline!.id);
    // Someone approves an edit after the moderator opened the history page.
    await approvedEdit(city, { leader: { value: `Newer Leader ${unique()}` } });
    const before = await citySnapshot(cityId);
    actAs(mod);
    const result = await revertProfile({
      revisionId: baseline!.id,
      latestRevisionId: seen,
      reason: "Undo vandalism",
    });
    const newest = await latestRevisionIdOf(baseline!.id);
    expect(newest).toBeGreaterThan(seen);
    expect(result).toEqual({
      ok: false,
      refusal: { code: "profile_changed_since_read", latestRevisionId: newest },
    });
    expect(await citySnapshot(cityId)).toEqual(before);
  });

  it("restores each field's own as-of date, not today's", async () => {
    const { id: cityId, slug: city } = await createTestCity();
    const [baseline] = await revisionsOf(cityId);
    const seeded = SEED_JURISDICTIONS.find((j) => j.slug === "boston-ma")!; // its model
    await approvedEdit(city, { leader: { value: `Later Leader ${unique()}` } });
    expect((await cityRow(cityId)).leaderAsOf).toBe(new Date().toISOString().slice(0, 10));
    actAs(mod);
    const result = await revertProfile({
      revisionId: baseline!.id,
      latestRevisionId: await latestRevisionIdOf(baseline!.id),
      reason: "Back to the article",
    });
    expect(result).toMatchObject({ ok: true });
    const row = await cityRow(cityId);
    expect(row.leaderName).toBe(seeded.leaderName);
    expect(row.leaderAsOf).toBe("2017-04-24");
  });
});
