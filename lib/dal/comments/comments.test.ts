import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { articles, notifications, users } from "@/db/schema";
import { ARTICLE_SLUG } from "@/db/seed/article";
import { describeNotification, excerptOf } from "@/lib/notification-text";
import type { Refusal } from "@/lib/refusals";
import {
  COMMENT_EDIT_MINUTES,
  COMMENT_MAX_LENGTH,
  postCommentSchema,
} from "@/lib/validation/comment";
import {
  allThreads,
  awayFromWindowEdge,
  backdate,
  citySubject,
  commentRow,
  commentRowsOf,
  establishedPeople,
  insertComments,
  listAs,
  newPeople,
  okData,
  oldPeople,
  post,
  reportBy,
  shownTo,
  storedCount,
  updateIn,
  visibleCount,
  type City,
} from "@/test/comments";
import { cityRow, createTestCity } from "@/test/edits";
import {
  actAs,
  createTestUser,
  expectAuthError,
  refusedCallers,
  unique,
  type TestUser,
} from "@/test/users";
import { moderateComment } from "./reports";
import {
  deleteComment,
  editComment,
  listComments,
  listMoreReplies,
  parseThreadCursor,
  postComment,
} from "./comments";
import { countMyUnread, listMyNotifications } from "@/lib/dal/news/notifications";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

const NO_PAGE: Refusal = { code: "no_such_comment_page" };
const NOT_HERE: Refusal = { code: "reply_not_on_page" };
const NO_REPLIES: Refusal = { code: "reply_to_unavailable" };
const NOT_YOURS: Refusal = { code: "not_your_comment" };
const NO_SUCH: Refusal = { code: "no_such_comment" };
const TOO_LATE: Refusal = { code: "comment_edit_window_over", minutes: COMMENT_EDIT_MINUTES };
const HIDDEN_NO_EDIT: Refusal = { code: "comment_hidden_no_edit" };
const EDIT_MS = COMMENT_EDIT_MINUTES * 60_000;

let mod: TestUser;
beforeAll(async () => {
  await getDb();
  mod = await createTestUser({ role: "moderator" });
});

/** The moderator hides or restores a comment; it must go through. */
async function moderate(id: number, action: "hide" | "restore", reason = "Moderator's reason") {
  actAs(mod);
  expect(await moderateComment({ id, action, reason })).toEqual({ ok: true, data: null });
}

/** The seeded article's id. */
async function articleId() {
  const db = await getDb();
  const [row] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.slug, ARTICLE_SLUG));
  return row!.id;
}

/** The comment_reply notification rows of a user, oldest first. */
async function replyRowsOf(userId: number) {
  const db = await getDb();
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, "comment_reply")))
    .orderBy(asc(notifications.id));
}

/** Everything the database holds about a city's comments and the replies' notifications. */
async function commentSnapshot(city: City) {
  const rows = await commentRowsOf("city", city.id);
  const db = await getDb();
  const notes = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.jurisdictionId, city.id), eq(notifications.kind, "comment_reply")))
    .orderBy(asc(notifications.id));
  return { rows, notes, count: await storedCount("city", city.id) };
}

