import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/feeds/[token]/feed.xml/route";
import { getDb } from "@/db/client";
import { follows, policyUpdates, users } from "@/db/schema";
import { cityRow, createTestCity } from "@/test/edits";
import { insertFollows, insertRevisions, parseAtom, text, type ParsedFeed } from "@/test/follows";
import { HOSTILE, hostileString } from "@/test/hostile";
import { insertUpdates } from "@/test/updates";
import {
  actAs,
  createTestUser,
  expectAuthError,
  refusedCallers,
  unique,
  userRow,
  type TestUser,
} from "@/test/users";
import { deleteOwnAccount } from "@/lib/dal/people/account";
import { decideSubmission } from "@/lib/dal/moderation/decisions";
import { getPrivateFeedPath, readPrivateFeed, resetPrivateFeed } from "./private-feed";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

// Not 127.0.0.1: NextURL reports local addresses as "localhost".
const ORIGIN = "https://citywatch.test";
const EPOCH = "2017-04-24T00:00:00.000Z";
const FEDERAL = "Federal actions against it";
const PATH = /^\/feeds\/([A-Za-z0-9_-]{32})\/feed\.xml$/;
const NOT_FOUND = "There is no such feed. Its address may have been reset.";

type City = { id: number; slug: string };

let mod: TestUser;
let author: TestUser;
beforeAll(async () => {
  await getDb();
  // links are built from the request's origin, whatever the machine's environment says
  vi.stubEnv("NEXTAUTH_URL", "");
  mod = await createTestUser({ role: "moderator" });
  author = await createTestUser();
});

/** The token inside a private feed path (and the path must have the documented shape). */
function tokenOf(path: string): string {
  const m = PATH.exec(path);
  if (!m) throw new Error(`not a private feed path: ${path}`);
  return m[1]!;
}

/** My private feed's path, asked for as `user`. */
async function pathOf(user: TestUser): Promise<string> {
  actAs(user);
  return getPrivateFeedPath();
}

/** GETs a private feed as the route handler would be called, with no session at all. */
function getFeed(token: string) {
  actAs(null);
  // a token that cannot be one URL segment is still handed over as params
  const segment = /^[A-Za-z0-9_-]{1,64}$/.test(token) ? token : "hostile";
  return GET(new NextRequest(`${ORIGIN}/feeds/${segment}/feed.xml`), {
    params: Promise.resolve({ token }),
  });
}

/** The feed a token opens, checked to be a private Atom response, parsed. */
async function feedOf(token: string): Promise<ParsedFeed> {
  const response = await getFeed(token);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  expect(response.headers.get("cache-control")).toMatch(/\bprivate\b/);
  return parseAtom(await response.text());
}

async function expectNotFound(token: string) {
  const response = await getFeed(token);
  expect(response.status).toBe(404);
  expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(await response.text()).toBe(NOT_FOUND);
}

const entryIds = (feed: ParsedFeed) => (feed.entry ?? []).map((e) => text(e.id));
const updateUrl = (id: number) => `${ORIGIN}/updates/${id}`;
const revisionUrl = (city: City, id: number) =>
  `${ORIGIN}/cities/${city.slug}/history#revision-${id}`;

/** An approved update straight in the database, decided at `at`. */
async function approvedUpdate(city: City, title: string, at: Date): Promise<number> {
  const [id] = await insertUpdates([
    {
      jurisdictionId: city.id,
      authorId: author.id,
      title,
      status: "approved",
      decidedById: mod.id,
      decidedAt: at,
    },
  ]);
  return id!;
}

const hours = (n: number) => new Date(Date.UTC(2021, 0, 1) + n * 3_600_000);

