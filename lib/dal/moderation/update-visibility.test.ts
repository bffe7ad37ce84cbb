import { asc, eq, inArray } from "drizzle-orm";
import fc from "fast-check";
import { revalidateTag } from "next/cache";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getCityJson } from "@/app/api/cities/[slug]/route";
import { getDb } from "@/db/client";
import { notifications, policyUpdates } from "@/db/schema";
import type { DalResult, Refusal } from "@/lib/refusals";
import { getSessionClaims } from "@/lib/auth/claims";
import type { AuthErrorCode } from "@/lib/auth/current-user";
import { visibilitySchema } from "@/lib/validation/moderation";
import { safeParseInput } from "@/lib/validation/parse";
import { hasControlChars } from "@/lib/validation/text";
import { createTestCity } from "@/test/edits";
import { feedKey, insertFollows } from "@/test/follows";
import { hostileRecord, hostileString, hostileValue } from "@/test/hostile";
import { allPublished, auditOfUpdates, insertUpdates, updateRow } from "@/test/updates";
import {
  actAs,
  claimsOf,
  createTestUser,
  expectAuthError,
  unique,
  type TestUser,
} from "@/test/users";
import { listModerationLog } from "./log";
import { listMyFeed } from "@/lib/dal/news/feed";
import { decideSubmission } from "./decisions";
import { countMyUnread, listMyNotifications } from "@/lib/dal/news/notifications";
import { getPrivateFeedPath, readPrivateFeed } from "@/lib/dal/news/private-feed";
import { listMySubmissions } from "@/lib/dal/submissions/my-submissions";
import { setUpdateVisibility } from "./update-visibility";
import { getPublishedUpdate } from "@/lib/dal/submissions/updates";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

type City = { id: number; slug: string };
type Update = { id: number; title: string };

const NOT_PUBLISHED: Refusal = { code: "update_not_published" };
const ALREADY_HIDDEN: Refusal = { code: "update_already_hidden" };
const ALREADY_PUBLIC: Refusal = { code: "update_already_public" };
const NOT_HIDDEN: Refusal = { code: "update_not_hidden" };
const NO_SUCH: Refusal = { code: "no_such_update" };
const OK = { ok: true, data: null };

let mod: TestUser;
let admin: TestUser;
beforeAll(async () => {
  await getDb();
  mod = await createTestUser({ role: "moderator" });
  admin = await createTestUser({ role: "admin" });
});
beforeEach(() => vi.mocked(revalidateTag).mockClear());

/** A pending update by `author` in `city`, inserted straight into the database. */
async function pendingUpdate(
  city: City,
  author: TestUser,
  extra: Partial<typeof policyUpdates.$inferInsert> = {},
): Promise<Update> {
  const title = `Detainer ordinance ${unique()}`;
  const [id] = await insertUpdates([
    { jurisdictionId: city.id, authorId: author.id, title, ...extra },
  ]);
  return { id: id!, title };
}

/** The moderator decides on an update (version 1), and the decision must go through. */
async function decide(id: number, decision: "approve" | "reject", reason = "") {
  actAs(mod);
  expect(await decideSubmission({ type: "update", id, version: 1, decision, reason })).toEqual(OK);
}

/** An update approved by the moderator, so followers are told of it. */
async function approvedUpdate(city: City, author: TestUser): Promise<Update> {
  const update = await pendingUpdate(city, author);
  await decide(update.id, "approve");
  return update;
}

const hide = (id: number, reason: string, who: TestUser = mod) => {
  actAs(who);
  return setUpdateVisibility({ id, action: "hide", reason });
};
const restore = (id: number, reason: string, who: TestUser = mod) => {
  actAs(who);
  return setUpdateVisibility({ id, action: "restore", reason });
};

/** Every notification row of a user as the database holds it, oldest first. */
async function rowsOf(userId: number) {
  const db = await getDb();
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(asc(notifications.id));
}

/** The cache tags invalidated since the last mockClear. */
const invalidatedTags = () => vi.mocked(revalidateTag).mock.calls.map((call) => call[0]);