describe("posting", () => {
  it("on a city: the comment comes back in the list, with its author's name, mine only for its author", async () => {
    const city = await createTestCity();
    const [author, other] = await newPeople(2);
    const subject = citySubject(city);

    const view = await post(author, subject, "  The council voted last night.  ");

    expect(view).toMatchObject({
      parentId: null,
      depth: 1,
      authorName: author.name,
      body: "  The council voted last night.  ",
      state: "visible",
      edited: false,
      mine: true,
      hiddenReason: null,
    });
    expect(await commentRow(view.id)).toMatchObject({
      subjectType: "city",
      subjectId: city.id,
      authorId: author.id,
      parentId: null,
      rootId: null,
      depth: 1,
      status: "visible",
    });

    const mine = await listAs(author, subject);
    expect(mine).toMatchObject({ next: null, count: 1, signedIn: true });
    expect(mine.threads).toEqual([{ root: view, replies: [], moreReplies: null }]);

    const theirs = await listAs(other, subject);
    expect(theirs.threads).toEqual([
      { root: { ...view, mine: false, editableUntil: null }, replies: [], moreReplies: null },
    ]);
    const anonymous = await listAs(null, subject);
    expect(anonymous.signedIn).toBe(false);
    expect(anonymous.threads.map((t) => t.root)).toEqual([
      { ...view, mine: false, editableUntil: null },
    ]);
  });

  it("on an approved update", async () => {
    const city = await createTestCity();
    const [author, other] = await newPeople(2);
    const updateId = await updateIn(city, author);

    const view = await post(other, `update:${updateId}`, "Good news.");

    expect(await commentRow(view.id)).toMatchObject({
      subjectType: "update",
      subjectId: updateId,
      authorId: other.id,
    });
    const page = await listAs(author, `update:${updateId}`);
    expect(page.threads.map((t) => t.root)).toEqual([
      { ...view, mine: false, editableUntil: null },
    ]);
    expect(page.count).toBe(1);
    // the city's own page is another subject
    expect((await listAs(author, citySubject(city))).threads).toEqual([]);
  });

  it("on the article", async () => {
    const [author, other] = await newPeople(2);
    const body = `About the article ${unique()}`;

    const view = await post(author, `article:${ARTICLE_SLUG}`, body);

    expect(await commentRow(view.id)).toMatchObject({
      subjectType: "article",
      subjectId: await articleId(),
      body,
    });
    // newest first: the one just posted leads the first page
    const page = await listAs(other, `article:${ARTICLE_SLUG}`);
    expect(page.threads[0]?.root).toEqual({ ...view, mine: false, editableUntil: null });
  });

  it.each(["pending", "rejected", "hidden"] as const)(
    "on a %s update is refused, and the update has no comment list",
    async (status) => {
      const city = await createTestCity();
      const [author, other] = await newPeople(2);
      const updateId = await updateIn(city, author, status);

      actAs(other);
      expect(await postComment({ subject: `update:${updateId}`, body: "Hello" })).toEqual({
        ok: false,
        refusal: NO_PAGE,
      });
      expect(await commentRowsOf("update", updateId)).toEqual([]);
      actAs(other);
      expect(await listComments(`update:${updateId}`)).toBeNull();
    },
  );

  it("on an unknown city or article is refused", async () => {
    const [person] = await newPeople(1);
    for (const subject of [`city:no-such-city-${unique()}`, "article:no-such-article"]) {
      actAs(person);
      expect(await postComment({ subject, body: "Hello" }), subject).toEqual({
        ok: false,
        refusal: NO_PAGE,
      });
      expect(await listComments(subject), subject).toBeNull();
    }
    // a refusal does not use up the new account's one comment
    const city = await createTestCity();
    await post(person, citySubject(city));
  });

  it("shows a deleted account's comments as by “deleted user”", async () => {
    const city = await createTestCity();
    const [author, other] = await newPeople(2);
    const view = await post(author, citySubject(city));
    const db = await getDb();
    await db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, author.id));

    expect((await shownTo(other, citySubject(city))).get(view.id)).toMatchObject({
      authorName: "deleted user",
      body: view.body,
    });
  });
});

describe("comment bodies (postCommentSchema)", () => {
  const parse = (body: unknown) => postCommentSchema.safeParse({ subject: "city:boston-ma", body });
  const messageOf = (body: unknown) => {
    const result = parse(body);
    return result.success ? null : result.error.issues.map((i) => i.message);
  };

  it("refuses an empty body, also after trimming", () => {
    expect(messageOf("")).toEqual(["Write a comment."]);
    expect(messageOf("  \n\t ")).toEqual(["Write a comment."]);
    expect(messageOf(undefined)).toEqual(["Write a comment."]);
  });

  it("trims the body", () => {
    expect(parse("  Hello\n").data?.body).toBe("Hello");
  });

  it(`allows ${COMMENT_MAX_LENGTH} characters, counted as characters, and no more`, () => {
    expect(messageOf("a".repeat(COMMENT_MAX_LENGTH))).toBeNull();
    expect(messageOf("a".repeat(COMMENT_MAX_LENGTH + 1))).toEqual([
      `Use at most ${COMMENT_MAX_LENGTH} characters.`,
    ]);
    // each of these is one character but two UTF-16 units
    const emoji = "😀".repeat(COMMENT_MAX_LENGTH);
    expect(emoji.length).toBe(2 * COMMENT_MAX_LENGTH);
    expect(messageOf(emoji)).toBeNull();
    expect(messageOf(`${emoji}😀`)).toEqual([`Use at most ${COMMENT_MAX_LENGTH} characters.`]);
  });

  it("refuses control and format characters, but keeps line breaks and tabs", () => {
    for (const bad of [
      "a\u0000b",
      "bell\u0007",
      "esc\u001b[31m",
      "zero\u200bwidth",
      "rtl\u202eabc",
    ]) {
      expect(messageOf(bad), JSON.stringify(bad)).toEqual(["Remove control characters."]);
    }
    expect(messageOf("line one\nline two\r\n\tindented")).toBeNull();
  });

  it("refuses a malformed subject and unknown fields", () => {
    expect(postCommentSchema.safeParse({ subject: "city:Boston MA", body: "x" }).success).toBe(
      false,
    );
    expect(postCommentSchema.safeParse({ subject: "update:0", body: "x" }).success).toBe(false);
    expect(
      postCommentSchema.safeParse({ subject: "city:boston-ma", body: "x", authorId: 1 }).success,
    ).toBe(false);
  });
});

