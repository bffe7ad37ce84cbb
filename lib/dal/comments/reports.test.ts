import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { articles, auditLog } from "@/db/schema";
import { ARTICLE_SLUG } from "@/db/seed/article";
import type { AuthErrorCode } from "@/lib/auth/current-user";
import type { Refusal } from "@/lib/refusals";
import { getSessionClaims } from "@/lib/auth/claims";
import {
  commentModerationSchema,
  DISMISSED_REPORTS_TO_DISCOUNT,
  REPORTER_MIN_AGE_DAYS,
} from "@/lib/validation/comment";
import {
  citySubject,
  commentRow,
  establishedPeople,
  insertComments,
  listAs,
  newPeople,
  okData,
  peopleOfAge,
  post,
  reportBy,
  reportsOf,
  shownTo,
  storedCount,
  updateIn,
  type City,
} from "@/test/comments";
import { createTestCity } from "@/test/edits";
import {
  actAs,
  claimsOf,
  createTestUser,
  expectAuthError,
  refusedCallers,
  type TestUser,
} from "@/test/users";
import { listReportedComments, moderateComment, reportComment } from "./reports";
import { deleteComment, editComment } from "./comments";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

const ALREADY: Refusal = { code: "already_reported" };
const OWN: Refusal = { code: "own_comment_report" };
const NO_SUCH: Refusal = { code: "no_such_comment" };
const NOT_HIDDEN: Refusal = { code: "comment_not_hidden" };
const OWN_RESTORE: Refusal = { code: "own_comment_restore" };
const ALREADY_HIDDEN: Refusal = { code: "comment_already_hidden" };
const OK = { ok: true, data: null };

let mod: TestUser;
let admin: TestUser;
let resident: TestUser;
beforeAll(async () => {
  await getDb();
  mod = await createTestUser({ role: "moderator" });
  admin = await createTestUser({ role: "admin" });
  resident = await createTestUser();
});

/** A city of our own with one visible comment on it by a new person. */
async function commented(body = "A comment someone may not like") {
  const city = await createTestCity();
  const [author] = await newPeople(1);
  const comment = await post(author, citySubject(city), body);
  return { city, author: author, comment };
}

/** The moderators' entry for a comment, or undefined when it is not waiting for review. */
async function reportedEntry(id: number, who: TestUser = mod) {
  actAs(who);
  const { items } = await listReportedComments(id - 1);
  return items[0]?.id === id ? items[0] : undefined;
}

/** Audit rows about a comment ("comment:<id>"), oldest first. */
async function auditOfComment(id: number) {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(eq(auditLog.subject, `comment:${id}`))
    .orderBy(asc(auditLog.id));
}

/** A comment hidden by three reports from established accounts (two spam, one abusive). */
async function hiddenByReports() {
  const setup = await commented();
  const reporters = await establishedPeople(3);
  await reportBy(setup.comment.id, reporters.slice(0, 2), "spam");
  await reportBy(setup.comment.id, reporters.slice(2), "abusive");
  return { ...setup, reporters };
}