/** A city with a follower and an author who has two approved updates there. */
async function scene() {
  const city = await createTestCity();
  const [author, follower] = [await createTestUser(), await createTestUser()];
  await insertFollows(follower.id, [city.id]);
  const kept = await approvedUpdate(city, author);
  const target = await approvedUpdate(city, author);
  actAs(follower);
  const path = await getPrivateFeedPath();
  const token = /^\/feeds\/([^/]+)\/feed\.xml$/.exec(path)?.[1];
  if (!token) throw new Error(`unexpected private feed path ${path}`);
  return { city, author, follower, kept, target, token };
}
type Scene = Awaited<ReturnType<typeof scene>>;

/** Where the scene's updates show in public, and what its follower sees. */
async function publicView(s: Scene) {
  const updateIds = (keys: string[]) => keys.filter((k) => k.startsWith("update:"));
  const json = (await (
    await getCityJson(new Request(`http://localhost/api/cities/${s.city.slug}`), {
      params: Promise.resolve({ slug: s.city.slug }),
    })
  ).json()) as { city: { updates: { id: number }[] } };
  const published = await getPublishedUpdate(s.target.id);
  actAs(s.follower);
  const feed = await listMyFeed();
  const notes = await listMyNotifications();
  const unread = await countMyUnread();
  const priv = await readPrivateFeed(s.token);
  return {
    page: published && { id: published.id, title: published.title },
    timeline: (await allPublished(s.city.slug)).map((u) => u.id),
    json: json.city.updates.map((u) => u.id),
    feed: updateIds(feed.items.map(feedKey)),
    privateFeed: priv && updateIds(priv.page.items.map(feedKey)),
    notifications: notes.items.map((i) => (i.type === "update" ? i.update.id : i.type)),
    unread,
  };
}

/** What publicView answers while both of the scene's updates are public. */
const bothPublic = (s: Scene) => ({
  page: { id: s.target.id, title: s.target.title },
  timeline: [s.target.id, s.kept.id],
  json: [s.target.id, s.kept.id],
  feed: [`update:${s.target.id}`, `update:${s.kept.id}`],
  privateFeed: [`update:${s.target.id}`, `update:${s.kept.id}`],
  notifications: [s.target.id, s.kept.id],
  unread: 2,
});

/** What publicView answers once the target is hidden. */
const onlyKept = (s: Scene) => ({
  page: null,
  timeline: [s.kept.id],
  json: [s.kept.id],
  feed: [`update:${s.kept.id}`],
  privateFeed: [`update:${s.kept.id}`],
  notifications: [s.kept.id],
  unread: 1,
});

/** The author's own view of one of their updates in /me/submissions. */
async function mySubmission(author: TestUser, id: number) {
  actAs(author);
  return (await listMySubmissions()).find((s) => s.type === "update" && s.id === id);
}

/** The moderation log of one city, as a moderator reads it. */
async function logOf(city: City) {
  actAs(mod);
  return (await listModerationLog({ city: city.slug })).entries;
}