describe("replies and nesting", () => {
  it("nests three deep; a reply to a third-level comment joins it at the third level", async () => {
    const city = await createTestCity();
    const subject = citySubject(city);
    const [a, b, c, d] = await newPeople(4);

    const root = await post(a, subject, "Root");
    const second = await post(b, subject, "Second level", root.id);
    const third = await post(c, subject, "Third level", second.id);
    const fourth = await post(d, subject, "Reply to the third level", third.id);

    expect(second).toMatchObject({ parentId: root.id, depth: 2 });
    expect(third).toMatchObject({ parentId: second.id, depth: 3 });
    expect(fourth).toMatchObject({ parentId: second.id, depth: 3 });
    for (const reply of [second, third, fourth]) {
      expect((await commentRow(reply.id)).rootId, `reply ${reply.id}`).toBe(root.id);
    }
    expect((await commentRow(fourth.id)).parentId).toBe(second.id);

    const page = await listAs(a, subject);
    expect(page.threads).toHaveLength(1);
    expect(page.threads[0]!.root.id).toBe(root.id);
    expect(page.threads[0]!.replies.map((r) => [r.id, r.parentId, r.depth])).toEqual([
      [second.id, root.id, 2],
      [third.id, second.id, 3],
      [fourth.id, second.id, 3],
    ]);
    expect(page.count).toBe(4);
  });

  it("refuses a reply to a comment on another page, or to no comment, and writes nothing", async () => {
    const [here, there] = [await createTestCity(), await createTestCity()];
    const [a, b] = await newPeople(2);
    const elsewhere = await post(a, citySubject(there));
    const onUpdate = await insertComments([
      { subjectType: "update", subjectId: here.id, authorId: a.id },
    ]);
    const before = await commentSnapshot(here);

    for (const parentId of [elsewhere.id, onUpdate[0]!, 2_147_483_647]) {
      actAs(b);
      expect(
        await postComment({ subject: citySubject(here), body: "Reply", parentId }),
        `parent ${parentId}`,
      ).toEqual({ ok: false, refusal: NOT_HERE });
    }
    expect(await commentSnapshot(here)).toEqual(before);
    expect(await commentRowsOf("city", there.id)).toHaveLength(1);
  });

  it("refuses a reply to a deleted or hidden comment", async () => {
    const city = await createTestCity();
    const [a, b, c] = await newPeople(3);
    const [deleted, hidden] = await insertComments([
      { subjectType: "city", subjectId: city.id, authorId: a.id, status: "deleted", body: "" },
      { subjectType: "city", subjectId: city.id, authorId: b.id, status: "hidden" },
    ]);
    for (const parentId of [deleted!, hidden!]) {
      actAs(c);
      expect(await postComment({ subject: citySubject(city), body: "Reply", parentId })).toEqual({
        ok: false,
        refusal: NO_REPLIES,
      });
    }
    expect(await commentRowsOf("city", city.id)).toHaveLength(2);
  });
});