describe("reporting", () => {
  it("is once per person", async () => {
    const { comment } = await commented();
    const [reporter] = await newPeople(1);
    actAs(reporter);
    expect(await reportComment({ id: comment.id, reason: "spam" })).toEqual({
      ok: true,
      data: { hidden: false },
    });

    actAs(reporter);
    expect(await reportComment({ id: comment.id, reason: "abusive" })).toEqual({
      ok: false,
      refusal: ALREADY,
    });

    expect(await reportsOf(comment.id)).toEqual([
      expect.objectContaining({ reporterId: reporter.id, reason: "spam", reviewed: false }),
    ]);
    expect(await commentRow(comment.id)).toMatchObject({ openReports: 1, status: "visible" });
  });

  it("refuses your own comment, a deleted one and no comment", async () => {
    const { comment, author } = await commented();
    actAs(author);
    expect(await reportComment({ id: comment.id, reason: "spam" })).toEqual({
      ok: false,
      refusal: OWN,
    });
    const [other] = await newPeople(1);
    const [deleted] = await insertComments([
      {
        subjectType: "city",
        subjectId: (await commentRow(comment.id)).subjectId,
        authorId: author.id,
        status: "deleted",
        body: "",
      },
    ]);
    for (const id of [deleted!, 2_147_483_647]) {
      actAs(other);
      expect(await reportComment({ id, reason: "spam" })).toEqual({
        ok: false,
        refusal: NO_SUCH,
      });
    }
    expect(await reportsOf(comment.id)).toEqual([]);
    expect(await reportsOf(deleted!)).toEqual([]);
    expect((await commentRow(comment.id)).openReports).toBe(0);
  });

  it("two reports, even from established accounts, do not hide a comment but queue it", async () => {
    const { city, comment } = await commented();
    const [a, b] = await establishedPeople(2);
    const [reader] = await newPeople(1);

    expect(await reportBy(comment.id, [a, b])).toEqual({ hidden: false });

    expect(await commentRow(comment.id)).toMatchObject({
      status: "visible",
      review: "pending",
      openReports: 2,
      weightyReports: 2,
    });
    expect((await shownTo(reader, citySubject(city))).get(comment.id)?.body).toBe(comment.body);
    expect(await reportedEntry(comment.id)).toMatchObject({ hidden: false });
    expect(await storedCount("city", city.id)).toBe(1);
  });

  it("the third report from established accounts hides it for review", async () => {
    const { city, author, comment } = await commented("Buy cheap watches");
    const [a, b, c] = await establishedPeople(3);
    const [reader] = await newPeople(1);
    await reportBy(comment.id, [a, b], "spam");

    actAs(c);
    expect(await reportComment({ id: comment.id, reason: "abusive" })).toEqual({
      ok: true,
      data: { hidden: true },
    });

    expect(await commentRow(comment.id)).toMatchObject({
      status: "hidden",
      review: "pending",
      openReports: 3,
      weightyReports: 3,
    });
    expect((await reportsOf(comment.id)).map((r) => [r.weighty, r.outcome])).toEqual([
      [true, null],
      [true, null],
      [true, null],
    ]);
    // gone from other people's lists, signed in or not
    expect((await listAs(reader, citySubject(city))).threads).toEqual([]);
    expect((await listAs(null, citySubject(city))).threads).toEqual([]);
    expect((await listAs(null, citySubject(city))).count).toBe(0);
    // its author still sees it, marked hidden, and can no longer edit it
    const mine = (await listAs(author, citySubject(city))).threads.map((t) => t.root);
    expect(mine).toEqual([
      {
        ...comment,
        state: "hidden",
        body: "Buy cheap watches",
        editableUntil: null,
        hiddenReason: null,
      },
    ]);
    // the moderators see it with its reports counted by reason
    expect(await reportedEntry(comment.id)).toEqual({
      id: comment.id,
      body: "Buy cheap watches",
      authorName: author.name,
      createdAt: comment.createdAt,
      href: `/cities/${city.slug}#comment-${comment.id}`,
      hidden: true,
      reports: { spam: 2, abusive: 1, off_topic: 0, other: 0 },
    });
    expect(await reportedEntry(comment.id, admin)).toBeDefined();
  });

  it("a hidden comment with replies stays for others as a placeholder, and its replies stay", async () => {
    const city = await createTestCity();
    const subject = citySubject(city);
    const [a, b, c, d, reader] = await newPeople(5);
    const root = await post(a, subject, "Root");
    const reply = await post(b, subject, "Rude reply", root.id);
    const answer = await post(c, subject, "Answer to the rude reply", reply.id);
    const lone = await post(d, subject, "Lone rude reply", root.id);

    for (const id of [root.id, reply.id, lone.id]) await reportBy(id, await establishedPeople(3));

    const [thread] = (await listAs(reader, subject)).threads;
    expect(thread!.root).toMatchObject({ id: root.id, state: "hidden", body: null });
    expect(thread!.replies).toEqual([
      expect.objectContaining({ id: reply.id, state: "hidden", body: null }),
      expect.objectContaining({
        id: answer.id,
        state: "visible",
        body: "Answer to the rude reply",
      }),
    ]);
    // the authors of hidden comments still see theirs, the lone one too
    expect((await shownTo(b, subject)).get(reply.id)).toMatchObject({
      state: "hidden",
      body: "Rude reply",
      mine: true,
    });
    expect((await shownTo(d, subject)).get(lone.id)).toMatchObject({
      state: "hidden",
      body: "Lone rude reply",
      mine: true,
    });
  });

  it("of an already hidden comment adds no second review", async () => {
    const { comment } = await hiddenByReports();
    const [late] = await newPeople(1);
    expect(await reportBy(comment.id, [late])).toEqual({ hidden: true });
    expect(await commentRow(comment.id)).toMatchObject({
      status: "hidden",
      review: "pending",
      openReports: 4,
    });
    expect((await reportedEntry(comment.id))?.reports).toEqual({
      spam: 3,
      abusive: 1,
      off_topic: 0,
      other: 0,
    });
  });
});

