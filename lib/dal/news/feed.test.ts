import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { follows, jurisdictions } from "@/db/schema";
import {
  agedUser,
  createTestCity,
  currentFields,
  editInput,
  latestRevisionIdOf,
  revisionsOf,
} from "@/test/edits";
import { feedKey, insertFollows, insertRevisions, walkFeed } from "@/test/follows";
import { HOSTILE, hostileString } from "@/test/hostile";
import { insertUpdates } from "@/test/updates";
import { actAs, createTestUser, expectAuthError, unique, type TestUser } from "@/test/users";
import { listMyFeed, parseFeedCursor, type FeedItem } from "./feed";
import { MANY_FOLLOWED_CITIES } from "@/lib/dal/news/internal/feed-page";
import { decideSubmission } from "@/lib/dal/moderation/decisions";
import { proposeEdit } from "@/lib/dal/submissions/profile-edits";
import { revertProfile } from "@/lib/dal/profile/history";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

const PAGE = 20;
const FEDERAL = "Federal actions against it";

let mod: TestUser;
let author: TestUser;
beforeAll(async () => {
  await getDb();
  mod = await createTestUser({ role: "moderator" });
  author = await agedUser();
});

/** `n` minutes before a fixed time in 2020: older than anything decided while the tests run. */
const minute = (n: number) => new Date(Date.UTC(2020, 0, 1, 12, 0) - n * 60_000);

/** An approved update row for insertUpdates. */
const approved = (cityId: number, title: string, at: Date) => ({
  jurisdictionId: cityId,
  authorId: author.id,
  title,
  status: "approved" as const,
  decidedById: mod.id,
  decidedAt: at,
});

const keys = (items: FeedItem[]) => items.map(feedKey);

describe("who may read the feed", () => {
  it("anonymous, banned, deleted and stale sessions are refused", async () => {
    const [banned, deleted, stale] = [
      await createTestUser({ banned: true }),
      await createTestUser({ deleted: true }),
      await createTestUser(),
    ];
    actAs(null);
    await expectAuthError(listMyFeed(), "unauthenticated");
    actAs(banned);
    await expectAuthError(listMyFeed(), "banned");
    actAs(deleted);
    await expectAuthError(listMyFeed(), "session_expired");
    actAs({ ...stale, sessionVersion: stale.sessionVersion + 1 });
    await expectAuthError(listMyFeed("0.0:0"), "session_expired");
  });
});