describe("hiding an approved update", () => {
  it("stores the status and reason, audits it once and tells the author why", async () => {
    const s = await scene();
    const reason = `Misleading source ${unique()}`;
    const before = await updateRow(s.target.id);
    const followerRows = await rowsOf(s.follower.id);
    vi.mocked(revalidateTag).mockClear();

    expect(await hide(s.target.id, reason)).toEqual(OK);

    const row = await updateRow(s.target.id);
    expect(row).toMatchObject({ status: "hidden", hiddenReason: reason });
    // the approval itself stands: who decided and when
    expect(row).toMatchObject({ decidedById: before.decidedById, decidedAt: before.decidedAt });
    expect(await updateRow(s.kept.id)).toMatchObject({ status: "approved", hiddenReason: null });

    const audit = await auditOfUpdates([s.target.id]);
    expect(audit.map((r) => r.action)).toEqual(["update.approve", "update.hide"]);
    expect(audit.filter((r) => r.action === "update.hide")).toEqual([
      expect.objectContaining({
        actorId: mod.id,
        action: "update.hide",
        subject: `update:${s.target.id}`,
        jurisdictionId: s.city.id,
        reason,
      }),
    ]);

    // the public pages built from cached reads are invalidated
    expect(invalidatedTags()).toEqual(
      expect.arrayContaining([`update:${s.target.id}`, `jurisdiction:${s.city.slug}`]),
    );

    actAs(s.author);
    const [hidden, ...older] = (await listMyNotifications()).items;
    expect(hidden).toEqual({
      id: expect.any(Number),
      at: expect.any(String),
      read: false,
      city: { slug: s.city.slug, name: expect.any(String), state: "ZZ" },
      type: "decision",
      subject: { type: "update", id: s.target.id, title: s.target.title },
      outcome: "hidden",
      reason,
    });
    // the earlier approvals are still there, below it
    expect(older.map((i) => i.type === "decision" && [i.subject.id, i.outcome])).toEqual([
      [s.target.id, "approved"],
      [s.kept.id, "approved"],
    ]);
    expect(await countMyUnread()).toBe(3);
    // the follower's rows are kept (only hidden from view), and nobody else is told
    expect(await rowsOf(s.follower.id)).toEqual(followerRows);
  });

  it("the moderation log shows who hid which update in which city, and why", async () => {
    const s = await scene();
    const reason = `Wrong city ${unique()}`;
    expect(await hide(s.target.id, reason, admin)).toEqual(OK);
    const [entry] = await logOf(s.city);
    expect(entry).toEqual({
      id: expect.any(Number),
      at: expect.any(String),
      actorName: admin.name,
      action: "update.hide",
      actionLabel: "hid an update from the public",
      subject: `update:${s.target.id}`,
      subjectLabel: `update #${s.target.id}`,
      subjectHref: `/moderation/updates/${s.target.id}`,
      city: { slug: s.city.slug, name: expect.any(String) },
      reason,
    });
  });

  it("takes it off its page, the timeline, the JSON, the feeds and the follower's notifications", async () => {
    const s = await scene();
    expect(await publicView(s)).toEqual(bothPublic(s));

    expect(await hide(s.target.id, "Duplicate of an earlier update")).toEqual(OK);

    expect(await publicView(s)).toEqual(onlyKept(s));
  });

  it("the author still sees it in their submissions, marked hidden with the reason", async () => {
    const s = await scene();
    const reason = `Not about immigration policy ${unique()}`;
    expect(await mySubmission(s.author, s.target.id)).toMatchObject({
      status: "approved",
      hiddenReason: null,
    });
    expect(await hide(s.target.id, reason)).toEqual(OK);
    expect(await mySubmission(s.author, s.target.id)).toMatchObject({
      type: "update",
      id: s.target.id,
      title: s.target.title,
      status: "hidden",
      hiddenReason: reason,
      decisionReason: null,
    });
    expect(await mySubmission(s.author, s.kept.id)).toMatchObject({
      status: "approved",
      hiddenReason: null,
    });
  });
});