describe("lists", () => {
  it("shows threads newest first, ten a page; walking `next` gives every thread once", async () => {
    const city = await createTestCity();
    const [a, b] = await newPeople(2);
    const t0 = Date.now() - 3_600_000;
    // 25 threads a second apart, except three posted at the same instant around
    // the first page's end (ties are broken by id), inserted in shuffled order
    const times = Array.from({ length: 25 }, (_, i) => (i >= 8 && i <= 10 ? 8 : i));
    const order = [...times.keys()].sort((x, y) => ((x * 7) % 25) - ((y * 7) % 25));
    const ids = await insertComments(
      order.map((i) => ({
        subjectType: "city" as const,
        subjectId: city.id,
        authorId: i % 2 ? a.id : b.id,
        createdAt: new Date(t0 + times[i]! * 1000),
      })),
    );
    // a reply is not a thread
    await insertComments([
      {
        subjectType: "city",
        subjectId: city.id,
        authorId: a.id,
        parentId: ids[0],
        rootId: ids[0],
        depth: 2,
        createdAt: new Date(t0 + 30_000),
      },
    ]);
    const rows = (await commentRowsOf("city", city.id)).filter((r) => r.parentId === null);
    const expected = rows
      .sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || y.id - x.id)
      .map((r) => r.id);

    const { threads, pages } = await allThreads(a, citySubject(city));

    expect(pages).toEqual([10, 10, 5]);
    expect(threads.map((t) => t.root.id)).toEqual(expected);
    expect(new Set(threads.map((t) => t.root.id)).size).toBe(25);
    expect((await listAs(a, citySubject(city))).count).toBe(26);
  });

  it("reaches threads posted in the same millisecond as a page's last thread", async () => {
    const city = await createTestCity();
    const [a] = await newPeople(1);
    // twelve threads posted at one instant with a sub-millisecond part, as
    // concurrent posts or one transaction would have them
    await insertComments(
      Array.from({ length: 12 }, () => ({
        subjectType: "city" as const,
        subjectId: city.id,
        authorId: a.id,
        createdAt: sql`date_trunc('milliseconds', now()) + interval '456 microseconds'`,
      })),
    );

    const { threads } = await allThreads(a, citySubject(city));

    expect(threads).toHaveLength(12);
  });

  it("ignores a malformed cursor", async () => {
    expect(parseThreadCursor(undefined)).toBeNull();
    expect(parseThreadCursor("abc")).toBeNull();
    expect(parseThreadCursor("1.2.3")).toBeNull();
    expect(parseThreadCursor("99999999999999999.1")).toBeNull();
    expect(parseThreadCursor("1700000000000.99999999999")).toBeNull();
    expect(parseThreadCursor("1700000000000.42")).toEqual({
      at: new Date(1_700_000_000_000),
      id: 42,
    });
    const city = await createTestCity();
    const [a] = await newPeople(1);
    const view = await post(a, citySubject(city));
    expect((await listAs(null, citySubject(city), "junk")).threads.map((t) => t.root.id)).toEqual([
      view.id,
    ]);
  });

  it("shows a thread's replies oldest first", async () => {
    const city = await createTestCity();
    const subject = citySubject(city);
    const [a, b, c, d] = await newPeople(4);
    const root = await post(a, subject, "Root");
    const r1 = await post(b, subject, "First reply", root.id);
    const r2 = await post(c, subject, "Second reply", root.id);
    const r3 = await post(d, subject, "Reply to the first", r1.id);

    const [thread] = (await listAs(null, subject)).threads;

    expect(thread!.replies.map((r) => r.id)).toEqual([r1.id, r2.id, r3.id]);
    expect(thread!.replies.map((r) => r.body)).toEqual([
      "First reply",
      "Second reply",
      "Reply to the first",
    ]);
    expect(thread!.moreReplies).toBeNull();
  });

  it("shows 50 replies with a thread; listMoreReplies continues after them", async () => {
    const city = await createTestCity();
    const [a, b] = await newPeople(2);
    const [rootId] = await insertComments([
      { subjectType: "city", subjectId: city.id, authorId: a.id },
    ]);
    const replyIds = await insertComments(
      Array.from({ length: 105 }, (_, i) => ({
        subjectType: "city" as const,
        subjectId: city.id,
        authorId: i % 3 ? a.id : b.id,
        parentId: rootId,
        rootId,
        depth: 2,
      })),
    );

    const [thread] = (await listAs(b, citySubject(city))).threads;
    expect(thread!.replies.map((r) => r.id)).toEqual(replyIds.slice(0, 50));
    expect(thread!.moreReplies).toBe(String(replyIds[49]));

    actAs(b);
    const second = await listMoreReplies(rootId!, Number(thread!.moreReplies));
    expect(second.replies.map((r) => r.id)).toEqual(replyIds.slice(50, 100));
    expect(second.moreReplies).toBe(String(replyIds[99]));
    expect(second.replies.every((r) => r.mine === (r.authorName === b.name))).toBe(true);

    actAs(null);
    const third = await listMoreReplies(rootId!, Number(second.moreReplies));
    expect(third).toEqual({
      replies: replyIds.slice(100).map((id) => expect.objectContaining({ id, mine: false })),
      moreReplies: null,
    });
  });
});

