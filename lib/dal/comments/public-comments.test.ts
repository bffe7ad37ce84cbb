// Comments are in the pages' HTML (issue 14): the first page as everyone sees
// it, cached under a tag every change to a comment on that page expires; the
// comment pages that work without JavaScript read one comment and its page;
// one comment per form however many times it is sent.
import { and, eq } from "drizzle-orm";
import { revalidateTag } from "next/cache";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { comments } from "@/db/schema";
import { ARTICLE_SLUG } from "@/db/seed/article";
import {
  citySubject,
  establishedPeople,
  newPeople,
  okData,
  oldPeople,
  post,
  reportBy,
} from "@/test/comments";
import { createTestCity } from "@/test/edits";
import { actAs, createTestUser } from "@/test/users";
import {
  deleteComment,
  editComment,
  getComment,
  getCommentPlace,
  listPublicComments,
  postComment,
} from "./comments";
import { changeName, deleteOwnAccount } from "@/lib/dal/people/account";
import { moderateComment } from "./reports";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

const expired = () => vi.mocked(revalidateTag).mock.calls.map(([tag]) => tag);

// Opening the embedded database takes a while on a loaded machine: not in a test's time.
beforeAll(async () => {
  await getDb();
});
beforeEach(() => vi.mocked(revalidateTag).mockClear());

describe("the public first page", () => {
  it("is what a signed-out reader sees, whoever asks, with each body rendered to safe HTML", async () => {
    const city = await createTestCity();
    const subject = citySubject(city);
    const [author] = await oldPeople(1);
    const view = await post(author!, subject, "**Bold** [link](https://example.org) <b>raw</b>");
    const hidden = await post(author!, subject, "Hidden by moderators");
    const db = await getDb();
    await db.update(comments).set({ status: "hidden" }).where(eq(comments.id, hidden.id));

    actAs(author!); // the author asking changes nothing: the page is everyone's
    const page = await listPublicComments(subject);
    expect(page).toMatchObject({ signedIn: false, count: 1, next: null });
    expect(page!.threads.map((t) => t.root)).toEqual([
      {
        ...view,
        mine: false,
        editableUntil: null,
        html: '<p><strong>Bold</strong> <a href="https://example.org" rel="nofollow ugc noopener">link</a> raw</p>',
      },
    ]);
  });

  it("is null for a page that does not exist", async () => {
    expect(await listPublicComments("city:atlantis-zz")).toBeNull();
  });
});

describe("every change to a comment expires its page's comments", () => {
  it("posting, editing, deleting, hiding and restoring, on a city, the article and an update", async () => {
    const city = await createTestCity();
    const subject = citySubject(city);
    const [author, reader] = await newPeople(2);
    const moderator = await createTestUser({ role: "moderator" });
    const tag = `comments:${subject}`;

    const view = await post(author!, subject);
    expect(expired()).toContain(tag);

    for (const change of [
      () => (actAs(author!), editComment({ id: view.id, body: "Edited" })),
      () => (actAs(moderator), moderateComment({ id: view.id, action: "hide", reason: "Rude" })),
      () => (actAs(moderator), moderateComment({ id: view.id, action: "restore", reason: "Fine" })),
      () => (actAs(author!), deleteComment({ id: view.id })),
    ]) {
      vi.mocked(revalidateTag).mockClear();
      okData(await change());
      expect(expired()).toEqual([tag]);
    }

    await post(reader!, `article:${ARTICLE_SLUG}`);
    expect(expired()).toContain(`comments:article:${ARTICLE_SLUG}`);
  });

  it("a report that hides a comment expires it; one that does not, does not", async () => {
    const city = await createTestCity();
    const subject = citySubject(city);
    const [author] = await newPeople(1);
    const reporters = await establishedPeople(3);
    const view = await post(author, subject);
    vi.mocked(revalidateTag).mockClear();
    await reportBy(view.id, reporters.slice(0, 2));
    expect(expired()).toEqual([]);
    await reportBy(view.id, reporters.slice(2));
    expect(expired()).toEqual([`comments:${subject}`]);
  });
});

