import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { follows, jurisdictionStats, policyUpdates, profileRevisions } from "@/db/schema";
import { POLICY_FIELDS, policyBadge, type PolicyBadge } from "@/lib/policy-fields";
import { FILTER_FIELDS, parseCityFilter } from "@/lib/validation/city-filter";
import { addTestPlace, removeTestPlaces, TEST_STATE, type TestPlace } from "@/test/browse";
import { insertUpdates } from "@/test/updates";
import { createTestUser } from "@/test/users";
import { listCityPage, type CityListItem } from "./browse";
import { listMostFollowed, listRecentlyChanged } from "./highlights";
import { encodeCursor } from "./internal/keyset";

type Query = Record<string, string>;

function filterOf(query: Query) {
  const parsed = parseCityFilter({ state: TEST_STATE, per: "12", ...query });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.filter;
}

async function page(query: Query) {
  const result = await listCityPage(filterOf(query));
  if (!result.ok) throw new Error(result.code);
  return result.page;
}

/** Every page from the first, following "Next page". */
async function walk(query: Query = {}): Promise<CityListItem[][]> {
  const pages: CityListItem[][] = [];
  let after: string | null = null;
  do {
    const p = await page(after ? { ...query, after } : query);
    pages.push(p.cities);
    after = p.next;
  } while (after);
  return pages;
}

const slugs = (items: CityListItem[]) => items.map((c) => c.slug);
const ICE = Object.keys(POLICY_FIELDS.ice_detainers.options);
const STATUS = Object.keys(POLICY_FIELDS.sanctuary_status.options);
const JAIL = Object.keys(POLICY_FIELDS.jail_access.options);

const places: TestPlace[] = [];
const followers = new Map<string, number>();
const changed = new Map<string, string>();

beforeAll(async () => {
  await removeTestPlaces();
  // 30 places: two share a name and two share a population, so the tiebreakers matter.
  for (let i = 0; i < 30; i++) {
    const name = i === 28 || i === 29 ? "Twin Town" : `Place ${String(i + 1).padStart(2, "0")}`;
    const population = i === 10 || i === 11 ? 5000 : 1000 + ((i * 7919) % 50000);
    places.push(
      await addTestPlace(name, population, {
        ice_detainers: ICE[i % ICE.length]!,
        sanctuary_status: STATUS[i % 3]!,
        jail_access: JAIL[i % JAIL.length]!,
        // the rest keep Boston's "None recorded as of April 2017."
        ...(i % 5 === 0
          ? { federal_actions: "Sued over its detainer policy; the suit was dropped." }
          : {}),
        ...(i % 5 === 1
          ? { federal_actions: "A Justice Department letter about its Byrne JAG fúnding." }
          : {}),
      }),
    );
  }
  const db = await getDb();
  const people = await Promise.all([createTestUser(), createTestUser(), createTestUser()]);
  const rows = places.flatMap((p, i) =>
    people.slice(0, i % 4).map((u) => ({ userId: u.id, jurisdictionId: p.id })),
  );
  await db.insert(follows).values(rows);
  places.forEach((p, i) => followers.set(p.slug, i % 4));
  // Approved updates on the first five (one of them approved, then hidden: no change left),
  // a profile edit on the seventh; the rest never changed.
  const author = people[0]!;
  const ids = await insertUpdates(
    places.slice(0, 6).map((p, i) => ({
      jurisdictionId: p.id,
      authorId: author.id,
      title: `Browse test update ${p.slug}`,
      status: "approved" as const,
      decidedAt: new Date(Date.UTC(2030, 0, 10 - i, 12, 0, 0, 0)),
    })),
  );
  await db.update(policyUpdates).set({ status: "hidden" }).where(eq(policyUpdates.id, ids[5]!));
  places
    .slice(0, 5)
    .forEach((p, i) => changed.set(p.slug, new Date(Date.UTC(2030, 0, 10 - i, 12)).toISOString()));
  const edited = new Date(Date.UTC(2030, 0, 8, 12, 30));
  await db
    .insert(profileRevisions)
    .values({ jurisdictionId: places[6]!.id, kind: "edit", createdAt: edited });
  changed.set(places[6]!.slug, edited.toISOString());
});