describe("what the feed holds", () => {
  it("is empty when I follow nothing, though others' cities have news", async () => {
    const city = await createTestCity();
    const [me, other] = [await createTestUser(), await createTestUser()];
    await insertFollows(other.id, [city.id]);
    await insertUpdates([approved(city.id, `Elsewhere ${unique()}`, minute(1))]);
    await insertRevisions(city.id, [{ at: minute(2) }]);
    actAs(other);
    expect((await listMyFeed()).items).toHaveLength(2);
    actAs(me);
    expect(await listMyFeed()).toEqual({ items: [], next: null });
  });

  it("holds only approved updates of the cities I follow", async () => {
    const [followed, notFollowed] = [await createTestCity(), await createTestCity()];
    const me = await createTestUser();
    await insertFollows(me.id, [followed.id]);
    const tag = unique();
    const [older, newer] = await insertUpdates([
      approved(followed.id, `Older ${tag}`, minute(10)),
      { ...approved(followed.id, `Newer ${tag}`, minute(5)), kind: "court_ruling" },
    ]);
    const [pending] = await insertUpdates([
      { jurisdictionId: followed.id, authorId: author.id, title: `Pending ${tag}` },
      { ...approved(followed.id, `Rejected ${tag}`, minute(1)), status: "rejected" },
      { ...approved(followed.id, `Withdrawn ${tag}`, minute(1)), status: "withdrawn" },
      approved(notFollowed.id, `Not followed ${tag}`, minute(1)),
    ]);
    await insertRevisions(notFollowed.id, [{ at: minute(1) }]);
    const city = { slug: followed.slug, name: expect.any(String), state: "ZZ" };

    actAs(me);
    expect(await listMyFeed()).toEqual({
      items: [
        {
          type: "update",
          id: newer,
          at: minute(5).toISOString(),
          city,
          title: `Newer ${tag}`,
          kind: "court_ruling",
        },
        {
          type: "update",
          id: older,
          at: minute(10).toISOString(),
          city,
          title: `Older ${tag}`,
          kind: "ordinance",
        },
      ],
      next: null,
    });

    // once a moderator approves the pending one, it leads the feed
    actAs(mod);
    expect(
      await decideSubmission({
        type: "update",
        id: pending!,
        version: 1,
        decision: "approve",
        reason: "",
      }),
    ).toEqual({ ok: true, data: null });
    actAs(me);
    expect(keys((await listMyFeed()).items)).toEqual([
      `update:${pending}`,
      `update:${newer}`,
      `update:${older}`,
    ]);
  });

  it("approved edits and reverts appear as revisions with their field labels; baselines never", async () => {
    const city = await createTestCity();
    const db = await getDb();
    // the leader field is labelled by the city's own title
    await db
      .update(jurisdictions)
      .set({ leaderTitle: "First Selectman" })
      .where(eq(jurisdictions.id, city.id));
    const me = await createTestUser();
    await insertFollows(me.id, [city.id]);
    const [baseline] = await revisionsOf(city.id);
    expect(baseline?.kind).toBe("baseline");

    actAs(me);
    expect((await listMyFeed()).items).toEqual([]);

    // an approved edit of two fields
    actAs(author);
    const typed = {
      federal_actions: { value: `Federal action ${unique()}` },
      leader: { value: `Leader ${unique()}` },
    };
    const edit = await proposeEdit(city.slug, editInput(await currentFields(city.id), typed));
    if (!edit.ok) throw new Error(JSON.stringify(edit));
    // a rejected and a pending edit add nothing
    const rejected = await proposeEdit(
      city.slug,
      editInput(await currentFields(city.id), { federal_actions: { value: "Rejected" } }),
    );
    const pending = await proposeEdit(
      city.slug,
      editInput(await currentFields(city.id), { federal_actions: { value: "Pending" } }),
    );
    if (!rejected.ok || !pending.ok) throw new Error("proposals failed");
    actAs(mod);
    const decide = (id: number, decision: "approve" | "reject") =>
      decideSubmission({
        type: "edit",
        id,
        version: 1,
        decision,
        reason: decision === "reject" ? "No reliable source" : "",
      });
    expect(await decide(edit.data.id, "approve")).toEqual({ ok: true, data: null });
    expect(await decide(rejected.data.id, "reject")).toEqual({ ok: true, data: null });
    const editRevision = (await revisionsOf(city.id)).at(-1)!;
    expect(editRevision.kind).toBe("edit");

    // a moderator puts the profile back as the baseline left it
    const reverted = await revertProfile({
      revisionId: baseline!.id,
      latestRevisionId: await latestRevisionIdOf(baseline!.id),
      reason: "Undoing a test edit",
    });
    if (!reverted.ok) throw new Error(JSON.stringify(reverted));

    actAs(me);
    const feed = await listMyFeed();
    const place = { slug: city.slug, name: expect.any(String), state: "ZZ" };
    expect(feed).toEqual({
      items: [
        {
          type: "revision",
          id: reverted.data.revisionId,
          at: expect.any(String),
          city: place,
          kind: "revert",
          fields: [FEDERAL, "First Selectman"],
        },
        {
          type: "revision",
          id: editRevision.id,
          at: editRevision.createdAt.toISOString(),
          city: place,
          kind: "edit",
          fields: [FEDERAL, "First Selectman"],
        },
      ],
      next: null,
    });
    expect(keys(feed.items)).not.toContain(`revision:${baseline!.id}`);
  });

  it("baselines inserted later (a new city's history) never appear either", async () => {
    const city = await createTestCity();
    const me = await createTestUser();
    await insertFollows(me.id, [city.id]);
    const [baseline, edit] = await insertRevisions(city.id, [
      { at: minute(3), kind: "baseline" },
      { at: minute(2), kind: "edit" },
    ]);
    actAs(me);
    const items = (await listMyFeed()).items;
    expect(keys(items)).toEqual([`revision:${edit}`]);
    expect(keys(items)).not.toContain(`revision:${baseline}`);
  });

  it("merges updates and revisions newest first", async () => {
    const city = await createTestCity();
    const me = await createTestUser();
    await insertFollows(me.id, [city.id]);
    const tag = unique();
    const [u1, u3, u5] = await insertUpdates([
      approved(city.id, `One ${tag}`, minute(1)),
      approved(city.id, `Three ${tag}`, minute(3)),
      approved(city.id, `Five ${tag}`, minute(5)),
    ]);
    const [r4, r2] = await insertRevisions(city.id, [{ at: minute(4) }, { at: minute(2) }]);
    actAs(me);
    const items = (await listMyFeed()).items;
    expect(keys(items)).toEqual([
      `update:${u1}`,
      `revision:${r2}`,
      `update:${u3}`,
      `revision:${r4}`,
      `update:${u5}`,
    ]);
    expect(items.map((i) => i.at)).toEqual([1, 2, 3, 4, 5].map((n) => minute(n).toISOString()));
  });

  it("shows a followed city's news to each of its followers, and stops after an unfollow", async () => {
    const city = await createTestCity();
    const [me, other] = [await createTestUser(), await createTestUser()];
    await insertFollows(me.id, [city.id]);
    await insertFollows(other.id, [city.id]);
    const [id] = await insertUpdates([approved(city.id, `Shared ${unique()}`, minute(1))]);
    for (const who of [me, other]) {
      actAs(who);
      expect(keys((await listMyFeed()).items)).toEqual([`update:${id}`]);
    }
    const db = await getDb();
    await db.delete(follows).where(eq(follows.userId, me.id));
    actAs(me);
    expect((await listMyFeed()).items).toEqual([]);
  });
});