describe("editing", () => {
  it("the author may edit within the window: the comment is changed and marked edited", async () => {
    const city = await createTestCity();
    const [author, other] = await newPeople(2);
    const view = await post(author, citySubject(city), "Frist");
    const createdAt = (await commentRow(view.id)).createdAt;
    expect(view.editableUntil).toBe(new Date(createdAt.getTime() + EDIT_MS).toISOString());

    actAs(author);
    const edited = okData(await editComment({ id: view.id, body: "First" }));

    expect(edited).toMatchObject({ id: view.id, body: "First", edited: true, mine: true });
    expect(await commentRow(view.id)).toMatchObject({ body: "First", editedAt: expect.any(Date) });
    const shown = (await shownTo(author, citySubject(city))).get(view.id);
    expect(shown).toMatchObject({
      body: "First",
      edited: true,
      editableUntil: new Date(createdAt.getTime() + EDIT_MS).toISOString(),
    });
    // the window runs from posting, not from the edit; others have none
    expect((await shownTo(other, citySubject(city))).get(view.id)).toMatchObject({
      body: "First",
      edited: true,
      editableUntil: null,
    });
  });

  it(`is refused after ${COMMENT_EDIT_MINUTES} minutes, and the window is shown until then`, async () => {
    const city = await createTestCity();
    const [author] = await newPeople(1);
    const view = await post(author, citySubject(city), "Original");

    await backdate(view.id, COMMENT_EDIT_MINUTES - 1);
    const almost = (await shownTo(author, citySubject(city))).get(view.id);
    expect(almost?.editableUntil).toBe(
      new Date((await commentRow(view.id)).createdAt.getTime() + EDIT_MS).toISOString(),
    );
    actAs(author);
    okData(await editComment({ id: view.id, body: "Still in time" }));

    await backdate(view.id, 2);
    expect((await shownTo(author, citySubject(city))).get(view.id)?.editableUntil).toBeNull();
    actAs(author);
    expect(await editComment({ id: view.id, body: "Too late" })).toEqual({
      ok: false,
      refusal: TOO_LATE,
    });
    expect((await commentRow(view.id)).body).toBe("Still in time");
  });

  it("refuses someone else, and a moderator, changing nothing", async () => {
    const city = await createTestCity();
    const [author, other] = await newPeople(2);
    const view = await post(author, citySubject(city), "Mine");
    const before = await commentRow(view.id);

    for (const who of [other, mod]) {
      actAs(who);
      expect(await editComment({ id: view.id, body: "Theirs" })).toEqual({
        ok: false,
        refusal: NOT_YOURS,
      });
    }
    expect(await commentRow(view.id)).toEqual(before);
  });

  it("refuses a hidden or deleted comment, and no comment", async () => {
    const city = await createTestCity();
    const [author] = await newPeople(1);
    const [hidden, deleted] = await insertComments([
      { subjectType: "city", subjectId: city.id, authorId: author.id, status: "hidden" },
      {
        subjectType: "city",
        subjectId: city.id,
        authorId: author.id,
        status: "deleted",
        body: "",
      },
    ]);
    actAs(author);
    expect(await editComment({ id: hidden!, body: "x" })).toEqual({
      ok: false,
      refusal: HIDDEN_NO_EDIT,
    });
    expect(await editComment({ id: deleted!, body: "x" })).toEqual({
      ok: false,
      refusal: NO_SUCH,
    });
    expect(await editComment({ id: 2_147_483_647, body: "x" })).toEqual({
      ok: false,
      refusal: NO_SUCH,
    });
    expect((await commentRow(deleted!)).body).toBe("");
  });
});