describe("getPrivateFeedPath", () => {
  it("answers the same /feeds/<32 characters>/feed.xml every time, and stores that token", async () => {
    const me = await createTestUser();
    expect((await userRow(me.id)).feedToken).toBeNull();
    const first = await pathOf(me);
    const token = tokenOf(first);
    expect(await pathOf(me)).toBe(first);
    expect(await pathOf(me)).toBe(first);
    expect((await userRow(me.id)).feedToken).toBe(token);
  });

  it("gives different people different tokens, and leaves others' tokens alone", async () => {
    const people = [await createTestUser(), await createTestUser(), await createTestUser()];
    const paths: string[] = [];
    for (const p of people) paths.push(await pathOf(p));
    expect(new Set(paths.map(tokenOf)).size).toBe(3);
    // asking again, in another order, changes nobody's
    for (const [i, p] of [...people.entries()].reverse()) expect(await pathOf(p)).toBe(paths[i]);
    for (const [i, p] of people.entries()) {
      expect((await userRow(p.id)).feedToken).toBe(tokenOf(paths[i]!));
    }
  });

  it("two first requests at once agree on one token", async () => {
    const me = await createTestUser();
    actAs(me);
    const [a, b, c] = await Promise.all([
      getPrivateFeedPath(),
      getPrivateFeedPath(),
      getPrivateFeedPath(),
    ]);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect((await userRow(me.id)).feedToken).toBe(tokenOf(a));
  });
});

describe("who may have a private feed", () => {
  const token = () => `tok${unique()}${unique()}`.slice(0, 32).padEnd(32, "x");
  const { refusals } = refusedCallers();

  it.each(refusals)(
    "%s: getPrivateFeedPath is refused and makes no token",
    async (_, who, code) => {
      const subject = who();
      if (subject) {
        const db = await getDb();
        await db.update(users).set({ feedToken: null }).where(eq(users.id, subject.id));
      }
      actAs(subject);
      await expectAuthError(getPrivateFeedPath(), code);
      if (subject) expect((await userRow(subject.id)).feedToken).toBeNull();
    },
  );

  it.each(refusals)("%s: resetPrivateFeed is refused and keeps the token", async (_, who, code) => {
    const subject = who();
    const kept = token();
    if (subject) {
      const db = await getDb();
      await db.update(users).set({ feedToken: kept }).where(eq(users.id, subject.id));
    }
    actAs(subject);
    await expectAuthError(resetPrivateFeed(), code);
    if (subject) expect((await userRow(subject.id)).feedToken).toBe(kept);
  });
});