describe("restoring a hidden update", () => {
  it("makes it public again where it was, with the follower's notification back", async () => {
    const s = await scene();
    const hideReason = `Under review ${unique()}`;
    const restoreReason = `Source confirmed ${unique()}`;
    const decidedAt = (await updateRow(s.target.id)).decidedAt;
    const followerRows = await rowsOf(s.follower.id);
    expect(await hide(s.target.id, hideReason)).toEqual(OK);
    expect(await publicView(s)).toEqual(onlyKept(s));
    const authorRows = await rowsOf(s.author.id);
    vi.mocked(revalidateTag).mockClear();

    expect(await restore(s.target.id, restoreReason, admin)).toEqual(OK);

    expect(await updateRow(s.target.id)).toMatchObject({
      status: "approved",
      hiddenReason: null,
      decidedAt,
    });
    const audit = await auditOfUpdates([s.target.id]);
    expect(audit.map((r) => [r.action, r.actorId, r.reason])).toEqual([
      ["update.approve", mod.id, null],
      ["update.hide", mod.id, hideReason],
      ["update.restore", admin.id, restoreReason],
    ]);
    expect(audit.at(-1)).toMatchObject({
      subject: `update:${s.target.id}`,
      jurisdictionId: s.city.id,
    });
    expect(invalidatedTags()).toEqual(
      expect.arrayContaining([`update:${s.target.id}`, `jurisdiction:${s.city.slug}`]),
    );

    // public again, in its old place; the follower is not told a second time
    expect(await publicView(s)).toEqual(bothPublic(s));
    expect(await rowsOf(s.follower.id)).toEqual(followerRows);
    // the author is told it is public again, with the reason
    const authorNow = await rowsOf(s.author.id);
    expect(authorNow.slice(0, authorRows.length)).toEqual(authorRows);
    expect(authorNow.slice(authorRows.length)).toMatchObject([
      { kind: "submission_decided", decision: "restored", reason: restoreReason },
    ]);
    expect(await mySubmission(s.author, s.target.id)).toMatchObject({
      status: "approved",
      hiddenReason: null,
    });

    const [entry] = await logOf(s.city);
    expect(entry).toMatchObject({
      actorName: admin.name,
      action: "update.restore",
      actionLabel: "restored a hidden update",
      subject: `update:${s.target.id}`,
      reason: restoreReason,
    });
  });

  it("can be hidden again after a restore", async () => {
    const s = await scene();
    expect(await hide(s.target.id, "First reason")).toEqual(OK);
    expect(await restore(s.target.id, "Was fine")).toEqual(OK);
    expect(await hide(s.target.id, "Second reason")).toEqual(OK);
    expect(await updateRow(s.target.id)).toMatchObject({
      status: "hidden",
      hiddenReason: "Second reason",
    });
    expect(await publicView(s)).toEqual(onlyKept(s));
    actAs(s.author);
    const outcomes = (await listMyNotifications()).items.flatMap((i) =>
      i.type === "decision" && i.subject.id === s.target.id ? [[i.outcome, i.reason]] : [],
    );
    expect(outcomes).toEqual([
      ["hidden", "Second reason"],
      ["restored", "Was fine"],
      ["hidden", "First reason"],
      ["approved", null],
    ]);
  });
});

describe("who may hide and restore", () => {
  let city: City;
  let author: TestUser;
  beforeAll(async () => {
    city = await createTestCity();
    author = await createTestUser();
  });

  const CALLERS: { name: string; code: AuthErrorCode; act: () => Promise<void> }[] = [
    { name: "anonymous", code: "unauthenticated", act: async () => actAs(null) },
    { name: "a resident", code: "forbidden", act: async () => actAs(await createTestUser()) },
    { name: "the author (a resident)", code: "forbidden", act: async () => actAs(author) },
    {
      name: "a banned moderator",
      code: "banned",
      act: async () => actAs(await createTestUser({ role: "moderator", banned: true })),
    },
    {
      name: "a deleted moderator",
      code: "session_expired",
      act: async () => actAs(await createTestUser({ role: "moderator", deleted: true })),
    },
    {
      name: "a banned admin",
      code: "banned",
      act: async () => actAs(await createTestUser({ role: "admin", banned: true })),
    },
    {
      name: "a moderator with a stale session",
      code: "session_expired",
      act: async () => {
        const stale = await createTestUser({ role: "moderator" });
        actAs({ ...stale, sessionVersion: stale.sessionVersion + 1 });
      },
    },
  ];

  for (const caller of CALLERS) {
    for (const action of ["hide", "restore"] as const) {
      it(`${caller.name}: ${action} → ${caller.code}, nothing changes`, async () => {
        const { id } = await approvedUpdate(city, author);
        if (action === "restore") expect(await hide(id, "Taken down for review")).toEqual(OK);
        vi.mocked(revalidateTag).mockClear();
        const before = {
          row: await updateRow(id),
          audit: await auditOfUpdates([id]),
          author: await rowsOf(author.id),
        };
        await caller.act();
        await expectAuthError(
          setUpdateVisibility({ id, action, reason: "Because I can" }),
          caller.code,
        );
        expect(before.row.status).toBe(action === "hide" ? "approved" : "hidden");
        expect({
          row: await updateRow(id),
          audit: await auditOfUpdates([id]),
          author: await rowsOf(author.id),
        }).toEqual(before);
        expect(revalidateTag).not.toHaveBeenCalled();
      });
    }
  }
});