describe("deleting", () => {
  it("the author may delete at any time: the text is erased and the comment leaves others' lists", async () => {
    const city = await createTestCity();
    const [author, other] = await newPeople(2);
    const view = await post(author, citySubject(city), "Regrettable");
    await backdate(view.id, 60 * 24 * 30);

    actAs(author);
    expect(await deleteComment({ id: view.id })).toEqual({ ok: true, data: null });

    expect(await commentRow(view.id)).toMatchObject({ status: "deleted", body: "" });
    expect((await listAs(other, citySubject(city))).threads).toEqual([]);
    expect((await listAs(null, citySubject(city))).threads).toEqual([]);
    actAs(author);
    expect(await deleteComment({ id: view.id })).toEqual({ ok: false, refusal: NO_SUCH });
  });

  it("a deleted comment without replies leaves its author's list too", async () => {
    const city = await createTestCity();
    const [author] = await newPeople(1);
    const view = await post(author, citySubject(city));
    actAs(author);
    okData(await deleteComment({ id: view.id }));

    expect((await listAs(author, citySubject(city))).threads).toEqual([]);
  });

  it("a deleted comment with replies stays as a placeholder, and its replies stay", async () => {
    const city = await createTestCity();
    const subject = citySubject(city);
    const [a, b, c, d] = await newPeople(4);
    const root = await post(a, subject, "Root");
    const middle = await post(b, subject, "Middle", root.id);
    const leaf = await post(c, subject, "Leaf", middle.id);
    const lone = await post(d, subject, "Lone reply", root.id);

    for (const [who, id] of [
      [a, root.id],
      [b, middle.id],
      [d, lone.id],
    ] as const) {
      actAs(who);
      okData(await deleteComment({ id }));
    }

    for (const viewer of [c, null]) {
      const [thread, ...more] = (await listAs(viewer, subject)).threads;
      expect(more).toEqual([]);
      expect(thread!.root).toMatchObject({ id: root.id, state: "deleted", body: null });
      // the deleted reply with a reply under it stays; the lone deleted one goes
      expect(thread!.replies).toEqual([
        expect.objectContaining({ id: middle.id, state: "deleted", body: null }),
        expect.objectContaining({ id: leaf.id, state: "visible", body: "Leaf" }),
      ]);
    }
    for (const id of [root.id, middle.id, lone.id]) {
      expect((await commentRow(id)).body, `comment ${id}`).toBe("");
    }
  });

  it("a deleted thread whose replies were all deleted leaves the list", async () => {
    const city = await createTestCity();
    const subject = citySubject(city);
    const [a, b] = await newPeople(2);
    const root = await post(a, subject);
    const reply = await post(b, subject, undefined, root.id);
    for (const [who, id] of [
      [b, reply.id],
      [a, root.id],
    ] as const) {
      actAs(who);
      okData(await deleteComment({ id }));
    }

    expect((await listAs(null, subject)).threads).toEqual([]);
  });

  it("refuses anyone but the author, a moderator too, erasing nothing", async () => {
    const city = await createTestCity();
    const [author, other] = await newPeople(2);
    const view = await post(author, citySubject(city), "Keep me");
    const before = await commentRow(view.id);

    for (const who of [other, mod]) {
      actAs(who);
      expect(await deleteComment({ id: view.id })).toEqual({ ok: false, refusal: NOT_YOURS });
    }
    expect(await commentRow(view.id)).toEqual(before);
    expect((await shownTo(other, citySubject(city))).get(view.id)?.body).toBe("Keep me");
  });
});

describe("who may post, edit and delete", () => {
  const { refusals } = refusedCallers();
  let city: City;
  let someone: TestUser;
  let root: number;
  beforeAll(async () => {
    city = await createTestCity();
    someone = await createTestUser();
    root = (
      await insertComments([{ subjectType: "city", subjectId: city.id, authorId: someone.id }])
    )[0]!;
  });

  it.each(refusals)("%s: postComment is refused and writes nothing", async (_, who, code) => {
    const before = await commentSnapshot(city);
    actAs(who());
    await expectAuthError(postComment({ subject: citySubject(city), body: "Hi" }), code);
    actAs(who());
    await expectAuthError(
      postComment({ subject: citySubject(city), body: "Hi", parentId: root }),
      code,
    );
    expect(await commentSnapshot(city)).toEqual(before);
  });

  it.each(refusals)(
    "%s: editComment and deleteComment are refused, even on their own comment",
    async (_, who, code) => {
      const caller = who();
      const [own] = await insertComments([
        { subjectType: "city", subjectId: city.id, authorId: caller?.id ?? someone.id },
      ]);
      const before = await commentSnapshot(city);
      actAs(caller);
      await expectAuthError(editComment({ id: own!, body: "Changed" }), code);
      actAs(caller);
      await expectAuthError(deleteComment({ id: own! }), code);
      expect(await commentSnapshot(city)).toEqual(before);
    },
  );
});