describe("GET /feeds/[token]/feed.xml", () => {
  it("an owner who follows nothing gets a valid, empty feed about them", async () => {
    const me = await createTestUser({ name: `Empty Feed ${unique()}` });
    const path = await pathOf(me);
    const token = tokenOf(path);
    const feed = await feedOf(token);
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(text(feed.id)).toBe(`${ORIGIN}/feeds/${token}`);
    expect(text(feed.title)).toBe(`CityWatch: the cities ${me.name} follows`);
    expect(text(feed.updated)).toBe(EPOCH);
    expect(feed.link).toContainEqual({
      "@_rel": "self",
      "@_type": "application/atom+xml",
      "@_href": `${ORIGIN}${path}`,
    });
    expect(feed.entry).toBeUndefined();
  });

  it("lists approved updates and profile changes of followed cities, newest first, and nothing else", async () => {
    const [a, b, unfollowed] = [
      await createTestCity(),
      await createTestCity(),
      await createTestCity(),
    ];
    const [nameA, nameB] = [(await cityRow(a.id)).name, (await cityRow(b.id)).name];
    const tag = unique();
    const me = await createTestUser();
    await insertFollows(me.id, [a.id, b.id]);
    // someone else follows the unfollowed city: their follow must not leak into my feed
    const neighbour = await createTestUser();
    await insertFollows(neighbour.id, [unfollowed.id]);

    const u0 = await approvedUpdate(a, `Oldest ${tag}`, hours(0));
    const u2 = await approvedUpdate(b, `Middle ${tag}`, hours(2));
    const u4 = await approvedUpdate(a, `Newest ${tag}`, hours(4));
    const [r1, r3] = await insertRevisions(a.id, [
      { at: hours(1) },
      { at: hours(3), kind: "revert" },
    ]);
    const [pending, rejected, withdrawn] = await insertUpdates([
      { jurisdictionId: a.id, authorId: author.id, title: `Pending ${tag}` },
      {
        jurisdictionId: a.id,
        authorId: author.id,
        title: `Rejected ${tag}`,
        status: "rejected",
        decidedById: mod.id,
        decidedAt: hours(5),
      },
      { jurisdictionId: b.id, authorId: author.id, title: `Withdrawn ${tag}`, status: "withdrawn" },
    ]);
    const elsewhere = await approvedUpdate(unfollowed, `Elsewhere ${tag}`, hours(6));
    const [elsewhereRevision] = await insertRevisions(unfollowed.id, [{ at: hours(7) }]);

    const token = tokenOf(await pathOf(me));
    const response = await getFeed(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    expect(response.headers.get("x-robots-tag")).toBe("noindex");
    const feed = parseAtom(await response.text());

    expect(entryIds(feed)).toEqual([
      updateUrl(u4),
      revisionUrl(a, r3!),
      updateUrl(u2),
      revisionUrl(a, r1!),
      updateUrl(u0),
    ]);
    for (const id of [pending!, rejected!, withdrawn!, elsewhere]) {
      expect(entryIds(feed)).not.toContain(updateUrl(id));
    }
    expect(entryIds(feed)).not.toContain(revisionUrl(unfollowed, elsewhereRevision!));

    const entries = feed.entry!;
    expect(entries.map((e) => text(e.title))).toEqual([
      `${nameA}: Newest ${tag}`,
      `${nameA}: profile reverted (${FEDERAL})`,
      `${nameB}: Middle ${tag}`,
      `${nameA}: profile updated (${FEDERAL})`,
      `${nameA}: Oldest ${tag}`,
    ]);
    expect(entries.map((e) => text(e.updated))).toEqual(
      [4, 3, 2, 1, 0].map((n) => hours(n).toISOString()),
    );
    expect(entries[0]!.link).toEqual([{ "@_rel": "alternate", "@_href": updateUrl(u4) }]);
    expect(text(feed.updated)).toBe(hours(4).toISOString());
  });

  it("each token opens its own owner's feed", async () => {
    const [a, b] = [await createTestCity(), await createTestCity()];
    const tag = unique();
    const inA = await approvedUpdate(a, `In A ${tag}`, hours(1));
    const inB = await approvedUpdate(b, `In B ${tag}`, hours(2));
    const [alice, bob] = [await createTestUser(), await createTestUser()];
    await insertFollows(alice.id, [a.id]);
    await insertFollows(bob.id, [b.id]);
    const aliceFeed = await feedOf(tokenOf(await pathOf(alice)));
    const bobFeed = await feedOf(tokenOf(await pathOf(bob)));
    expect(entryIds(aliceFeed)).toEqual([updateUrl(inA)]);
    expect(entryIds(bobFeed)).toEqual([updateUrl(inB)]);
    expect(text(aliceFeed.title)).toContain(alice.name);
    expect(text(bobFeed.title)).toContain(bob.name);
  });

  it("shows an update on the next request once a moderator approves it", async () => {
    const city = await createTestCity();
    const tag = unique();
    const me = await createTestUser();
    await insertFollows(me.id, [city.id]);
    const older = await approvedUpdate(city, `Older ${tag}`, hours(0));
    const [pending] = await insertUpdates([
      { jurisdictionId: city.id, authorId: author.id, title: `Just approved ${tag}` },
    ]);
    const token = tokenOf(await pathOf(me));
    expect(entryIds(await feedOf(token))).toEqual([updateUrl(older)]);

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

    const after = await feedOf(token);
    expect(entryIds(after)).toEqual([updateUrl(pending!), updateUrl(older)]);
    const approvedAt = text(after.entry![0]!.updated);
    expect(Date.now() - Date.parse(approvedAt)).toBeLessThan(10 * 60_000);
    expect(text(after.updated)).toBe(approvedAt);
    expect(text(after.entry![0]!.title)).toBe(
      `${(await cityRow(city.id)).name}: Just approved ${tag}`,
    );
  });

  it("an update approved straight in the database also shows on the next request", async () => {
    const city = await createTestCity();
    const me = await createTestUser();
    await insertFollows(me.id, [city.id]);
    const [id] = await insertUpdates([
      { jurisdictionId: city.id, authorId: author.id, title: `Direct ${unique()}` },
    ]);
    const token = tokenOf(await pathOf(me));
    expect(entryIds(await feedOf(token))).toEqual([]);
    const db = await getDb();
    await db
      .update(policyUpdates)
      .set({ status: "approved", decidedById: mod.id, decidedAt: hours(8) })
      .where(eq(policyUpdates.id, id!));
    const feed = await feedOf(token);
    expect(entryIds(feed)).toEqual([updateUrl(id!)]);
    expect(text(feed.updated)).toBe(hours(8).toISOString());
  });

  it("unfollowing a city takes its items out of the feed", async () => {
    const [kept, dropped] = [await createTestCity(), await createTestCity()];
    const tag = unique();
    const me = await createTestUser();
    await insertFollows(me.id, [kept.id, dropped.id]);
    const k = await approvedUpdate(kept, `Kept ${tag}`, hours(1));
    const d = await approvedUpdate(dropped, `Dropped ${tag}`, hours(2));
    const token = tokenOf(await pathOf(me));
    expect(entryIds(await feedOf(token))).toEqual([updateUrl(d), updateUrl(k)]);
    const db = await getDb();
    await db
      .delete(follows)
      .where(and(eq(follows.userId, me.id), eq(follows.jurisdictionId, dropped.id)));
    expect(entryIds(await feedOf(token))).toEqual([updateUrl(k)]);
  });

  it("readPrivateFeed names the owner and gives the newest page", async () => {
    const city = await createTestCity();
    const me = await createTestUser();
    await insertFollows(me.id, [city.id]);
    const id = await approvedUpdate(city, `Read ${unique()}`, hours(3));
    const token = tokenOf(await pathOf(me));
    const feed = await readPrivateFeed(token);
    expect(feed?.name).toBe(me.name);
    expect(feed?.page.items.map((i) => [i.type, i.id])).toEqual([["update", id]]);
    expect(
      await readPrivateFeed(`${token.slice(0, 31)}${token[31] === "A" ? "B" : "A"}`),
    ).toBeNull();
  });
});

describe("resetting the private feed", () => {
  it("answers a new path; the old address is 404 at once and the new one works", async () => {
    const city = await createTestCity();
    const me = await createTestUser();
    await insertFollows(me.id, [city.id]);
    const id = await approvedUpdate(city, `Reset ${unique()}`, hours(1));
    const oldPath = await pathOf(me);
    const oldToken = tokenOf(oldPath);
    expect(entryIds(await feedOf(oldToken))).toEqual([updateUrl(id)]);

    actAs(me);
    const result = await resetPrivateFeed();
    if (!result.ok) throw new Error("reset failed");
    const newPath = result.data.path;
    const newToken = tokenOf(newPath);
    expect(newToken).not.toBe(oldToken);
    expect((await userRow(me.id)).feedToken).toBe(newToken);

    await expectNotFound(oldToken);
    expect(entryIds(await feedOf(newToken))).toEqual([updateUrl(id)]);
    // the account page now shows the new address, and keeps showing it
    expect(await pathOf(me)).toBe(newPath);
    expect(await pathOf(me)).toBe(newPath);
  });

  it("works before the address was ever asked for, and again and again", async () => {
    const me = await createTestUser();
    actAs(me);
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const result = await resetPrivateFeed();
      if (!result.ok) throw new Error("reset failed");
      seen.add(tokenOf(result.data.path));
    }
    expect(seen.size).toBe(3);
    const last = [...seen].at(-1)!;
    expect((await userRow(me.id)).feedToken).toBe(last);
    for (const t of seen) {
      if (t === last) expect((await getFeed(t)).status).toBe(200);
      else await expectNotFound(t);
    }
  });

  it("resetting my feed leaves another person's address working", async () => {
    const [me, other] = [await createTestUser(), await createTestUser()];
    const otherToken = tokenOf(await pathOf(other));
    await pathOf(me);
    actAs(me);
    await resetPrivateFeed();
    expect((await userRow(other.id)).feedToken).toBe(otherToken);
    expect((await getFeed(otherToken)).status).toBe(200);
  });
});

