import { eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { jurisdictions } from "@/db/schema";
import { signUpSchema } from "@/lib/validation/auth";
import { createTestCity } from "@/test/edits";
import {
  followRowsOf,
  followedIds,
  insertFollows,
  isFollowing,
  userIdByEmail,
} from "@/test/follows";
import { HOSTILE, hostileString } from "@/test/hostile";
import {
  actAs,
  createTestUser,
  expectAuthError,
  refusedCallers,
  unique,
  uniqueIp,
  userRow,
  type TestUser,
} from "@/test/users";
import { setHomeCity } from "@/lib/dal/people/account";
import { createAccount } from "@/lib/dal/people/auth";
import { followCity, getFollowStates, listFollowedCities, unfollowCity } from "./follows";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

type City = { id: number; slug: string };
const NO_SUCH_CITY = { ok: false, refusal: { code: "no_such_city" } };

beforeAll(async () => {
  await getDb();
});

/** Renames a test city of ours, so lists sorted by name have a known order. */
async function rename(city: City, name: string) {
  const db = await getDb();
  await db.update(jurisdictions).set({ name }).where(eq(jurisdictions.id, city.id));
}

describe("who may follow", () => {
  let city: City;
  beforeAll(async () => {
    city = await createTestCity();
  });
  const { refusals } = refusedCallers();

  it.each(refusals)("%s: follow is refused and writes nothing", async (_, who, code) => {
    const before = await followRowsOf([city.id]);
    actAs(who());
    await expectAuthError(followCity(city.slug), code);
    expect(await followRowsOf([city.id])).toEqual(before);
  });

  it.each(refusals)("%s: unfollow is refused and removes nothing", async (_, who, code) => {
    // the banned/stale users followed the city before; the refusal must keep that
    const subject = who();
    if (subject) await insertFollows(subject.id, [city.id]);
    const before = await followRowsOf([city.id]);
    if (subject) expect(before.map((r) => r.userId)).toContain(subject.id);
    actAs(subject);
    await expectAuthError(unfollowCity(city.slug), code);
    expect(await followRowsOf([city.id])).toEqual(before);
  });

  it.each(refusals)("%s: listFollowedCities is refused", async (_, who, code) => {
    actAs(who());
    await expectAuthError(listFollowedCities(), code);
  });
});

describe("followCity and unfollowCity", () => {
  it("following twice is one follow, and answers the same state", async () => {
    const city = await createTestCity();
    const me = await createTestUser();
    actAs(me);
    const first = await followCity(city.slug);
    const second = await followCity(city.slug);
    const state = { following: true, followers: 1, signedIn: true };
    expect(first).toEqual({ ok: true, data: state });
    expect(second).toEqual({ ok: true, data: state });
    const rows = await followRowsOf([city.id]);
    expect(rows.map((r) => [r.userId, r.jurisdictionId])).toEqual([[me.id, city.id]]);
  });

  it("counts every follower across several people, and each sees their own state", async () => {
    const city = await createTestCity();
    const people = [await createTestUser(), await createTestUser(), await createTestUser()];
    const outsider = await createTestUser();
    for (const [i, person] of people.entries()) {
      actAs(person);
      expect(await followCity(city.slug)).toEqual({
        ok: true,
        data: { following: true, followers: i + 1, signedIn: true },
      });
    }
    actAs(people[1]!);
    expect(await unfollowCity(city.slug)).toEqual({
      ok: true,
      data: { following: false, followers: 2, signedIn: true },
    });
    expect(await getFollowStates([city.slug])).toEqual({
      [city.slug]: { following: false, followers: 2, signedIn: true },
    });
    actAs(people[2]!);
    expect(await getFollowStates([city.slug])).toEqual({
      [city.slug]: { following: true, followers: 2, signedIn: true },
    });
    actAs(outsider);
    expect(await getFollowStates([city.slug])).toEqual({
      [city.slug]: { following: false, followers: 2, signedIn: true },
    });
    const rows = await followRowsOf([city.id]);
    expect(rows.map((r) => r.userId).sort((a, b) => a - b)).toEqual(
      [people[0]!.id, people[2]!.id].sort((a, b) => a - b),
    );
  });

  it("following one city leaves my other follows and other cities alone", async () => {
    const [a, b] = [await createTestCity(), await createTestCity()];
    const me = await createTestUser();
    actAs(me);
    await followCity(a.slug);
    await followCity(b.slug);
    await unfollowCity(a.slug);
    expect(await followedIds(me.id)).toEqual([b.id]);
  });

  it("unfollowing a city I do not follow changes nothing", async () => {
    const city = await createTestCity();
    const [other, me] = [await createTestUser(), await createTestUser()];
    await insertFollows(other.id, [city.id]);
    const before = await followRowsOf([city.id]);
    actAs(me);
    expect(await unfollowCity(city.slug)).toEqual({
      ok: true,
      data: { following: false, followers: 1, signedIn: true },
    });
    expect(await followRowsOf([city.id])).toEqual(before);
    // and twice in a row after a real follow
    await followCity(city.slug);
    await unfollowCity(city.slug);
    expect(await unfollowCity(city.slug)).toEqual({
      ok: true,
      data: { following: false, followers: 1, signedIn: true },
    });
    expect(await followRowsOf([city.id])).toEqual(before);
  });

  it("an unknown city is refused and nothing is written", async () => {
    const me = await createTestUser();
    actAs(me);
    expect(await followCity(`no-such-city-${unique()}`)).toEqual(NO_SUCH_CITY);
    expect(await followedIds(me.id)).toEqual([]);
  });

  it("unfollowing an unknown city writes nothing and reports no follow", async () => {
    const city = await createTestCity();
    const me = await createTestUser();
    await insertFollows(me.id, [city.id]);
    actAs(me);
    const result = await unfollowCity(`no-such-city-${unique()}`);
    if (result.ok) expect(result.data.following).toBe(false);
    expect(await followedIds(me.id)).toEqual([city.id]);
  });
});

describe("getFollowStates", () => {
  let a: City;
  let b: City;
  let fan: TestUser;
  beforeAll(async () => {
    [a, b] = [await createTestCity(), await createTestCity()];
    fan = await createTestUser();
    const others = [await createTestUser(), await createTestUser()];
    await insertFollows(fan.id, [a.id]);
    for (const o of others) await insertFollows(o.id, [a.id, b.id]);
  });

  it("signed out: counts followers, following is false", async () => {
    actAs(null);
    expect(await getFollowStates([a.slug, b.slug])).toEqual({
      [a.slug]: { following: false, followers: 3, signedIn: false },
      [b.slug]: { following: false, followers: 2, signedIn: false },
    });
  });

  it("a stale or banned session reads as signed out", async () => {
    const banned = await createTestUser({ banned: true });
    await insertFollows(banned.id, [b.id]);
    for (const who of [banned, { ...fan, sessionVersion: fan.sessionVersion + 1 }]) {
      actAs(who);
      expect(await getFollowStates([a.slug])).toEqual({
        [a.slug]: { following: false, followers: 3, signedIn: false },
      });
    }
  });

  it("signed in: says which cities I follow", async () => {
    actAs(fan);
    expect(await getFollowStates([a.slug, b.slug])).toEqual({
      [a.slug]: { following: true, followers: 3, signedIn: true },
      [b.slug]: { following: false, followers: expect.any(Number), signedIn: true },
    });
  });

  it("leaves unknown slugs out, and answers {} for none", async () => {
    actAs(fan);
    const states = await getFollowStates([`no-such-city-${unique()}`, a.slug, "boston"]);
    expect(Object.keys(states)).toEqual([a.slug]);
    expect(await getFollowStates([])).toEqual({});
  });

  it("a seeded city with no followers of ours answers a count, not an error", async () => {
    actAs(null);
    const states = await getFollowStates(["boston-ma"]);
    expect(states["boston-ma"]).toMatchObject({ following: false, signedIn: false });
    expect(states["boston-ma"]!.followers).toBeGreaterThanOrEqual(0);
  });

  // NUL has tests of its own below (the database refuses it in text).
  const hasNul = (s: string) => s.includes("\u0000");

  it.each(HOSTILE.filter((s) => !hasNul(s)).map((s) => [JSON.stringify(s).slice(0, 40), s]))(
    "hostile slug %s never throws and matches nothing",
    async (_, slug) => {
      actAs(fan);
      expect(await getFollowStates([slug, a.slug])).toEqual({
        [a.slug]: { following: true, followers: 3, signedIn: true },
      });
    },
  );

  it("random hostile slug lists never throw and only known cities come back", async () => {
    actAs(fan);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          hostileString.filter((s) => !hasNul(s)),
          { maxLength: 8 },
        ),
        async (slugs) => {
          const states = await getFollowStates([...slugs, a.slug]);
          expect(Object.keys(states)).toEqual([a.slug]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("a slug holding NUL (\\u0000) matches nothing instead of reaching the database", async () => {
    // Postgres refuses NUL in text parameters ("invalid byte sequence for encoding
    // UTF8: 0x00"), so such a slug must be turned away before the query.
    actAs(fan);
    for (const slug of ["\u0000", "abc\u0000def"]) {
      const states = await getFollowStates([slug, a.slug]).catch((e: unknown) => e);
      expect(states).toEqual({ [a.slug]: { following: true, followers: 3, signedIn: true } });
    }
  });

  it("followCity/unfollowCity with NUL in the slug are refused: no such city", async () => {
    const me = await createTestUser();
    actAs(me);
    const followed = await followCity("abc\u0000def").catch((e: unknown) => e);
    expect(followed).toEqual(NO_SUCH_CITY);
    const unfollowed = await unfollowCity("abc\u0000def").catch((e: unknown) => e);
    expect(unfollowed).toEqual(NO_SUCH_CITY);
    expect(await followedIds(me.id)).toEqual([]);
  });

  it("followCity with other hostile slugs is refused (no such city) and writes nothing", async () => {
    const me = await createTestUser();
    actAs(me);
    for (const slug of HOSTILE.filter((s) => !hasNul(s))) {
      expect(await followCity(slug)).toEqual(NO_SUCH_CITY);
      expect(await unfollowCity(slug)).toEqual(NO_SUCH_CITY);
    }
    expect(await followedIds(me.id)).toEqual([]);
  });
});

describe("listFollowedCities", () => {
  it("lists the cities I follow by name, and nobody else's", async () => {
    const cities = [await createTestCity(), await createTestCity(), await createTestCity()];
    const tag = unique();
    await rename(cities[0]!, `Zeta ${tag}`);
    await rename(cities[1]!, `Alpha ${tag}`);
    await rename(cities[2]!, `Mu ${tag}`);
    const [me, other] = [await createTestUser(), await createTestUser()];
    const notMine = await createTestCity();
    await insertFollows(other.id, [notMine.id, cities[0]!.id]);
    actAs(me);
    expect(await listFollowedCities()).toEqual([]);
    // followed in an order that is neither by name nor by id
    for (const c of [cities[0]!, cities[2]!, cities[1]!]) await followCity(c.slug);
    const listed = await listFollowedCities();
    expect(listed.map((c) => c.name)).toEqual([`Alpha ${tag}`, `Mu ${tag}`, `Zeta ${tag}`]);
    expect(listed.map((c) => c.slug)).toEqual([cities[1]!.slug, cities[2]!.slug, cities[0]!.slug]);
    for (const c of listed) {
      expect(c.state).toBe("ZZ");
      expect(Date.parse(c.followedAt)).toBeGreaterThan(Date.now() - 60 * 60_000);
    }
  });
});

describe("a home city is followed", () => {
  const signUp = async (email: string, homeCity: string) =>
    createAccount(
      await signUpSchema.parseAsync({
        name: "Home City Tester",
        email,
        password: "correct horse battery staple",
        homeCity,
      }),
      uniqueIp(),
    );

  it("sign-up with a home city follows it", async () => {
    const city = await createTestCity();
    const email = `signup-${unique()}@example.test`;
    expect(await signUp(email, city.slug)).toEqual({ ok: true, data: null });
    const id = await userIdByEmail(email);
    expect(await followedIds(id)).toEqual([city.id]);
    expect((await userRow(id)).homeJurisdictionId).toBe(city.id);
  });

  it("sign-up without a home city, or with an unknown one, follows nothing", async () => {
    for (const home of ["", `no-such-city-${unique()}`]) {
      const email = `signup-${unique()}@example.test`;
      expect(await signUp(email, home)).toEqual({ ok: true, data: null });
      expect(await followedIds(await userIdByEmail(email))).toEqual([]);
    }
  });

  it("sign-up with a taken email adds no follow to the existing account", async () => {
    const city = await createTestCity();
    const victim = await createTestUser();
    expect(await signUp(victim.email, city.slug)).toEqual({ ok: true, data: null });
    expect(await followedIds(victim.id)).toEqual([]);
    expect(await followRowsOf([city.id])).toEqual([]);
  });

  it("setHomeCity follows the city, once, and clearing it unfollows nothing", async () => {
    const [city, other] = [await createTestCity(), await createTestCity()];
    const me = await createTestUser();
    actAs(me);
    expect(await setHomeCity({ homeCity: city.slug })).toEqual({ ok: true, data: null });
    expect(await isFollowing(me.id, city.id)).toBe(true);
    expect(await setHomeCity({ homeCity: city.slug })).toEqual({ ok: true, data: null });
    expect(await followRowsOf([city.id])).toHaveLength(1);
    expect(await setHomeCity({ homeCity: other.slug })).toEqual({ ok: true, data: null });
    expect(await followedIds(me.id)).toEqual([city.id, other.id].sort((x, y) => x - y));
    expect(await setHomeCity({ homeCity: "" })).toEqual({ ok: true, data: null });
    expect(await followedIds(me.id)).toEqual([city.id, other.id].sort((x, y) => x - y));
    expect((await userRow(me.id)).homeJurisdictionId).toBeNull();
  });

  it("setHomeCity with an unknown city is refused and follows nothing", async () => {
    const me = await createTestUser();
    actAs(me);
    expect(await setHomeCity({ homeCity: `no-such-city-${unique()}` })).toEqual({
      ok: false,
      refusal: { code: "unknown_home_city" },
    });
    expect(await followedIds(me.id)).toEqual([]);
  });

  it("setHomeCity by a stale session follows nothing", async () => {
    const city = await createTestCity();
    const me = await createTestUser();
    actAs({ ...me, sessionVersion: me.sessionVersion + 1 });
    await expectAuthError(setHomeCity({ homeCity: city.slug }), "session_expired");
    expect(await followRowsOf([city.id])).toEqual([]);
  });
});