describe("rate limits", () => {
  it("a new account may comment once in 30 seconds", async () => {
    const city = await createTestCity();
    const [person] = await newPeople(1);
    await awayFromWindowEdge(30);
    const first = await post(person, citySubject(city));

    actAs(person);
    const second = await postComment({
      subject: citySubject(city),
      body: "Again",
      parentId: first.id,
    });

    expect(second).toEqual({
      ok: false,
      refusal: {
        code: "rate_limited",
        limit: "comments",
        // within the new account's 30-second window
        retryAfterSeconds: expect.toSatisfy((s: number) => s > 0 && s <= 30),
      },
    });
    expect(await commentRowsOf("city", city.id)).toHaveLength(1);
  });

  it("an established account may comment five times a minute; the sixth is refused", async () => {
    const city = await createTestCity();
    const [person] = await oldPeople(1);
    await awayFromWindowEdge(60);
    for (let i = 0; i < 5; i++) await post(person, citySubject(city), `Comment ${i}`);

    actAs(person);
    const sixth = await postComment({ subject: citySubject(city), body: "Sixth" });

    expect(sixth).toEqual({
      ok: false,
      refusal: { code: "rate_limited", limit: "comments", retryAfterSeconds: expect.any(Number) },
    });
    expect(await commentRowsOf("city", city.id)).toHaveLength(5);
    // the limit is per person
    const [other] = await oldPeople(1);
    await post(other, citySubject(city));
  });
});

describe("comment counts", () => {
  it("count the visible comments through posts, a delete, a hide and a restore", async () => {
    const city = await createTestCity();
    const untouched = await createTestCity();
    const subject = citySubject(city);
    const [a, b, c, d] = await newPeople(4);
    const expectCount = async (n: number, label: string) => {
      expect(await storedCount("city", city.id), label).toBe(n);
      expect(await visibleCount("city", city.id), label).toBe(n);
      expect((await listAs(null, subject)).count, label).toBe(n);
    };
    await expectCount(0, "none yet");

    const root = await post(a, subject);
    const r1 = await post(b, subject, undefined, root.id);
    const r2 = await post(c, subject, undefined, r1.id);
    await post(d, subject);
    await expectCount(4, "after four posts");

    actAs(c);
    okData(await deleteComment({ id: r2.id }));
    await expectCount(3, "after a delete");

    await moderate(r1.id, "hide");
    await expectCount(2, "after a hide");

    await moderate(r1.id, "restore");
    await expectCount(3, "after a restore");

    actAs(b);
    okData(await editComment({ id: r1.id, body: "Edited" }));
    await expectCount(3, "an edit changes nothing");

    await reportBy(root.id, await establishedPeople(3));
    await expectCount(2, "after reports hide one");

    expect(await storedCount("city", untouched.id)).toBe(0);
  });

  it("are kept per page: an update's comments do not count on its city", async () => {
    const city = await createTestCity();
    const [a, b] = await newPeople(2);
    const updateId = await updateIn(city, a);
    await post(a, `update:${updateId}`);
    await post(b, `update:${updateId}`);

    expect(await storedCount("update", updateId)).toBe(2);
    expect((await listAs(null, `update:${updateId}`)).count).toBe(2);
    expect(await storedCount("city", city.id)).toBe(0);
    expect((await listAs(null, citySubject(city))).count).toBe(0);
  });
});