describe("tokens that open no feed answer 404, never 500", () => {
  let live: string;
  beforeAll(async () => {
    live = tokenOf(await pathOf(await createTestUser()));
  });

  const bad: [string, () => string][] = [
    ["unknown, well-formed", () => `${unique()}${unique()}${unique()}`.slice(0, 32)],
    ["empty", () => ""],
    ["too short", () => live.slice(0, 31)],
    ["too long", () => `${live}A`],
    ["one character changed", () => `${live[0] === "a" ? "b" : "a"}${live.slice(1)}`],
    [
      "different case",
      () => (live.toUpperCase() === live ? live.toLowerCase() : live.toUpperCase()),
    ],
    ["with slashes", () => `${live.slice(0, 16)}/${live.slice(17)}`],
    ["a path", () => `../${live}`],
    ["with a newline", () => `${live}\n`],
    ["with padding", () => ` ${live.slice(1)}`],
    ["10 KB long", () => live.repeat(320)],
    ["SQL", () => "' or '1'='1' --".padEnd(32, "x")],
    ["NUL", () => `${live.slice(0, 31)}\u0000`],
  ];

  it("a banned owner's address answers 404", async () => {
    const owner = await createTestUser();
    const token = tokenOf(await pathOf(owner));
    expect((await getFeed(token)).status).toBe(200);
    const db = await getDb();
    await db.update(users).set({ bannedAt: new Date() }).where(eq(users.id, owner.id));
    await expectNotFound(token);
  });

  it.each(bad)("%s", async (_, token) => {
    await expectNotFound(token());
    // the real owner's address still works
    expect((await getFeed(live)).status).toBe(200);
  });

  it.each(HOSTILE.map((s) => [JSON.stringify(s).slice(0, 40), s]))(
    "hostile token %s",
    async (_, token) => {
      await expectNotFound(token);
    },
  );

  it("the token of a deleted account answers 404", async () => {
    const me = await createTestUser();
    const token = tokenOf(await pathOf(me));
    expect((await getFeed(token)).status).toBe(200);
    actAs(me);
    expect(await deleteOwnAccount({ password: me.password, confirm: "delete my account" })).toEqual(
      { ok: true, data: null },
    );
    await expectNotFound(token);
    expect(await readPrivateFeed(token)).toBeNull();
  });

  it("a token held by an account marked deleted answers 404", async () => {
    const gone = await createTestUser({ deleted: true });
    const token = `${unique()}${unique()}${unique()}`.slice(0, 32);
    const db = await getDb();
    await db.update(users).set({ feedToken: token }).where(eq(users.id, gone.id));
    await expectNotFound(token);
  });

  it("random strings never throw and never open a feed", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostileString, fc.stringMatching(/^[A-Za-z0-9_-]{32}$/)),
        async (token) => {
          fc.pre(token !== live);
          const response = await getFeed(token);
          expect(response.status).toBe(404);
        },
      ),
      { numRuns: 80 },
    );
  });
});