describe("a name shown on comments", () => {
  it("renamed or deleted, expires the comments of every page the person commented on", async () => {
    const [city, other] = [await createTestCity(), await createTestCity()];
    const [author] = await oldPeople(1);
    await post(author!, citySubject(city));
    await post(author!, citySubject(other));
    await post(author!, citySubject(other));
    const pages = [`comments:${citySubject(city)}`, `comments:${citySubject(other)}`].sort();

    vi.mocked(revalidateTag).mockClear();
    actAs(author!);
    okData(await changeName({ name: "A New Name" }));
    expect(expired().sort()).toEqual(pages);

    vi.mocked(revalidateTag).mockClear();
    okData(await deleteOwnAccount({ password: author!.password, confirm: "delete my account" }));
    expect(expired().sort()).toEqual(pages);
  });
});

describe("one comment per form", () => {
  it("four concurrent sends with one key make one comment, and every send answers with it", async () => {
    const city = await createTestCity();
    const subject = citySubject(city);
    const [author] = await oldPeople(1);
    actAs(author!);
    const body = "Sent four times at once";
    const results = await Promise.all(
      Array.from({ length: 4 }, () => postComment({ subject, body }, "key-of-one-form-0001")),
    );
    const ids = results.map((r) => okData(r).id);
    expect(new Set(ids).size).toBe(1);
    const db = await getDb();
    // this test's city only: a shared Postgres keeps earlier runs' comments
    const sent = () =>
      db
        .select()
        .from(comments)
        .where(and(eq(comments.body, body), eq(comments.subjectId, city.id)));
    expect(await sent()).toHaveLength(1);

    // Another form (another key) is another comment.
    okData(await postComment({ subject, body }, "key-of-another-form-02"));
    expect(await sent()).toHaveLength(2);
  });

  it("a new account sending its form again is answered with its comment, not refused as too fast", async () => {
    const city = await createTestCity();
    const [author] = await newPeople(1);
    actAs(author!);
    const first = okData(
      await postComment({ subject: citySubject(city), body: "Once" }, "k".repeat(20)),
    );
    const again = okData(
      await postComment({ subject: citySubject(city), body: "Once" }, "k".repeat(20)),
    );
    expect(again).toEqual(first);
  });
});

describe("the comment pages", () => {
  it("find a page by its subject name, with its title and path", async () => {
    const city = await createTestCity();
    expect(await getCommentPlace(citySubject(city))).toMatchObject({
      subject: citySubject(city),
      path: `/cities/${city.slug}`,
    });
    expect((await getCommentPlace(`article:${ARTICLE_SLUG}`))?.title).toBe("US sanctuary cities");
    expect(await getCommentPlace("update:2147483647")).toBeNull();
  });

  it("find one comment with its page; not a deleted one, nor one that never was", async () => {
    const city = await createTestCity();
    const [author, reader] = await newPeople(2);
    const view = await post(author!, citySubject(city), "Read me on my own page");
    actAs(reader!);
    expect(await getComment(view.id)).toMatchObject({
      comment: { id: view.id, mine: false, html: "<p>Read me on my own page</p>" },
      place: { subject: citySubject(city), path: `/cities/${city.slug}` },
    });
    actAs(author!);
    okData(await deleteComment({ id: view.id }));
    expect(await getComment(view.id)).toBeNull();
    expect(await getComment(2_147_483_647)).toBeNull();
  });

  it("find a hidden comment without its text, except for its author, who sees why", async () => {
    const city = await createTestCity();
    const [author, reader] = await newPeople(2);
    const view = await post(author!, citySubject(city), "Hidden on my own page");
    const db = await getDb();
    await db
      .update(comments)
      .set({ status: "hidden", moderationReason: "Off topic." })
      .where(eq(comments.id, view.id));
    actAs(reader!);
    expect(await getComment(view.id)).toMatchObject({
      comment: { id: view.id, state: "hidden", mine: false, body: null, html: null },
    });
    actAs(author!);
    expect(await getComment(view.id)).toMatchObject({
      comment: { id: view.id, state: "hidden", mine: true, hiddenReason: "Off topic." },
    });
  });
});