describe("reply notifications", () => {
  it("tell the parent's author who replied, with an excerpt and a link to the reply", async () => {
    const city = await createTestCity();
    const subject = citySubject(city);
    const [author, replier, bystander] = await newPeople(3);
    const root = await post(author, subject, "What did the council decide?");
    const body = `They   voted\nyes. ${"Long explanation. ".repeat(10)}`;

    const reply = await post(replier, subject, body, root.id);

    const row = await cityRow(city.id);
    actAs(author);
    const { items } = await listMyNotifications();
    expect(items).toEqual([
      {
        id: expect.any(Number),
        at: expect.any(String),
        read: false,
        type: "reply",
        city: { slug: city.slug, name: row.name, state: row.state },
        comment: {
          id: reply.id,
          authorName: replier.name,
          excerpt: excerptOf(body),
          path: `/cities/${city.slug}`,
        },
      },
    ]);
    expect(excerptOf(body)).toMatch(/^They voted yes\. Long explanation\..*…$/);
    const described = describeNotification(items[0]!);
    expect(described.path).toBe(`/cities/${city.slug}#comment-${reply.id}`);
    expect(described.text).toContain(replier.name);
    expect(await countMyUnread()).toBe(1);

    for (const nobody of [replier, bystander]) {
      expect(await replyRowsOf(nobody.id), `user ${nobody.id}`).toEqual([]);
    }
  });

  it("link to the update or the article the reply is on", async () => {
    const city = await createTestCity();
    const [a, b, c, d] = await newPeople(4);
    const updateId = await updateIn(city, a);
    const onUpdate = await post(a, `update:${updateId}`);
    const updateReply = await post(b, `update:${updateId}`, "On the update", onUpdate.id);
    const onArticle = await post(c, `article:${ARTICLE_SLUG}`);
    const articleReply = await post(d, `article:${ARTICLE_SLUG}`, "On the article", onArticle.id);

    actAs(a);
    const [fromUpdate] = (await listMyNotifications()).items;
    expect(fromUpdate).toMatchObject({
      type: "reply",
      city: { slug: city.slug },
      comment: { id: updateReply.id, path: `/updates/${updateId}` },
    });
    expect(describeNotification(fromUpdate!).path).toBe(
      `/updates/${updateId}#comment-${updateReply.id}`,
    );
    actAs(c);
    const [fromArticle] = (await listMyNotifications()).items;
    expect(fromArticle).toMatchObject({
      type: "reply",
      city: null,
      comment: { id: articleReply.id, path: `/articles/${ARTICLE_SLUG}` },
    });
    expect(describeNotification(fromArticle!).path).toBe(
      `/articles/${ARTICLE_SLUG}#comment-${articleReply.id}`,
    );
  });

  it("go to the author of the comment replied to, also at the deepest level", async () => {
    const city = await createTestCity();
    const subject = citySubject(city);
    const [a, b, c, d] = await newPeople(4);
    const root = await post(a, subject);
    const second = await post(b, subject, undefined, root.id);
    const third = await post(c, subject, undefined, second.id);
    const fourth = await post(d, subject, undefined, third.id);

    expect((await replyRowsOf(a.id)).map((r) => r.commentId)).toEqual([second.id]);
    expect((await replyRowsOf(b.id)).map((r) => r.commentId)).toEqual([third.id]);
    // placed under `second`, but it answers `third`
    expect((await replyRowsOf(c.id)).map((r) => r.commentId)).toEqual([fourth.id]);
    expect(await replyRowsOf(d.id)).toEqual([]);
  });

  it("are not sent for a reply to yourself", async () => {
    const city = await createTestCity();
    const [me] = await oldPeople(1);
    const root = await post(me, citySubject(city));
    const reply = await post(me, citySubject(city), undefined, root.id);
    await post(me, citySubject(city), undefined, reply.id);

    expect(await replyRowsOf(me.id)).toEqual([]);
    actAs(me);
    expect((await listMyNotifications()).items).toEqual([]);
  });

  it.each(["deleted", "hidden by a moderator", "hidden by reports"] as const)(
    "disappear when the reply is %s",
    async (how) => {
      const city = await createTestCity();
      const subject = citySubject(city);
      const [author, replier] = await newPeople(2);
      const root = await post(author, subject);
      const reply = await post(replier, subject, "Something rude", root.id);
      actAs(author);
      expect((await listMyNotifications()).items.map((i) => i.type)).toEqual(["reply"]);

      if (how === "deleted") {
        actAs(replier);
        okData(await deleteComment({ id: reply.id }));
      } else if (how === "hidden by a moderator") {
        await moderate(reply.id, "hide");
      } else {
        await reportBy(reply.id, await establishedPeople(3), "abusive");
      }

      actAs(author);
      expect(await listMyNotifications()).toEqual({ items: [], next: null });
      expect(await countMyUnread()).toBe(0);
    },
  );
});