afterAll(async () => {
  await removeTestPlaces();
});

describe("listCityPage filters", () => {
  it("lists exactly the state's places, with the count of matches", async () => {
    const first = await page({});
    expect(first.total).toBe(30);
    expect(first.cities).toHaveLength(12);
    expect(first.prev).toBeNull();
    expect(
      (await walk())
        .flat()
        .map((c) => c.slug)
        .sort(),
    ).toEqual(places.map((p) => p.slug).sort());
  });

  it("narrows to the places with each value of each policy field", async () => {
    for (const field of FILTER_FIELDS) {
      for (const value of Object.keys(POLICY_FIELDS[field].options ?? {})) {
        const found = (await walk({ [field]: value })).flat();
        const expected = places.filter((p) => p.values[field] === value).map((p) => p.slug);
        expect(slugs(found).sort(), `${field}=${value}`).toEqual(expected.sort());
        expect((await page({ [field]: value })).total).toBe(expected.length);
      }
    }
  });

  it("narrows by text the federal actions record contains, in any case, with or without accents", async () => {
    const bySuffix = (r: number) =>
      places
        .filter((_, i) => i % 5 === r)
        .map((p) => p.slug)
        .sort();
    expect(slugs((await walk({ federal_actions: "FUNDING" })).flat()).sort()).toEqual(bySuffix(1));
    expect(slugs((await walk({ federal_actions: "byrne jag fúnding" })).flat()).sort()).toEqual(
      bySuffix(1),
    );
    expect(slugs((await walk({ federal_actions: "sued" })).flat()).sort()).toEqual(bySuffix(0));
    expect((await page({ federal_actions: "sued" })).total).toBe(bySuffix(0).length);
    // the text as typed, not as LIKE patterns
    expect((await page({ federal_actions: "%" })).total).toBe(0);
    expect((await page({ federal_actions: "s_ed" })).total).toBe(0);
    // with another filter: both must hold
    const both = (await walk({ federal_actions: "sued", sanctuary_status: STATUS[0]! })).flat();
    expect(slugs(both).sort()).toEqual(
      places
        .filter((p, i) => i % 5 === 0 && p.values.sanctuary_status === STATUS[0])
        .map((p) => p.slug)
        .sort(),
    );
  });

  it("combines filters (all must hold)", async () => {
    const found = (await walk({ ice_detainers: "declines", sanctuary_status: "yes" })).flat();
    const expected = places.filter(
      (p) => p.values.ice_detainers === "declines" && p.values.sanctuary_status === "yes",
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(slugs(found).sort()).toEqual(expected.map((p) => p.slug).sort());
  });

  it("filters by badge as the badge is shown (the SQL agrees with policyBadge)", async () => {
    let seen = 0;
    for (const badge of ["sanctuary", "limited", "none", "unknown"] as PolicyBadge[]) {
      const found = (await walk({ policy: badge })).flat();
      expect(found.every((c) => c.badge === badge)).toBe(true);
      const expected = places.filter(
        (p) => policyBadge(p.values.sanctuary_status, p.values.ice_detainers) === badge,
      );
      expect(slugs(found).sort(), badge).toEqual(expected.map((p) => p.slug).sort());
      seen += found.length;
    }
    expect(seen).toBe(30);
  });
});

describe("listCityPage orders", () => {
  const byName = (a: TestPlace, b: TestPlace) =>
    a.name === b.name ? a.id - b.id : a.name < b.name ? -1 : 1;
  const cases: [string, (a: TestPlace, b: TestPlace) => number][] = [
    ["name", byName],
    ["state", byName],
    ["population", (a, b) => b.population - a.population || byName(a, b)],
    ["followers", (a, b) => followers.get(b.slug)! - followers.get(a.slug)! || byName(a, b)],
    [
      "recent",
      (a, b) => {
        const x = changed.get(a.slug) ?? "";
        const y = changed.get(b.slug) ?? "";
        return x === y ? byName(a, b) : x < y ? 1 : -1;
      },
    ],
  ];

  it.each(cases)("sort=%s walks every place once, in order", async (sort, compare) => {
    const walked = (await walk({ sort })).flat();
    expect(slugs(walked)).toEqual([...places].sort(compare).map((p) => p.slug));
    for (const c of walked) {
      expect(c.followers).toBe(followers.get(c.slug));
      expect(c.changedAt).toBe(changed.get(c.slug) ?? null);
    }
  });

  it.each(cases)("sort=%s: Previous page goes back through the same pages", async (sort) => {
    const forward = await walk({ sort });
    let p = await page({ sort, after: (await page({ sort })).next! });
    p = await page({ sort, after: p.next! });
    const backward = [p.cities];
    while (p.prev) {
      p = await page({ sort, before: p.prev });
      backward.unshift(p.cities);
    }
    expect(backward.map(slugs)).toEqual(forward.map(slugs));
    expect(p.next).not.toBeNull();
  });
});

describe("listCityPage pagination", () => {
  it("a place added between pages: every other place once, the new one only if it is still ahead", async () => {
    const first = await page({});
    const before = await addTestPlace("Place 00", 1); // sorts before the cursor: not shown
    const ahead = await addTestPlace("Place 99", 1); // sorts after it: shown on a later page
    try {
      const rest = (await walk({ after: first.next! } as Query)).flat();
      const seen = [...slugs(first.cities), ...slugs(rest)];
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toContain(ahead.slug);
      expect(seen).not.toContain(before.slug);
      expect(seen.filter((s) => s !== ahead.slug).sort()).toEqual(places.map((p) => p.slug).sort());
    } finally {
      const db = await getDb();
      const { jurisdictions } = await import("@/db/schema");
      await db.delete(jurisdictions).where(inArray(jurisdictions.id, [before.id, ahead.id]));
    }
  });

  it("refuses a cursor it did not write, or another order's, instead of failing", async () => {
    const next = (await page({})).next!;
    const bad = [
      "bm90LWpzb24",
      encodeCursor("name", ["x"]),
      encodeCursor("population", ["Place 01", "1"]),
      encodeCursor("name", ["Place\u000001", "1"]),
      encodeCursor("name", ["Place 01", "99999999999"]),
      encodeCursor("recent", ["2030-01-01", "Place 01", "1"]),
    ];
    for (const cursor of bad) {
      expect(await listCityPage(filterOf({ after: cursor }))).toEqual({
        ok: false,
        code: "bad_cursor",
      });
    }
    expect(await listCityPage(filterOf({ sort: "population", after: next }))).toEqual({
      ok: false,
      code: "bad_cursor",
    });
  });
});

describe("follower counts and last changes (triggers)", () => {
  it("follows in and out move the count; the stats row goes with its place", async () => {
    const db = await getDb();
    const place = places[3]!;
    const count = async () =>
      (
        await db
          .select({ n: jurisdictionStats.followerCount })
          .from(jurisdictionStats)
          .where(eq(jurisdictionStats.jurisdictionId, place.id))
      )[0]?.n;
    expect(await count()).toBe(3);
    const someone = await createTestUser();
    await db.insert(follows).values({ userId: someone.id, jurisdictionId: place.id });
    expect(await count()).toBe(4);
    await db.delete(follows).where(eq(follows.userId, someone.id));
    expect(await count()).toBe(3);
  });

  it("the home page's lists: most followed and recently changed, in order", async () => {
    const most = await listMostFollowed(10_000);
    const mine = most.filter((c) => followers.has(c.slug));
    expect(mine.map((c) => [c.slug, c.followers])).toEqual(
      places
        .filter((p) => followers.get(p.slug)! > 0)
        .sort((a, b) => followers.get(b.slug)! - followers.get(a.slug)! || a.id - b.id)
        .map((p) => [p.slug, followers.get(p.slug)]),
    );
    expect(
      most.every((c, i) => c.followers > 0 && (i === 0 || most[i - 1]!.followers >= c.followers)),
    ).toBe(true);
    const recent = (await listRecentlyChanged(10_000)).filter((c) => followers.has(c.slug));
    expect(recent.map((c) => [c.slug, c.changedAt])).toEqual(
      [...changed.entries()].sort((a, b) => (a[1] < b[1] ? 1 : -1)),
    );
    expect((await listMostFollowed()).length).toBeLessThanOrEqual(8);
  });
});
