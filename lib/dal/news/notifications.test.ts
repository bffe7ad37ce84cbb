import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { notifications, policyUpdates, users } from "@/db/schema";
import { describeNotification, type NotificationItem } from "@/lib/notification-text";
import type { EmailFrequency } from "@/lib/enums";
import {
  changesFor,
  cityRow,
  createTestCity,
  currentFields,
  insertEdits,
  revisionsOf,
} from "@/test/edits";
import { insertFollows } from "@/test/follows";
import { insertUpdates } from "@/test/updates";
import {
  actAs,
  createTestUser,
  expectAuthError,
  refusedCallers,
  unique,
  type TestUser,
} from "@/test/users";
import { decideSubmission } from "@/lib/dal/moderation/decisions";
import {
  countMyUnread,
  UNREAD_CAP,
  listMyNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "./notifications";
import { revertProfile } from "@/lib/dal/profile/history";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

const PAGE = 20;
const FEDERAL = "Federal actions against it";

type City = { id: number; slug: string };

let mod: TestUser;
beforeAll(async () => {
  await getDb();
  mod = await createTestUser({ role: "moderator" });
});

/** Every notification row of a user as the database holds it, oldest first. */
async function rowsOf(userId: number) {
  const db = await getDb();
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(asc(notifications.id));
}

/** A pending update by `author` in `city`; returns its id and title. */
async function pendingUpdate(city: City, author: TestUser) {
  const title = `Detainer ordinance ${unique()}`;
  const [id] = await insertUpdates([{ jurisdictionId: city.id, authorId: author.id, title }]);
  return { id: id!, title };
}

/** The moderator decides on an update (version 1), and the decision must go through. */
async function decideUpdate(id: number, decision: "approve" | "reject", reason = "") {
  actAs(mod);
  expect(await decideSubmission({ type: "update", id, version: 1, decision, reason })).toEqual({
    ok: true,
    data: null,
  });
}

/** What the city looks like inside a notification. */
async function cityOf(city: City) {
  const row = await cityRow(city.id);
  return { slug: city.slug, name: row.name, state: row.state };
}

/** Sets how often a person wants email, straight in the database. */
async function setEmailFrequency(userId: number, emailFrequency: EmailFrequency) {
  const db = await getDb();
  await db.update(users).set({ emailFrequency }).where(eq(users.id, userId));
}

/**
 * Inserts `count` notifications straight into the database: decisions on an
 * edit of `city`, so they show whatever happens to updates. Returns their ids
 * in the order given (oldest first).
 */
async function insertNotifications(
  userId: number,
  city: City,
  count: number,
  extra: Partial<typeof notifications.$inferInsert> = {},
): Promise<number[]> {
  const db = await getDb();
  const rows = await db
    .insert(notifications)
    .values(
      Array.from({ length: count }, () => ({
        userId,
        kind: "submission_decided" as const,
        jurisdictionId: city.id,
        decision: "approved" as const,
        ...extra,
      })),
    )
    .returning({ id: notifications.id });
  return rows.map((r) => r.id);
}

/** The unread state of one notification row. */
async function readAtOf(id: number) {
  const db = await getDb();
  const [row] = await db
    .select({ readAt: notifications.readAt })
    .from(notifications)
    .where(eq(notifications.id, id));
  if (!row) throw new Error(`no notification ${id}`);
  return row.readAt;
}

describe("approving an update", () => {
  it("tells each follower once, the author of the decision, and nobody else", async () => {
    const [city, elsewhere] = [await createTestCity(), await createTestCity()];
    const [a, b, c, author] = [
      await createTestUser(),
      await createTestUser(),
      await createTestUser(),
      await createTestUser(),
    ];
    await insertFollows(a.id, [city.id]);
    await insertFollows(b.id, [city.id, elsewhere.id]);
    await insertFollows(c.id, [elsewhere.id]);
    // the author and the moderator follow the city too, and must still be skipped
    await insertFollows(author.id, [city.id]);
    await insertFollows(mod.id, [city.id]);
    const update = await pendingUpdate(city, author);
    const modRowsBefore = await rowsOf(mod.id);

    await decideUpdate(update.id, "approve");

    const where = await cityOf(city);
    for (const follower of [a, b]) {
      expect(await rowsOf(follower.id), `follower ${follower.id}`).toEqual([
        expect.objectContaining({
          kind: "update_approved",
          jurisdictionId: city.id,
          updateId: update.id,
          readAt: null,
        }),
      ]);
      actAs(follower);
      expect(await listMyNotifications()).toEqual({
        items: [
          {
            id: expect.any(Number),
            at: expect.any(String),
            read: false,
            city: where,
            type: "update",
            update: { id: update.id, title: update.title, kind: "ordinance" },
          },
        ],
        next: null,
      });
      expect(await countMyUnread()).toBe(1);
    }

    expect(await rowsOf(c.id)).toEqual([]);
    actAs(c);
    expect(await listMyNotifications()).toEqual({ items: [], next: null });
    expect(await countMyUnread()).toBe(0);

    actAs(author);
    expect((await listMyNotifications()).items).toEqual([
      {
        id: expect.any(Number),
        at: expect.any(String),
        read: false,
        city: where,
        type: "decision",
        subject: { type: "update", id: update.id, title: update.title },
        outcome: "approved",
        reason: null,
      },
    ]);
    expect(await rowsOf(author.id)).toEqual([
      expect.objectContaining({ kind: "submission_decided", decision: "approved" }),
    ]);

    expect(await rowsOf(mod.id)).toEqual(modRowsBefore);
  });

  it("rejecting tells the author the reason and tells followers nothing", async () => {
    const city = await createTestCity();
    const [follower, author] = [await createTestUser(), await createTestUser()];
    await insertFollows(follower.id, [city.id]);
    await insertFollows(author.id, [city.id]);
    const update = await pendingUpdate(city, author);
    const reason = `The source does not say this ${unique()}`;

    await decideUpdate(update.id, "reject", reason);

    expect(await rowsOf(follower.id)).toEqual([]);
    actAs(follower);
    expect(await countMyUnread()).toBe(0);
    actAs(author);
    expect((await listMyNotifications()).items).toEqual([
      {
        id: expect.any(Number),
        at: expect.any(String),
        read: false,
        city: await cityOf(city),
        type: "decision",
        subject: { type: "update", id: update.id, title: update.title },
        outcome: "rejected",
        reason,
      },
    ]);
    expect(await countMyUnread()).toBe(1);
  });

  it("a deleted follower gets nothing", async () => {
    const city = await createTestCity();
    const [deleted, author] = [await createTestUser({ deleted: true }), await createTestUser()];
    await insertFollows(deleted.id, [city.id]);
    await decideUpdate((await pendingUpdate(city, author)).id, "approve");
    expect(await rowsOf(deleted.id)).toEqual([]);
  });
});

describe("profile changes", () => {
  it("an approved edit and a revert each tell followers which fields changed", async () => {
    const city = await createTestCity();
    const [follower, author] = [await createTestUser(), await createTestUser()];
    await insertFollows(follower.id, [city.id]);
    await insertFollows(author.id, [city.id]);
    await insertFollows(mod.id, [city.id]);
    const modRowsBefore = await rowsOf(mod.id);
    const [baseline] = await revisionsOf(city.id);
    const leaderTitle = (await cityRow(city.id)).leaderTitle;
    const [editId] = await insertEdits([
      {
        jurisdictionId: city.id,
        authorId: author.id,
        changes: changesFor(await currentFields(city.id), {
          leader: { value: `Leader ${unique()}` },
          federal_actions: { value: `Federal action ${unique()}` },
        }),
      },
    ]);

    actAs(mod);
    expect(
      await decideSubmission({
        type: "edit",
        id: editId!,
        version: 1,
        decision: "approve",
        reason: "",
      }),
    ).toEqual({ ok: true, data: null });
    const edited = (await revisionsOf(city.id)).at(-1)!;
    expect(edited).toMatchObject({ kind: "edit", editId });

    const where = await cityOf(city);
    const profileItem = (revisionId: number, revert: boolean) => ({
      id: expect.any(Number),
      at: expect.any(String),
      read: false,
      city: where,
      type: "profile",
      revision: { id: revisionId, revert, fields: [FEDERAL, leaderTitle] },
    });
    actAs(follower);
    expect((await listMyNotifications()).items).toEqual([profileItem(edited.id, false)]);

    // the author hears of the decision, not of the change
    actAs(author);
    expect((await listMyNotifications()).items).toEqual([
      {
        id: expect.any(Number),
        at: expect.any(String),
        read: false,
        city: where,
        type: "decision",
        subject: { type: "edit", id: editId },
        outcome: "approved",
        reason: null,
      },
    ]);

    actAs(mod);
    const reverted = await revertProfile({
      revisionId: baseline!.id,
      latestRevisionId: edited.id,
      reason: "Unsourced change",
    });
    expect(reverted).toEqual({ ok: true, data: { revisionId: expect.any(Number) } });
    const revertId = reverted.ok ? reverted.data.revisionId : -1;

    actAs(follower);
    expect((await listMyNotifications()).items).toEqual([
      profileItem(revertId, true),
      profileItem(edited.id, false),
    ]);
    expect(await countMyUnread()).toBe(2);
    // a revert is nobody's submission: a following author hears of it like anyone
    actAs(author);
    expect((await listMyNotifications()).items[0]).toEqual(profileItem(revertId, true));
    // the moderator who approved and reverted hears of neither
    expect(await rowsOf(mod.id)).toEqual(modRowsBefore);
  });
});

describe("unread counts and marking read", () => {
  let city: City;
  beforeAll(async () => {
    city = await createTestCity();
  });

  it("countMyUnread counts only my unread notifications", async () => {
    const [me, other] = [await createTestUser(), await createTestUser()];
    await insertNotifications(me.id, city, 3);
    await insertNotifications(me.id, city, 2, { readAt: new Date() });
    await insertNotifications(other.id, city, 4);
    actAs(me);
    expect(await countMyUnread()).toBe(3);
    actAs(other);
    expect(await countMyUnread()).toBe(4);
  });

  it("countMyUnread stops counting at UNREAD_CAP (the header shows 99+)", async () => {
    const me = await createTestUser();
    await insertNotifications(me.id, city, UNREAD_CAP + 5);
    actAs(me);
    expect(await countMyUnread()).toBe(UNREAD_CAP);
    await insertNotifications(me.id, city, 1); // still capped, not UNREAD_CAP + 6
    expect(await countMyUnread()).toBe(UNREAD_CAP);
  });

  it("markNotificationRead marks that one only and answers my new count", async () => {
    const me = await createTestUser();
    const [first, second, third] = await insertNotifications(me.id, city, 3);
    actAs(me);
    expect(await markNotificationRead({ id: second! })).toEqual({ ok: true, data: { unread: 2 } });
    expect(await readAtOf(second!)).toBeInstanceOf(Date);
    expect(await readAtOf(first!)).toBeNull();
    expect(await readAtOf(third!)).toBeNull();
    expect(await countMyUnread()).toBe(2);
    const listed = (await listMyNotifications()).items;
    expect(listed.map((i) => [i.id, i.read])).toEqual([
      [third, false],
      [second, true],
      [first, false],
    ]);
    // again: still read, the same count, the first time kept
    const readAt = await readAtOf(second!);
    expect(await markNotificationRead({ id: second! })).toEqual({ ok: true, data: { unread: 2 } });
    expect(await readAtOf(second!)).toEqual(readAt);
  });

  it("marking another person's notification is refused and leaves it unread", async () => {
    const [me, other] = [await createTestUser(), await createTestUser()];
    await insertNotifications(me.id, city, 1);
    const [theirs] = await insertNotifications(other.id, city, 2);
    const before = await rowsOf(other.id);
    actAs(me);
    expect(await markNotificationRead({ id: theirs! })).toEqual({
      ok: false,
      refusal: { code: "no_such_notification" },
    });
    // nor one that does not exist
    expect(await markNotificationRead({ id: 2_147_483_647 })).toEqual({
      ok: false,
      refusal: { code: "no_such_notification" },
    });
    expect(await rowsOf(other.id)).toEqual(before);
    expect(await countMyUnread()).toBe(1);
    actAs(other);
    expect(await countMyUnread()).toBe(2);
  });

  it("markAllNotificationsRead zeros my count and nobody else's", async () => {
    const [me, other] = [await createTestUser(), await createTestUser()];
    await insertNotifications(me.id, city, 4);
    await insertNotifications(other.id, city, 3);
    const theirs = await rowsOf(other.id);
    actAs(me);
    expect(await countMyUnread()).toBe(4);
    const shown = (await listMyNotifications()).items;
    expect(await markAllNotificationsRead({ upTo: Math.max(...shown.map((i) => i.id)) })).toEqual({
      ok: true,
      data: { unread: 0 },
    });
    expect(await countMyUnread()).toBe(0);
    for (const row of await rowsOf(me.id)) expect(row.readAt).toBeInstanceOf(Date);
    expect((await listMyNotifications()).items.every((i) => i.read)).toBe(true);
    expect(await rowsOf(other.id)).toEqual(theirs);
    actAs(other);
    expect(await countMyUnread()).toBe(3);
  });

  it("markAllNotificationsRead leaves unread what arrived after the page was shown", async () => {
    const me = await createTestUser();
    await insertNotifications(me.id, city, 2);
    actAs(me);
    const shown = (await listMyNotifications()).items;
    const [later] = await insertNotifications(me.id, city, 1);
    expect(await markAllNotificationsRead({ upTo: Math.max(...shown.map((i) => i.id)) })).toEqual({
      ok: true,
      data: { unread: 1 },
    });
    const rows = await rowsOf(me.id);
    expect(rows.filter((r) => r.readAt === null).map((r) => r.id)).toEqual([later]);
  });
});

describe("hidden content", () => {
  it("an update hidden after approval drops out of the list and the count", async () => {
    const city = await createTestCity();
    const [follower, author] = [await createTestUser(), await createTestUser()];
    await insertFollows(follower.id, [city.id]);
    const [kept, hidden] = [await pendingUpdate(city, author), await pendingUpdate(city, author)];
    await decideUpdate(kept.id, "approve");
    await decideUpdate(hidden.id, "approve");
    actAs(follower);
    const shown = (items: NotificationItem[]) =>
      items.map((i) => (i.type === "update" ? i.update.id : null));
    expect(shown((await listMyNotifications()).items)).toEqual([hidden.id, kept.id]);
    expect(await countMyUnread()).toBe(2);

    // a moderator hides it
    const db = await getDb();
    await db
      .update(policyUpdates)
      .set({ status: "rejected" })
      .where(eq(policyUpdates.id, hidden.id));

    expect(shown((await listMyNotifications()).items)).toEqual([kept.id]);
    expect(await countMyUnread()).toBe(1);
    // the row itself is kept: it shows again should the update be approved again
    expect((await rowsOf(follower.id)).map((r) => r.updateId)).toEqual([kept.id, hidden.id]);

    // the author's own decision on it still shows
    actAs(author);
    const decisions = (await listMyNotifications()).items.flatMap((i) =>
      i.type === "decision" && i.subject.type === "update" ? [i.subject.id] : [],
    );
    expect(decisions).toEqual([hidden.id, kept.id]);
    expect(await countMyUnread()).toBe(2);
  });
});

describe("pages", () => {
  it("45 notifications come back once each, newest first, 20 a page", async () => {
    const city = await createTestCity();
    const [me, other] = [await createTestUser(), await createTestUser()];
    const db = await getDb();
    const start = Date.UTC(2024, 0, 1);
    // mine and someone else's interleaved, so their ids interleave too
    const inserted = await db
      .insert(notifications)
      .values(
        Array.from({ length: 90 }, (_, i) => ({
          userId: i % 2 === 0 ? me.id : other.id,
          kind: "submission_decided" as const,
          jurisdictionId: city.id,
          decision: "approved" as const,
          createdAt: new Date(start + i * 60_000),
        })),
      )
      .returning({ id: notifications.id, userId: notifications.userId });
    const mine = inserted
      .filter((r) => r.userId === me.id)
      .map((r) => r.id)
      .sort((x, y) => y - x);
    expect(mine).toHaveLength(45);

    actAs(me);
    const pages: NotificationItem[][] = [];
    const cursors: (number | null)[] = [];
    let before: number | undefined;
    do {
      const page = await listMyNotifications(before);
      pages.push(page.items);
      cursors.push(page.next);
      before = page.next ?? undefined;
    } while (before !== undefined && pages.length < 10);

    expect(pages.map((p) => p.length)).toEqual([PAGE, PAGE, 5]);
    const ids = pages.flat().map((i) => i.id);
    expect(ids).toEqual(mine);
    expect(cursors).toEqual([pages[0]!.at(-1)!.id, pages[1]!.at(-1)!.id, null]);
    const times = pages.flat().map((i) => Date.parse(i.at));
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });

  it("exactly one full page has no next page", async () => {
    const city = await createTestCity();
    const me = await createTestUser();
    const ids = await insertNotifications(me.id, city, PAGE);
    actAs(me);
    const page = await listMyNotifications();
    expect(page.items.map((i) => i.id)).toEqual([...ids].sort((x, y) => y - x));
    expect(page.next).toBeNull();
  });
});

describe("who may read and mark notifications", () => {
  let city: City;
  const { refusals, users } = refusedCallers();
  beforeAll(async () => {
    city = await createTestCity();
    for (const who of [users.banned, users.deleted, users.stale]) {
      await insertNotifications(who.id, city, 2);
    }
  });

  it.each(refusals)("%s: listMyNotifications is refused", async (_, who, code) => {
    actAs(who());
    await expectAuthError(listMyNotifications(), code);
  });

  it.each(refusals)(
    "%s: markNotificationRead is refused and marks nothing",
    async (_, who, code) => {
      const subject = who();
      const before = subject ? await rowsOf(subject.id) : [];
      const id = before[0]?.id ?? 1;
      actAs(subject);
      await expectAuthError(markNotificationRead({ id }), code);
      if (subject) expect(await rowsOf(subject.id)).toEqual(before);
    },
  );

  it.each(refusals)(
    "%s: markAllNotificationsRead is refused and marks nothing",
    async (_, who, code) => {
      const subject = who();
      const before = subject ? await rowsOf(subject.id) : [];
      if (subject) expect(before.map((r) => r.readAt)).toEqual([null, null]);
      actAs(subject);
      await expectAuthError(markAllNotificationsRead({ upTo: 2_147_483_647 }), code);
      if (subject) expect(await rowsOf(subject.id)).toEqual(before);
    },
  );

  it.each(refusals)("%s: countMyUnread answers 0", async (_, who) => {
    actAs(who());
    expect(await countMyUnread()).toBe(0);
  });
});

describe("email_pending", () => {
  it("follows each recipient's email setting", async () => {
    const city = await createTestCity();
    const [never, daily, immediately, author] = [
      await createTestUser(),
      await createTestUser(),
      await createTestUser(),
      await createTestUser(),
    ];
    await setEmailFrequency(never.id, "never");
    await setEmailFrequency(daily.id, "daily");
    await setEmailFrequency(immediately.id, "immediately");
    await setEmailFrequency(author.id, "never");
    for (const u of [never, daily, immediately]) await insertFollows(u.id, [city.id]);
    const update = await pendingUpdate(city, author);

    await decideUpdate(update.id, "approve");

    const pending = async (u: TestUser) =>
      (await rowsOf(u.id)).map((r) => [r.kind, r.updateId, r.emailPending]);
    expect(await pending(never)).toEqual([["update_approved", update.id, false]]);
    expect(await pending(daily)).toEqual([["update_approved", update.id, true]]);
    expect(await pending(immediately)).toEqual([["update_approved", update.id, true]]);
    expect(await pending(author)).toEqual([["submission_decided", update.id, false]]);
  });

  it("an author who wants email has the decision waiting for it", async () => {
    const city = await createTestCity();
    const author = await createTestUser();
    await setEmailFrequency(author.id, "daily");
    const update = await pendingUpdate(city, author);
    await decideUpdate(update.id, "reject", "Not a policy change");
    expect((await rowsOf(author.id)).map((r) => [r.decision, r.emailPending])).toEqual([
      ["rejected", true],
    ]);
  });
});

describe("describeNotification", () => {
  const base = {
    id: 7,
    at: "2024-05-01T12:00:00.000Z",
    read: false,
    city: { slug: "springfield-il", name: "Springfield", state: "IL" },
  };

  it("an approved update: the city, the kind and the title, linking to the update", () => {
    expect(
      describeNotification({
        ...base,
        type: "update",
        update: { id: 42, title: "Detainer ordinance", kind: "court_ruling" },
      }),
    ).toEqual({
      text: "New update in Springfield, IL (Court ruling): Detainer ordinance",
      path: "/updates/42",
    });
  });

  it("a profile change: updated or reverted, the fields, linking to that revision", () => {
    const revision = { id: 9, revert: false, fields: [FEDERAL, "Mayor"] };
    expect(describeNotification({ ...base, type: "profile", revision })).toEqual({
      text: `Springfield, IL's profile was updated: ${FEDERAL}, Mayor`,
      path: "/cities/springfield-il/history#revision-9",
    });
    expect(
      describeNotification({ ...base, type: "profile", revision: { ...revision, revert: true } }),
    ).toEqual({
      text: `Springfield, IL's profile was reverted: ${FEDERAL}, Mayor`,
      path: "/cities/springfield-il/history#revision-9",
    });
  });

  const decision = (
    subject: { type: "update"; id: number; title: string } | { type: "edit"; id: number },
    outcome: "approved" | "rejected" | "hidden" | "restored",
    reason: string | null,
  ): NotificationItem => ({ ...base, type: "decision", subject, outcome, reason });

  it("an approved update of mine links to it", () => {
    expect(
      describeNotification(
        decision({ type: "update", id: 42, title: "Detainers" }, "approved", null),
      ),
    ).toEqual({ text: "Your update “Detainers” was approved.", path: "/updates/42" });
  });

  it("an approved edit of mine links to the city's history", () => {
    expect(describeNotification(decision({ type: "edit", id: 5 }, "approved", null))).toEqual({
      text: "Your edit to Springfield, IL's profile was approved.",
      path: "/cities/springfield-il/history",
    });
  });

  it("a rejection carries the reason and links to my submissions", () => {
    expect(
      describeNotification(
        decision({ type: "update", id: 42, title: "Detainers" }, "rejected", "No source"),
      ),
    ).toEqual({
      text: "Your update “Detainers” was rejected.",
      path: "/me/submissions",
      reason: "No source",
    });
    expect(
      describeNotification(decision({ type: "edit", id: 5 }, "rejected", "Out of date")),
    ).toEqual({
      text: "Your edit to Springfield, IL's profile was rejected.",
      path: "/me/submissions",
      reason: "Out of date",
    });
  });

  it("a hidden update of mine says so with the reason; a restored one links to it again", () => {
    const subject = { type: "update" as const, id: 42, title: "Detainers" };
    expect(describeNotification(decision(subject, "hidden", "Wrong source"))).toEqual({
      text: "Your update “Detainers” was hidden from the public by a moderator.",
      path: "/me/submissions",
      reason: "Wrong source",
    });
    expect(describeNotification(decision(subject, "restored", "Source checked"))).toEqual({
      text: "Your update “Detainers” is public again: a moderator restored it.",
      path: "/updates/42",
      reason: "Source checked",
    });
  });
});