/**
 * Checks a walked feed against the rows behind it: every item once, newest
 * first, updates in (time, id) order and revisions in id order among themselves.
 */
function expectWalk(
  walked: FeedItem[],
  updates: { id: number; at: Date }[],
  revisions: { id: number; at: Date }[],
) {
  const seen = keys(walked);
  expect(new Set(seen).size).toBe(seen.length);
  const byTimeThenId = (a: { id: number; at: Date }, b: { id: number; at: Date }) =>
    b.at.getTime() - a.at.getTime() || b.id - a.id;
  expect(walked.filter((i) => i.type === "update").map((i) => i.id)).toEqual(
    [...updates].sort(byTimeThenId).map((u) => u.id),
  );
  expect(walked.filter((i) => i.type === "revision").map((i) => i.id)).toEqual(
    [...revisions].sort((a, b) => b.id - a.id).map((r) => r.id),
  );
  const times = walked.map((i) => Date.parse(i.at));
  for (let k = 1; k < times.length; k++) expect(times[k]).toBeLessThanOrEqual(times[k - 1]!);
  const at = new Map<string, string>([
    ...updates.map((u) => [`update:${u.id}`, u.at.toISOString()] as const),
    ...revisions.map((r) => [`revision:${r.id}`, r.at.toISOString()] as const),
  ]);
  for (const item of walked) expect(item.at).toBe(at.get(feedKey(item)));
}