describe("what can be hidden or restored", () => {
  let city: City;
  let author: TestUser;
  beforeAll(async () => {
    city = await createTestCity();
    author = await createTestUser();
  });

  /** Runs `attempt` and checks it was refused with `refusal`, writing nothing. */
  async function expectRefused(id: number, attempt: () => Promise<DalResult>, refusal: Refusal) {
    const db = await getDb();
    const snapshot = async () => ({
      rows: await db
        .select()
        .from(policyUpdates)
        .where(inArray(policyUpdates.id, [id])),
      audit: await auditOfUpdates([id]),
      author: await rowsOf(author.id),
    });
    const before = await snapshot();
    expect(await attempt()).toEqual({ ok: false, refusal });
    expect(await snapshot()).toEqual(before);
    expect(revalidateTag).not.toHaveBeenCalled();
  }

  it("a pending, rejected or withdrawn update cannot be hidden (nor restored)", async () => {
    const pending = await pendingUpdate(city, author);
    const rejected = await pendingUpdate(city, author);
    await decide(rejected.id, "reject", "No reliable source");
    const withdrawn = await pendingUpdate(city, author, { status: "withdrawn" });
    vi.mocked(revalidateTag).mockClear();
    for (const u of [pending, rejected, withdrawn]) {
      const status = (await updateRow(u.id)).status;
      expect(["pending", "rejected", "withdrawn"]).toContain(status);
      await expectRefused(u.id, () => hide(u.id, "Looks wrong"), NOT_PUBLISHED);
      await expectRefused(u.id, () => restore(u.id, "Looks right"), NOT_HIDDEN);
      expect(await getPublishedUpdate(u.id)).toBeNull();
    }
  });

  it("hiding twice is refused, keeping the first reason and one audit row", async () => {
    const u = await approvedUpdate(city, author);
    expect(await hide(u.id, "First moderator's reason")).toEqual(OK);
    vi.mocked(revalidateTag).mockClear();
    await expectRefused(u.id, () => hide(u.id, "Second moderator's reason", admin), ALREADY_HIDDEN);
    expect(await updateRow(u.id)).toMatchObject({
      status: "hidden",
      hiddenReason: "First moderator's reason",
    });
    expect((await auditOfUpdates([u.id])).map((r) => r.action)).toEqual([
      "update.approve",
      "update.hide",
    ]);
  });

  it("restoring a public update is refused", async () => {
    const u = await approvedUpdate(city, author);
    vi.mocked(revalidateTag).mockClear();
    await expectRefused(u.id, () => restore(u.id, "Nothing to restore"), ALREADY_PUBLIC);
    expect(await updateRow(u.id)).toMatchObject({ status: "approved", hiddenReason: null });
    expect(await getPublishedUpdate(u.id)).toMatchObject({ id: u.id });
  });

  it("a moderator may hide their own update but not restore it: another moderator must", async () => {
    const city = await createTestCity();
    const writer = await createTestUser({ role: "moderator" });
    const update = await approvedUpdate(city, writer);
    expect(await hide(update.id, "I got this wrong", writer)).toEqual(OK);
    expect(await restore(update.id, "I fixed it", writer)).toEqual({
      ok: false,
      refusal: { code: "own_update_restore" },
    });
    expect(await updateRow(update.id)).toMatchObject({ status: "hidden" });
    expect(await restore(update.id, "Checked: it is right", mod)).toEqual(OK);
    expect(await updateRow(update.id)).toMatchObject({ status: "approved" });
  });

  it("an unknown update is refused for either action", async () => {
    const db = await getDb();
    const id = 2_147_483_647;
    expect(await db.select().from(policyUpdates).where(eq(policyUpdates.id, id))).toEqual([]);
    await expectRefused(id, () => hide(id, "No such thing"), NO_SUCH);
    await expectRefused(id, () => restore(id, "No such thing"), NO_SUCH);
  });
});