describe("whose reports hide a comment", () => {
  /** Three reports by `reporters` leave the comment visible, in the moderators' queue. */
  async function expectQueuedNotHidden(reporters: TestUser[]) {
    const { city, comment } = await commented();
    const [reader] = await newPeople(1);

    expect(await reportBy(comment.id, reporters)).toEqual({ hidden: false });

    expect(await commentRow(comment.id)).toMatchObject({
      status: "visible",
      review: "pending",
      openReports: 3,
      weightyReports: 0,
    });
    expect((await reportsOf(comment.id)).map((r) => r.weighty)).toEqual([false, false, false]);
    expect((await shownTo(reader, citySubject(city))).get(comment.id)?.body).toBe(comment.body);
    expect(await storedCount("city", city.id)).toBe(1);
    expect(await reportedEntry(comment.id)).toEqual(
      expect.objectContaining({
        id: comment.id,
        hidden: false,
        reports: { spam: 3, abusive: 0, off_topic: 0, other: 0 },
      }),
    );
  }

  it.each([
    ["brand-new", 0],
    ["a day old", 1],
    [`${REPORTER_MIN_AGE_DAYS} days old less a day`, REPORTER_MIN_AGE_DAYS - 1],
  ])(
    "three reports from %s verified accounts queue a comment without hiding it",
    async (_, days) => {
      await expectQueuedNotHidden(await peopleOfAge(days, 3));
    },
  );

  it("three reports from old accounts whose address is not verified queue it without hiding it", async () => {
    await expectQueuedNotHidden(await peopleOfAge(30, 3, { verified: false }));
  });

  it("only established accounts' reports count toward the three", async () => {
    const { comment } = await commented();
    const [a, b, c] = await establishedPeople(3);
    const [fresh] = await newPeople(1);

    expect(await reportBy(comment.id, [a, fresh, b])).toEqual({ hidden: false });
    expect(await commentRow(comment.id)).toMatchObject({
      status: "visible",
      review: "pending",
      openReports: 3,
      weightyReports: 2,
    });

    expect(await reportBy(comment.id, [c])).toEqual({ hidden: true });
    expect(await commentRow(comment.id)).toMatchObject({
      status: "hidden",
      review: "pending",
      openReports: 4,
      weightyReports: 3,
    });
    expect(await reportedEntry(comment.id)).toMatchObject({ hidden: true });
  });

  it(`a reporter whose reports were dismissed ${DISMISSED_REPORTS_TO_DISCOUNT} times no longer counts`, async () => {
    const [serial, a, b] = await establishedPeople(3);
    /** `serial` reports a comment of its own, and a moderator keeps it. */
    async function dismissedReport() {
      const { comment } = await commented();
      await reportBy(comment.id, [serial]);
      actAs(mod);
      expect(
        await moderateComment({ id: comment.id, action: "restore", reason: "Within the rules" }),
      ).toEqual(OK);
      expect((await reportsOf(comment.id)).map((r) => r.outcome)).toEqual(["dismissed"]);
    }
    for (let i = 1; i < DISMISSED_REPORTS_TO_DISCOUNT; i++) await dismissedReport();

    // one dismissal short: they still count
    const before = await commented();
    expect(await reportBy(before.comment.id, [a, b, serial])).toEqual({ hidden: true });

    await dismissedReport();
    const after = await commented();
    expect(await reportBy(after.comment.id, [a, b, serial])).toEqual({ hidden: false });
    expect(await commentRow(after.comment.id)).toMatchObject({
      status: "visible",
      review: "pending",
      weightyReports: 2,
    });
    expect(
      (await reportsOf(after.comment.id)).find((r) => r.reporterId === serial.id)?.weighty,
    ).toBe(false);
  });

  it("a reporter with an upheld report against them no longer counts, even once they delete the comment", async () => {
    const [troll, a, b] = await establishedPeople(3);
    const city = await createTestCity();
    const rude = await post(troll, citySubject(city), "Something rude");
    const [reporter] = await newPeople(1);
    await reportBy(rude.id, [reporter], "abusive");
    actAs(mod);
    expect(await moderateComment({ id: rude.id, action: "hide", reason: "Rude" })).toEqual(OK);
    expect((await reportsOf(rude.id)).map((r) => r.outcome)).toEqual(["upheld"]);
    actAs(troll);
    expect(await deleteComment({ id: rude.id })).toEqual(OK);

    const { comment } = await commented();
    expect(await reportBy(comment.id, [a, b, troll])).toEqual({ hidden: false });
    expect(await commentRow(comment.id)).toMatchObject({ status: "visible", weightyReports: 2 });
  });

  it("a hide another moderator overturns no longer counts against the author", async () => {
    const [author, a, b] = await establishedPeople(3);
    const city = await createTestCity();
    const disputed = await post(author, citySubject(city), "Blunt but fair");
    const [reporter] = await newPeople(1);
    await reportBy(disputed.id, [reporter]);
    actAs(mod);
    expect(await moderateComment({ id: disputed.id, action: "hide", reason: "Rude" })).toEqual(OK);
    // while it stands, the author's reports do not hide
    const first = await commented();
    expect(await reportBy(first.comment.id, [a, b, author])).toEqual({ hidden: false });

    actAs(admin);
    expect(
      await moderateComment({ id: disputed.id, action: "restore", reason: "Fair criticism" }),
    ).toEqual(OK);
    expect((await reportsOf(disputed.id)).map((r) => r.outcome)).toEqual(["dismissed"]);
    const second = await commented();
    expect(await reportBy(second.comment.id, [a, b, author])).toEqual({ hidden: true });
  });

  it("three established accounts reporting at the same moment hide the comment, every time", async () => {
    for (let round = 0; round < 5; round++) {
      const { comment } = await commented();
      const reporters = await establishedPeople(3);
      // the DAL reads the session before its first await: each call gets the next one
      const claims = vi.mocked(getSessionClaims);
      for (const r of reporters) claims.mockResolvedValueOnce(claimsOf(r));
      const answers = await Promise.all(
        reporters.map(() => reportComment({ id: comment.id, reason: "spam" })),
      );

      expect(answers.every((a) => a.ok)).toBe(true);
      expect(answers.some((a) => a.ok && a.data.hidden)).toBe(true);
      expect(await commentRow(comment.id)).toMatchObject({
        status: "hidden",
        review: "pending",
        openReports: 3,
        weightyReports: 3,
      });
    }
  });
});