describe("pagination", () => {
  it("walks 45 updates and 30 revisions of one city, every item once, in order", async () => {
    const city = await createTestCity();
    const me = await createTestUser();
    await insertFollows(me.id, [city.id]);
    const tag = unique();
    // Updates: minutes 0–44 with 20–27 all at minute 20 (ties across a page
    // boundary), inserted shuffled so ids do not follow time.
    const updateMinutes = Array.from({ length: 45 }, (_, n) => (n >= 20 && n <= 27 ? 20 : n));
    const shuffled = fc.sample(
      fc.shuffledSubarray(
        updateMinutes.map((m, n) => [m, n] as const),
        {
          minLength: 45,
          maxLength: 45,
        },
      ),
      { seed: 42, numRuns: 1 },
    )[0]!;
    const updateIds = await insertUpdates(
      shuffled.map(([m, n]) => approved(city.id, `Paged ${tag} ${n}`, minute(m))),
    );
    const updates = shuffled.map(([m], k) => ({ id: updateIds[k]!, at: minute(m) }));
    // hidden rows between the visible ones
    await insertUpdates([
      { jurisdictionId: city.id, authorId: author.id, title: `Paged ${tag} pending` },
      { ...approved(city.id, `Paged ${tag} rejected`, minute(21)), status: "rejected" },
    ]);
    // Revisions: oldest first (ids grow with time, as the app records them);
    // some share a minute with each other and some with updates.
    const revisionMinutes = Array.from({ length: 30 }, (_, n) => 50 - Math.floor(n * 1.7));
    const revisionRows = revisionMinutes.map((m) => ({ at: minute(m) }));
    const revisionIds = await insertRevisions(city.id, revisionRows);
    const revisions = revisionRows.map((r, k) => ({ id: revisionIds[k]!, at: r.at }));

    actAs(me);
    const { pages, cursors } = await walkFeed(PAGE);
    expect(pages.map((p) => p.length)).toEqual([20, 20, 20, 15]);
    for (const c of cursors) expect(parseFeedCursor(c)).not.toBeNull();
    const walked = pages.flat();
    expect(walked).toHaveLength(75);
    expectWalk(walked, updates, revisions);
    for (const item of walked) {
      if (item.type === "update") expect(item.title).toMatch(new RegExp(`^Paged ${tag} \\d+$`));
      else expect(item).toMatchObject({ kind: "edit", fields: [FEDERAL] });
    }
    // a page read twice from the same cursor is the same page
    expect((await listMyFeed(cursors[1])).items).toEqual(pages[2]);
  });

  // Below MANY_FOLLOWED_CITIES the feed takes each city's newest; above it, it
  // walks all approved updates: both walks must give the same feed.
  it.each([
    ["three cities", 0],
    ["more than MANY_FOLLOWED_CITIES", MANY_FOLLOWED_CITIES],
  ])(
    "walks the updates of several followed cities, interleaved and tied, every item once (%s)",
    async (_, quietExtra) => {
      // Newest first: ten of the busy city's, then twenty tied at one minute and
      // alternating between two other cities (so the first page ends inside the
      // tie, across cities), then fifty more of the busy city's. A city I do not
      // follow has one at the tied minute too.
      const [busy, quiet, tied, other] = await Promise.all(
        Array.from({ length: 4 }, () => createTestCity()),
      );
      // cities with nothing approved, followed too
      const extra = await Promise.all(Array.from({ length: quietExtra }, () => createTestCity()));
      const me = await createTestUser();
      await insertFollows(me.id, [busy!.id, quiet!.id, tied!.id, ...extra.map((c) => c.id)]);
      const tag = unique();
      const rows = [
        ...Array.from({ length: 10 }, (_, n) =>
          approved(busy!.id, `Multi ${tag} b${n}`, minute(n)),
        ),
        ...Array.from({ length: 20 }, (_, n) =>
          approved((n % 2 ? quiet : tied)!.id, `Multi ${tag} t${n}`, minute(10)),
        ),
        ...Array.from({ length: 50 }, (_, n) =>
          approved(busy!.id, `Multi ${tag} b${10 + n}`, minute(11 + n)),
        ),
      ];
      const ids = await insertUpdates(rows);
      await insertUpdates([approved(other!.id, `Multi ${tag} not followed`, minute(10))]);
      const updates = rows.map((r, k) => ({ id: ids[k]!, at: r.decidedAt }));

      actAs(me);
      const { pages } = await walkFeed(PAGE);
      expect(pages.map((p) => p.length)).toEqual([20, 20, 20, 20]);
      // the first page ends inside the tie, and the second starts inside it
      expect(pages[0]!.at(-1)!.at).toBe(minute(10).toISOString());
      expect(pages[1]![0]!.at).toBe(minute(10).toISOString());
      expectWalk(pages.flat(), updates, []);
      expect(pages.flat().map((i) => i.city.slug)).not.toContain(other!.slug);
    },
  );

  it("skips no update decided later in the same millisecond as a page's last", async () => {
    const city = await createTestCity();
    const me = await createTestUser();
    await insertFollows(me.id, [city.id]);
    const tag = unique();
    // 25 updates within one millisecond, a microsecond apart, ids not in time order
    const offsets = Array.from({ length: 25 }, (_, n) => (n * 7) % 25);
    const ids = await insertUpdates(
      offsets.map((n) => approved(city.id, `Micro ${tag} ${n}`, minute(0))),
    );
    const db = await getDb();
    for (const [k, id] of ids.entries()) {
      await db.execute(
        sql`update policy_updates set decided_at = timestamptz '2020-01-01 12:00:00.123+00' + ${offsets[k]!} * interval '1 microsecond' where id = ${id}`,
      );
    }
    actAs(me);
    const { pages } = await walkFeed(PAGE);
    expect(pages.map((p) => p.length)).toEqual([20, 5]);
    expect(pages.flat().map((i) => (i.type === "update" ? i.title : ""))).toEqual(
      [...offsets].sort((a, b) => b - a).map((n) => `Micro ${tag} ${n}`),
    );
  });

  it("walks any mix of updates and revisions, ties included, every item once (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 30 }),
        async (updateMinutes, revisionMinutes) => {
          const city = await createTestCity();
          const me = await createTestUser();
          await insertFollows(me.id, [city.id]);
          const tag = unique();
          const ids =
            updateMinutes.length === 0
              ? []
              : await insertUpdates(
                  updateMinutes.map((m, n) => approved(city.id, `Prop ${tag} ${n}`, minute(m))),
                );
          const updates = updateMinutes.map((m, k) => ({ id: ids[k]!, at: minute(m) }));
          // revisions are recorded oldest first
          const rows = [...revisionMinutes].sort((a, b) => b - a).map((m) => ({ at: minute(m) }));
          const revisionIds = await insertRevisions(city.id, rows);
          const revisions = rows.map((r, k) => ({ id: revisionIds[k]!, at: r.at }));
          actAs(me);
          const { pages } = await walkFeed(PAGE);
          const total = updates.length + revisions.length;
          expect(pages).toHaveLength(Math.max(1, Math.ceil(total / PAGE)));
          expectWalk(pages.flat(), updates, revisions);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe("hostile cursors", () => {
  let me: TestUser;
  let firstPage: Awaited<ReturnType<typeof listMyFeed>>;
  beforeAll(async () => {
    const city = await createTestCity();
    me = await createTestUser();
    await insertFollows(me.id, [city.id]);
    const tag = unique();
    await insertUpdates(
      Array.from({ length: 25 }, (_, n) => approved(city.id, `Cursor ${tag} ${n}`, minute(n))),
    );
    await insertRevisions(
      city.id,
      Array.from({ length: 5 }, (_, n) => ({ at: minute(30 - n) })),
    );
    actAs(me);
    firstPage = await listMyFeed();
    expect(firstPage.items).toHaveLength(PAGE);
  });

  // never a cursor: anything that does not parse reads the first page
  const invalid = [
    "",
    "1.1",
    "1.1:1:1",
    "-1.1:1",
    "1.-1:1",
    "1e3.1:1",
    " 1.1:1",
    "1.1:1\n",
    "1.1:1 ",
    "0x1.1:1",
    "1.1:2147483648",
    "1.2147483648:1",
    "99999999999999999.1:1",
    "9999999999999999.1:1",
    "9007199254740992.1:1",
  ];
  // well-formed, at the edges of what a cursor can hold
  const edges = [
    "0.0:0",
    "253402300799999.2147483647:2147483647",
    "9007199254740991.2147483647:2147483647",
    "0.2147483647:0",
    "0.0:2147483647",
    "1.1:1",
  ];
  const malformed = [...invalid, ...edges];

  it.each([...HOSTILE, ...malformed].map((s) => [JSON.stringify(s).slice(0, 40), s]))(
    "after=%s never throws; a cursor that does not parse reads the first page",
    async (_, after) => {
      actAs(me);
      const page = await listMyFeed(after);
      expect(page.items.length).toBeLessThanOrEqual(PAGE);
      if (parseFeedCursor(after) === null) expect(page).toEqual(firstPage);
    },
  );

  it("random strings and well-formed random cursors never throw (property)", async () => {
    actAs(me);
    const cursor = fc
      .tuple(
        fc.integer({ min: 0, max: 253_402_300_799_999 }),
        fc.integer({ min: 0, max: 2_147_483_647 }),
        fc.integer({ min: 0, max: 2_147_483_647 }),
      )
      .map(([ms, u, r]) => `${ms}.${u}:${r}`);
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, cursor), async (after) => {
        const page = await listMyFeed(after);
        expect(page.items.length).toBeLessThanOrEqual(PAGE);
        if (parseFeedCursor(after) === null) expect(page).toEqual(firstPage);
        for (const item of page.items) expect(Number.isNaN(Date.parse(item.at))).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it("parseFeedCursor keeps only what a real cursor can hold", () => {
    // milliseconds, as links made before cursors carried microseconds hold them
    expect(parseFeedCursor("1700000000000.12:34")).toEqual({
      updateMicros: "1700000000000000",
      updateId: 12,
      revisionId: 34,
    });
    expect(parseFeedCursor("1700000000000123.12:34")).toEqual({
      updateMicros: "1700000000000123",
      updateId: 12,
      revisionId: 34,
    });
    expect(parseFeedCursor(undefined)).toBeNull();
    for (const bad of invalid) expect(parseFeedCursor(bad), bad).toBeNull();
    for (const edge of edges) expect(parseFeedCursor(edge), edge).not.toBeNull();
  });
});
