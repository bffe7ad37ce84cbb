import { isDeepStrictEqual } from "node:util";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { cityIdOf, insertUpdates } from "@/test/updates";
import { createTestUser, unique, type TestUser } from "@/test/users";
import { listPublishedUpdates, type PublishedUpdate } from "./updates";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));

// Other files may publish in other cities; this one keeps to its own city and
// dates its rows in 2099, so they lead the timeline, and filters by its titles.
const CITY = "milwaukee-county-wi";
const PAGE = 10;
let author: TestUser;
let cityId: number;
let otherCityId: number;

beforeAll(async () => {
  await getDb();
  author = await createTestUser();
  cityId = await cityIdOf(CITY);
  otherCityId = await cityIdOf("denver-co");
});

/** Walks a city's timeline from the first page, checking each page's shape as it goes. */
async function walk(city = CITY): Promise<PublishedUpdate[][]> {
  const pages: PublishedUpdate[][] = [];
  let cursor: string | undefined;
  do {
    const page = await listPublishedUpdates(city, cursor);
    pages.push(page.updates);
    expect(page.updates.length).toBeLessThanOrEqual(PAGE);
    if (page.nextCursor) {
      expect(page.updates).toHaveLength(PAGE);
      expect(page.nextCursor).toMatch(/^\d{16}\.\d{1,10}$/);
    }
    cursor = page.nextCursor ?? undefined;
    expect(pages.length).toBeLessThan(1_000);
  } while (cursor);
  return pages;
}

describe("listPublishedUpdates", () => {
  it("walks every approved update exactly once, newest first, ties broken by id", async () => {
    const tag = unique();
    const minute = (n: number) => new Date(Date.UTC(2099, 5, 1, 12, 0) - n * 60_000);
    // 25 approved: positions 8–12 share one time, so the tie straddles the
    // page 1/2 boundary; inserted out of order so ids do not follow time.
    const order = [
      3, 17, 9, 0, 24, 12, 5, 21, 10, 1, 14, 8, 19, 2, 23, 11, 6, 16, 20, 4, 13, 7, 22, 15, 18,
    ];
    const approved = order.map((n) => ({
      jurisdictionId: cityId,
      authorId: author.id,
      title: `Timeline ${tag} ${n}`,
      status: "approved" as const,
      decidedById: author.id,
      decidedAt: minute(n >= 8 && n <= 12 ? 8 : n),
    }));
    const ids = await insertUpdates(approved);
    const hidden = await insertUpdates([
      { jurisdictionId: cityId, authorId: author.id, title: `Timeline ${tag} pending` },
      ...(["rejected", "withdrawn"] as const).map((status, i) => ({
        jurisdictionId: cityId,
        authorId: author.id,
        title: `Timeline ${tag} ${status}`,
        status,
        decidedById: author.id,
        decidedAt: minute(i + 5),
      })),
      {
        jurisdictionId: otherCityId,
        authorId: author.id,
        title: `Timeline ${tag} elsewhere`,
        status: "approved",
        decidedById: author.id,
        decidedAt: minute(0),
      },
    ]);
    const expected = approved
      .map((row, i) => ({ id: ids[i]!, at: row.decidedAt.getTime() }))
      .sort((a, b) => b.at - a.at || b.id - a.id)
      .map((r) => r.id);

    const all = (await walk()).flat();
    expect(new Set(all.map((u) => u.id)).size).toBe(all.length);
    for (let i = 1; i < all.length; i++) {
      const [prev, cur] = [all[i - 1]!, all[i]!];
      const ordered =
        prev.publishedAt > cur.publishedAt ||
        (prev.publishedAt === cur.publishedAt && prev.id > cur.id);
      expect(ordered, `${prev.id} before ${cur.id}`).toBe(true);
    }
    const mine = all.filter((u) => u.title.startsWith(`Timeline ${tag} `));
    expect(mine.map((u) => u.id)).toEqual(expected);
    for (const id of hidden) expect(all.map((u) => u.id)).not.toContain(id);
    expect(mine[0]).toMatchObject({
      title: `Timeline ${tag} 0`,
      publishedAt: minute(0).toISOString(),
      authorName: author.name,
      city: { slug: CITY },
    });
  });

  it("skips no update decided later in the same millisecond as a page's last", async () => {
    const tag = unique();
    // 14 updates within one millisecond of 2099-07-01, a microsecond apart, ids not in
    // time order: pages of 10 split them. In a city of their own, as the test above
    // checks its city's whole order with the milliseconds a page shows.
    const city = "oakland-ca";
    const ownCityId = await cityIdOf(city);
    const offsets = [5, 12, 1, 9, 14, 3, 7, 11, 2, 13, 6, 10, 4, 8];
    const ids = await insertUpdates(
      offsets.map((n) => ({
        jurisdictionId: ownCityId,
        authorId: author.id,
        title: `Same ms ${tag} ${n}`,
        status: "approved" as const,
        decidedById: author.id,
        decidedAt: new Date(Date.UTC(2099, 6, 1, 12)),
      })),
    );
    const db = await getDb();
    for (const [i, id] of ids.entries()) {
      await db.execute(
        sql`update policy_updates set decided_at = timestamptz '2099-07-01 12:00:00.123+00' + ${offsets[i]!} * interval '1 microsecond' where id = ${id}`,
      );
    }
    const mine = (await walk(city)).flat().filter((u) => u.title.startsWith(`Same ms ${tag} `));
    expect(mine.map((u) => u.title)).toEqual(
      [...offsets].sort((a, b) => b - a).map((n) => `Same ms ${tag} ${n}`),
    );
  });

  it("an empty or unknown city has one empty page", async () => {
    expect(await listPublishedUpdates("atlantis-zz")).toEqual({ updates: [], nextCursor: null });
  });

  it("treats a malformed cursor as the first page", async () => {
    const first = await listPublishedUpdates(CITY);
    for (const cursor of [
      "abc",
      "1.2.3",
      "99999999999999999999.1",
      "",
      "1.",
      ".1",
      "-1.5",
      "1e3.1",
      " 1.1",
    ]) {
      await expect(listPublishedUpdates(CITY, cursor), `cursor ${cursor}`).resolves.toEqual(first);
    }
  });

  // A cursor comes from ?cursor= on a public page, so any string can arrive.
  it("never fails on a well-formed cursor with out-of-range parts", async () => {
    const first = await listPublishedUpdates(CITY);
    const empty = { updates: [], nextCursor: null };
    const cursors = ["1.2147483648", "1.9999999999", "999999999999999.1", "253402300800000.1"];
    const outcomes: Record<string, string> = {};
    for (const cursor of cursors) {
      outcomes[cursor] = await listPublishedUpdates(CITY, cursor).then(
        (page) =>
          isDeepStrictEqual(page, first) || isDeepStrictEqual(page, empty) ? "ok" : "another page",
        (e: Error) => `throws: ${(e.cause as Error | undefined)?.message ?? e.message}`,
      );
    }
    expect(outcomes).toEqual(Object.fromEntries(cursors.map((c) => [c, "ok"])));
  });
});