describe("visibilitySchema", () => {
  const base = { id: 12, action: "hide", reason: "Duplicate of an earlier update" };
  /** The messages of a failed parse, by path. */
  const issuesOf = (input: unknown) => {
    const result = visibilitySchema.safeParse(input);
    expect(result.success).toBe(false);
    return result.error!.issues.map((i) => [i.path.join("."), i.message]);
  };

  it("takes an id, hide or restore and a trimmed reason", () => {
    expect(
      visibilitySchema.parse({ id: "12", action: "restore", reason: "  Source confirmed \n" }),
    ).toEqual({ id: 12, action: "restore", reason: "Source confirmed" });
    expect(visibilitySchema.parse({ ...base, reason: "abc" }).reason).toBe("abc");
    expect(visibilitySchema.parse({ ...base, reason: "x".repeat(1000) }).reason).toHaveLength(1000);
    // line breaks and tabs are ordinary text
    expect(visibilitySchema.parse({ ...base, reason: "Line one\nLine two\tend" }).reason).toBe(
      "Line one\nLine two\tend",
    );
  });

  it("a reason under 3 characters (after trimming) is refused on reason", () => {
    const short = "Give a reason (at least 3 characters): the author will see it.";
    for (const reason of ["", "ab", "  ab  ", " \n\t "]) {
      expect(issuesOf({ ...base, reason }), JSON.stringify(reason)).toEqual([["reason", short]]);
    }
    const { reason, ...noReason } = base;
    void reason;
    expect(issuesOf(noReason)).toEqual([["reason", "Give a reason."]]);
    expect(issuesOf({ ...base, reason: 42 })).toEqual([["reason", "Give a reason."]]);
  });

  it("a reason over 1000 characters is refused on reason", () => {
    expect(issuesOf({ ...base, reason: "x".repeat(1001) })).toEqual([
      ["reason", "Use at most 1000 characters."],
    ]);
  });

  it("control characters in the reason are refused on reason", () => {
    for (const reason of [
      "abc\u0000def",
      "Bell \u0007 here",
      "\u202eevil reason",
      "zero\u200bwidth",
    ]) {
      expect(issuesOf({ ...base, reason }), JSON.stringify(reason)).toEqual([
        ["reason", "Remove control characters."],
      ]);
    }
  });

  it("a bad id or action is refused on that field", () => {
    for (const id of [0, -1, 1.5, "abc", 2_147_483_648, null]) {
      expect(
        issuesOf({ ...base, id }).map(([path]) => path),
        JSON.stringify(id),
      ).toEqual(["id"]);
    }
    for (const action of ["delete", "HIDE", "", undefined]) {
      expect(
        issuesOf({ ...base, action }).map(([path]) => path),
        String(action),
      ).toEqual(["action"]);
    }
  });

  it("unknown keys are refused", () => {
    for (const key of ["status", "hiddenReason", "authorId", "jurisdictionId", "__proto__x"]) {
      const result = visibilitySchema.safeParse({ ...base, [key]: "hidden" });
      expect(result.success, key).toBe(false);
      expect(result.error?.issues).toContainEqual(
        expect.objectContaining({ code: "unrecognized_keys", keys: [key] }),
      );
    }
  });

  // Zod's length check runs on a non-string with a `length` and throws comparing one
  // without a prototype (see lib/validation/parse.test.ts); the reason counts
  // characters of strings only, so such a value is one more missing reason.
  const crasher = () => ({ length: Object.create(null) as object });

  it("a reason zod's own length check would throw on is refused on reason", () => {
    for (const input of [{ ...base, reason: crasher() }, { reason: crasher() }]) {
      expect(issuesOf(input)).toContainEqual(["reason", "Give a reason."]);
      expect(safeParseInput(visibilitySchema, input).success).toBe(false);
    }
  });

  it("safeParseInput never throws on arbitrary input, and what passes is well formed", () => {
    const lengthy = fc
      .oneof(
        fc.constant(null).map(() => Object.create(null) as object),
        hostileValue,
      )
      .map((length) => ({ length }));
    const shaped = fc.record(
      {
        id: fc.oneof(fc.integer(), hostileValue, lengthy),
        action: fc.oneof(fc.constantFrom("hide", "restore"), hostileValue),
        reason: fc.oneof(hostileString, hostileValue, lengthy),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(hostileValue, hostileRecord, shaped), (input) => {
        const result = safeParseInput(visibilitySchema, input);
        expect(typeof result.success).toBe("boolean");
        if (result.success) {
          expect(["id", "action", "reason"]).toEqual(
            expect.arrayContaining(Object.keys(input as object)),
          );
          const { id, action, reason } = result.data;
          expect(Number.isSafeInteger(id) && id >= 1 && id <= 2_147_483_647).toBe(true);
          expect(["hide", "restore"]).toContain(action);
          expect(reason).toBe(reason.trim());
          expect([...reason].length).toBeGreaterThanOrEqual(3);
          expect([...reason].length).toBeLessThanOrEqual(1000);
          expect(hasControlChars(reason)).toBe(false);
          expect(reason).toBe(reason.normalize("NFC"));
        } else {
          expect(result.error.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});

// Two moderators hide the same update at the same moment. On Postgres the two
// transactions really overlap; PGlite runs them one after the other, and the
// answer must be the same.
describe("two moderators hiding at once", () => {
  it("each update is hidden exactly once: one winner, one audit row, one notice", async () => {
    const city = await createTestCity();
    const author = await createTestUser();
    const [a, b] = [
      await createTestUser({ role: "moderator", name: `Race Hide A ${unique()}` }),
      await createTestUser({ role: "admin", name: `Race Hide B ${unique()}` }),
    ];
    const updates: Update[] = [];
    for (let i = 0; i < 20; i++) updates.push(await approvedUpdate(city, author));
    // Outside the queued sessions nobody is signed in.
    actAs(null);
    const claims = vi.mocked(getSessionClaims);
    const race = async (id: number, bFirst: boolean): Promise<[DalResult, DalResult]> => {
      const byA = () => setUpdateVisibility({ id, action: "hide", reason: "Reason of A" });
      const byB = () => setUpdateVisibility({ id, action: "hide", reason: "Reason of B" });
      // requireUser reads the claims before its first await, so each queued
      // session goes to the call made in that order.
      if (bFirst) {
        claims.mockResolvedValueOnce(claimsOf(b)).mockResolvedValueOnce(claimsOf(a));
        const [rb, ra] = await Promise.all([byB(), byA()]);
        return [ra, rb];
      }
      claims.mockResolvedValueOnce(claimsOf(a)).mockResolvedValueOnce(claimsOf(b));
      return Promise.all([byA(), byB()]);
    };

    const results = await Promise.all(updates.map((u, i) => race(u.id, i % 2 === 1)));
    // every queued session was used by the call it was meant for
    expect(await getSessionClaims()).toBeNull();

    const ids = updates.map((u) => u.id);
    const audit = await auditOfUpdates(ids);
    const authorRows = await rowsOf(author.id);
    for (const [i, u] of updates.entries()) {
      const [ra, rb] = results[i]!;
      expect(
        [ra, rb].filter((r) => r.ok),
        `update ${u.id}`,
      ).toEqual([OK]);
      const aWon = ra.ok;
      expect(aWon ? rb : ra).toEqual({ ok: false, refusal: ALREADY_HIDDEN });
      const winner = aWon ? a : b;
      const reason = aWon ? "Reason of A" : "Reason of B";
      expect(await updateRow(u.id)).toMatchObject({ status: "hidden", hiddenReason: reason });
      const hides = audit.filter(
        (r) => r.subject === `update:${u.id}` && r.action === "update.hide",
      );
      expect(hides, `audit of update ${u.id}`).toEqual([
        expect.objectContaining({ actorId: winner.id, jurisdictionId: city.id, reason }),
      ]);
      expect(
        authorRows.filter((r) => r.updateId === u.id && r.decision === "hidden"),
        `notices of update ${u.id}`,
      ).toEqual([expect.objectContaining({ reason })]);
    }
    expect(audit.filter((r) => r.action === "update.hide")).toHaveLength(ids.length);
  });
});