describe("the list of reported comments", () => {
  const refused: [string, () => TestUser | null, AuthErrorCode][] = [
    ["a resident", () => resident, "forbidden"],
    ["anonymous", () => null, "unauthenticated"],
  ];
  it.each(refused)("is refused to %s", async (_, who, code) => {
    actAs(who());
    await expectAuthError(listReportedComments(), code);
  });

  it("lists waiting comments oldest first, 20 a page", async () => {
    const city = await createTestCity();
    const [author] = await newPeople(1);
    const ids = await insertComments(
      Array.from({ length: 23 }, () => ({
        subjectType: "city" as const,
        subjectId: city.id,
        authorId: author.id,
        status: "hidden" as const,
        review: "pending" as const,
      })),
    );
    // reviewed ones are not listed
    await insertComments([
      {
        subjectType: "city",
        subjectId: city.id,
        authorId: author.id,
        status: "hidden",
        review: "hidden",
      },
      {
        subjectType: "city",
        subjectId: city.id,
        authorId: author.id,
        review: "restored",
      },
    ]);

    // other files may add waiting comments of their own: walk from just before ours
    actAs(mod);
    const seen: number[] = [];
    let after: number | null = ids[0]! - 1;
    while (after !== null) {
      const page: Awaited<ReturnType<typeof listReportedComments>> =
        await listReportedComments(after);
      expect(page.items.length).toBeLessThanOrEqual(20);
      if (page.next !== null) {
        expect(page.items).toHaveLength(20);
        expect(page.next).toBe(page.items.at(-1)!.id);
      }
      seen.push(...page.items.map((i) => i.id));
      after = page.next;
    }
    expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(seen).not.toContain(ids.at(-1)! + 1);
    expect(seen).not.toContain(ids.at(-1)! + 2);
  });

  it("links each comment to its page: a city, an update or the article", async () => {
    const city = await createTestCity();
    const [author] = await newPeople(1);
    const updateId = await updateIn(city, author);
    const db = await getDb();
    const [article] = await db
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.slug, ARTICLE_SLUG));
    const pending = { authorId: author.id, status: "hidden" as const, review: "pending" as const };
    const [onCity, onUpdate, onArticle] = await insertComments([
      { ...pending, subjectType: "city", subjectId: city.id },
      { ...pending, subjectType: "update", subjectId: updateId },
      { ...pending, subjectType: "article", subjectId: article!.id },
    ]);

    expect((await reportedEntry(onCity!))?.href).toBe(`/cities/${city.slug}#comment-${onCity}`);
    expect((await reportedEntry(onUpdate!))?.href).toBe(`/updates/${updateId}#comment-${onUpdate}`);
    expect((await reportedEntry(onArticle!))?.href).toBe(
      `/articles/${ARTICLE_SLUG}#comment-${onArticle}`,
    );
  });

  it("drops a comment its author deleted while it waited for review", async () => {
    const { author, comment } = await hiddenByReports();
    actAs(author);
    expect(await deleteComment({ id: comment.id })).toEqual(OK);

    expect(await reportedEntry(comment.id)).toBeUndefined();
  });

  it("a comment deleted while it waited for review cannot be hidden", async () => {
    const { author, comment } = await hiddenByReports();
    actAs(author);
    expect(await deleteComment({ id: comment.id })).toEqual(OK);

    actAs(mod);
    const result = await moderateComment({ id: comment.id, action: "hide", reason: "Spam" });

    expect((await commentRow(comment.id)).status).toBe("deleted");
    expect(result).toEqual({ ok: false, refusal: NO_SUCH });
  });
});

describe("moderateComment", () => {
  it("restore: the comment is visible again, its reports reviewed, and it is audited", async () => {
    const { city, comment, reporters } = await hiddenByReports();
    const [reader] = await newPeople(1);
    expect(await storedCount("city", city.id)).toBe(0);

    actAs(mod);
    expect(
      await moderateComment({ id: comment.id, action: "restore", reason: "Not spam" }),
    ).toEqual(OK);

    expect(await commentRow(comment.id)).toMatchObject({
      status: "visible",
      review: "restored",
      openReports: 0,
      moderationReason: "Not spam",
    });
    expect((await reportsOf(comment.id)).map((r) => [r.reporterId, r.reviewed, r.outcome])).toEqual(
      reporters.map((r) => [r.id, true, "dismissed"]).sort(([x], [y]) => Number(x) - Number(y)),
    );
    expect(await auditOfComment(comment.id)).toEqual([
      expect.objectContaining({
        actorId: mod.id,
        action: "comment.restore",
        reason: "Not spam",
        subject: `comment:${comment.id}`,
      }),
    ]);
    expect((await shownTo(reader, citySubject(city))).get(comment.id)).toMatchObject({
      state: "visible",
      body: comment.body,
    });
    expect(await reportedEntry(comment.id)).toBeUndefined();
    expect(await storedCount("city", city.id)).toBe(1);
    expect((await listAs(null, citySubject(city))).count).toBe(1);

    // the reviewed reports no longer count: one more does not hide it again, nor
    // put it back in the queue (a moderator decided on it)
    const [late] = await newPeople(1);
    expect(await reportBy(comment.id, [late])).toEqual({ hidden: false });
    expect(await commentRow(comment.id)).toMatchObject({
      status: "visible",
      review: "restored",
      openReports: 1,
      weightyReports: 0,
    });
    expect(await reportedEntry(comment.id)).toBeUndefined();
  });

  it("hide: with a reason its author sees; others no longer see it", async () => {
    const { city, author, comment } = await commented("Off-topic rant");
    const [reader] = await newPeople(1);

    actAs(mod);
    expect(
      await moderateComment({ id: comment.id, action: "hide", reason: "Personal attack" }),
    ).toEqual(OK);

    expect(await commentRow(comment.id)).toMatchObject({
      status: "hidden",
      review: "hidden",
      moderationReason: "Personal attack",
    });
    expect((await listAs(reader, citySubject(city))).threads).toEqual([]);
    expect((await listAs(author, citySubject(city))).threads.map((t) => t.root)).toEqual([
      {
        ...comment,
        state: "hidden",
        body: "Off-topic rant",
        editableUntil: null,
        hiddenReason: "Personal attack",
      },
    ]);
    expect(await auditOfComment(comment.id)).toEqual([
      expect.objectContaining({
        actorId: mod.id,
        action: "comment.hide",
        reason: "Personal attack",
        subject: `comment:${comment.id}`,
      }),
    ]);
    expect(await storedCount("city", city.id)).toBe(0);
    actAs(author);
    expect(await editComment({ id: comment.id, body: "Toned down" })).toMatchObject({
      ok: false,
    });
  });

  it("hide: an admin may confirm a comment hidden by reports, which leaves the list", async () => {
    const { author, city, comment } = await hiddenByReports();

    actAs(admin);
    expect(
      await moderateComment({ id: comment.id, action: "hide", reason: "Spam indeed" }),
    ).toEqual(OK);

    expect(await commentRow(comment.id)).toMatchObject({
      status: "hidden",
      review: "hidden",
      openReports: 0,
      moderationReason: "Spam indeed",
    });
    expect((await reportsOf(comment.id)).map((r) => [r.reviewed, r.outcome])).toEqual([
      [true, "upheld"],
      [true, "upheld"],
      [true, "upheld"],
    ]);
    expect(await reportedEntry(comment.id)).toBeUndefined();
    expect((await shownTo(author, citySubject(city))).get(comment.id)?.hiddenReason).toBe(
      "Spam indeed",
    );
    expect((await auditOfComment(comment.id)).map((r) => [r.actorId, r.action])).toEqual([
      [admin.id, "comment.hide"],
    ]);
  });

  it("keep: a visible comment waiting for review leaves the queue, its reports dismissed; audited", async () => {
    const { city, comment, author } = await commented();
    const reporters = await newPeople(2);
    await reportBy(comment.id, reporters, "off_topic");
    expect(await reportedEntry(comment.id)).toMatchObject({ hidden: false });

    actAs(mod);
    expect(
      await moderateComment({ id: comment.id, action: "restore", reason: "On topic enough" }),
    ).toEqual(OK);

    expect(await commentRow(comment.id)).toMatchObject({
      status: "visible",
      review: "restored",
      openReports: 0,
      weightyReports: 0,
      moderationReason: "On topic enough",
    });
    expect((await reportsOf(comment.id)).map((r) => [r.reviewed, r.outcome])).toEqual([
      [true, "dismissed"],
      [true, "dismissed"],
    ]);
    expect(await auditOfComment(comment.id)).toEqual([
      expect.objectContaining({
        actorId: mod.id,
        action: "comment.restore",
        reason: "On topic enough",
        subject: `comment:${comment.id}`,
      }),
    ]);
    expect(await reportedEntry(comment.id)).toBeUndefined();
    expect(await storedCount("city", city.id)).toBe(1);
    expect((await shownTo(author, citySubject(city))).get(comment.id)).toMatchObject({
      state: "visible",
      body: comment.body,
    });

    // decided once: a second keep is refused and audits nothing
    actAs(admin);
    expect(
      await moderateComment({ id: comment.id, action: "restore", reason: "Also fine" }),
    ).toEqual({ ok: false, refusal: NOT_HIDDEN });
    expect(await auditOfComment(comment.id)).toHaveLength(1);
  });

  it("a moderator's own visible comment waiting for review is kept by another moderator", async () => {
    const city = await createTestCity();
    const own = await post(mod, citySubject(city), "A moderator's opinion");
    await reportBy(own.id, await newPeople(1));
    const before = await commentRow(own.id);

    actAs(mod);
    expect(
      await moderateComment({ id: own.id, action: "restore", reason: "Mine is fine" }),
    ).toEqual({ ok: false, refusal: OWN_RESTORE });
    expect(await commentRow(own.id)).toEqual(before);
    expect(await auditOfComment(own.id)).toEqual([]);

    actAs(admin);
    expect(await moderateComment({ id: own.id, action: "restore", reason: "It is fine" })).toEqual(
      OK,
    );
    expect(await commentRow(own.id)).toMatchObject({ status: "visible", review: "restored" });
  });

  it("refuses to restore a visible comment, to hide a hidden one, and no comment; audits nothing", async () => {
    const { comment } = await commented();
    const [hidden, deleted] = await insertComments([
      {
        subjectType: "city",
        subjectId: (await commentRow(comment.id)).subjectId,
        authorId: mod.id,
        status: "hidden",
        review: "hidden",
      },
      {
        subjectType: "city",
        subjectId: (await commentRow(comment.id)).subjectId,
        authorId: mod.id,
        status: "deleted",
        body: "",
      },
    ]);
    const cases = [
      [comment.id, "restore", NOT_HIDDEN],
      [hidden!, "hide", ALREADY_HIDDEN],
      [deleted!, "restore", NO_SUCH],
      [deleted!, "hide", NO_SUCH],
      [2_147_483_647, "restore", NO_SUCH],
    ] as const;
    for (const [id, action, refusal] of cases) {
      const before = id === 2_147_483_647 ? null : await commentRow(id);
      actAs(mod);
      expect(await moderateComment({ id, action, reason: "Because" }), `${action} ${id}`).toEqual({
        ok: false,
        refusal,
      });
      if (before) expect(await commentRow(id)).toEqual(before);
      expect(await auditOfComment(id)).toEqual([]);
    }
  });

  describe("who may", () => {
    const { refusals } = refusedCallers((o) => createTestUser({ ...o, role: "moderator" }));
    let target: { city: City; comment: { id: number } };
    beforeAll(async () => {
      target = await hiddenByReports();
    });

    it.each([
      ...refusals.map(([name, who, code]) => [`a ${name} moderator`, who, code] as const),
      ["a resident", () => resident, "forbidden"] as const,
    ])("%s is refused and nothing changes", async (_, who, code) => {
      const before = await commentRow(target.comment.id);
      const reports = await reportsOf(target.comment.id);
      for (const action of ["hide", "restore"] as const) {
        actAs(who());
        await expectAuthError(
          moderateComment({ id: target.comment.id, action, reason: "Because" }),
          code,
        );
      }
      expect(await commentRow(target.comment.id)).toEqual(before);
      expect(await reportsOf(target.comment.id)).toEqual(reports);
      expect(await auditOfComment(target.comment.id)).toEqual([]);
    });
  });

  it("needs a reason of at least 3 characters (commentModerationSchema)", () => {
    const parse = (reason: unknown) =>
      commentModerationSchema.safeParse({ id: 1, action: "hide", reason });
    expect(parse("ok").success).toBe(false);
    expect(parse("   ok   ").success).toBe(false);
    expect(parse(undefined).success).toBe(false);
    expect(parse("Bad\u0007").success).toBe(false);
    expect(parse("x".repeat(1001)).success).toBe(false);
    expect(parse("  Spam  ").data?.reason).toBe("Spam");
    expect(
      commentModerationSchema.safeParse({ id: 1, action: "delete", reason: "Spam" }).success,
    ).toBe(false);
  });
});

describe("who may report", () => {
  const { refusals } = refusedCallers();
  let comment: { id: number };
  beforeAll(async () => {
    ({ comment } = await commented());
  });

  it.each(refusals)("%s: reportComment is refused and writes nothing", async (_, who, code) => {
    const before = await commentRow(comment.id);
    actAs(who());
    await expectAuthError(reportComment({ id: comment.id, reason: "spam" }), code);
    expect(await reportsOf(comment.id)).toEqual([]);
    expect(await commentRow(comment.id)).toEqual(before);
  });

  it("a resident may report", async () => {
    actAs(resident);
    expect(okData(await reportComment({ id: comment.id, reason: "off_topic" }))).toEqual({
      hidden: false,
    });
  });
});
