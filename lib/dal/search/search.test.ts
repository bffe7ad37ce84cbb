import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { jurisdictions, policyUpdates } from "@/db/schema";
import { HOSTILE } from "@/test/hostile";
import { cityIdOf, insertUpdates } from "@/test/updates";
import { createTestUser, unique } from "@/test/users";
import { searchSchema } from "@/lib/validation/search";
import { searchSite, UPDATE_CANDIDATES, type SearchHit } from "./search";

/** A word no seeded text holds: letters only, so every parser reads it as one word. */
const word = () => "zq" + unique().replace(/\d/g, (d) => "abcdefghij"[Number(d)]!);
const marked = (pieces: SearchHit["title"]) => pieces.filter((p) => p.marked).map((p) => p.text);
const plain = (pieces: SearchHit["title"]) => pieces.map((p) => p.text).join("");

const placeSlugs: string[] = [];
async function insertPlace(
  name: string,
  state: string,
  stateName: string,
  leaderName = "Alex Test",
) {
  const slug = `test-city-${unique()}`;
  placeSlugs.push(slug);
  const db = await getDb();
  await db.insert(jurisdictions).values({
    slug,
    name,
    kind: "city",
    state,
    stateName,
    population: 1000,
    populationYear: 2020,
    populationSourceUrl: "https://example.gov/census",
    leaderTitle: "Mayor",
    leaderName,
    summary: "A place for search tests.",
    articleMention: "",
  });
  return slug;
}

/** Every hit for a query, walking the pages `size` at a time. */
async function walk(query: string, size: number): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await searchSite(query, cursor, { pageSize: size });
    keys.push(...page.hits.map((h) => h.key));
    if (!page.nextCursor) return keys;
    cursor = page.nextCursor;
  }
  throw new Error("the pages never end");
}

let author: number;
let boston: number;
beforeAll(async () => {
  author = (await createTestUser()).id;
  boston = await cityIdOf("boston-ma");
});
afterAll(async () => {
  if (placeSlugs.length === 0) return;
  const db = await getDb();
  await db.delete(jurisdictions).where(inArray(jurisdictions.slug, placeSlugs));
});

describe("searchSite: what it finds", () => {
  it("finds a place by name, its mayor and the matching words marked", async () => {
    // (on a shared Postgres database other files' places may be named after Boston too)
    const first = (await searchSite("boston")).hits.find((h) => h.href === "/cities/boston-ma");
    expect(first).toMatchObject({ kind: "place", href: "/cities/boston-ma", placeKind: "city" });
    expect(first!.state).toEqual({ code: "MA", name: "Massachusetts" });
    expect(marked(first!.title)).toEqual(["Boston"]);

    // By its leader: a place of this file's own, as other files change Boston's mayor.
    const leader = word();
    const slug = await insertPlace("Leaderville", "VT", "Vermont", `Pat ${leader}`);
    const byMayor = (await searchSite(leader)).hits.find((h) => h.href === `/cities/${slug}`);
    expect(byMayor?.href).toBe(`/cities/${slug}`);
    expect(marked(byMayor!.snippet)).toEqual([leader]);
  });

  it("finds the article and its quotes, linking to the quote", async () => {
    const hits = (await searchSite("sanctuary")).hits;
    const article = hits.find((h) => h.kind === "article");
    expect(article?.href).toBe("/articles/us-sanctuary-cities");
    expect(article?.date).toBe("2017-04-24");
    expect(marked(article!.snippet).map((w) => w.toLowerCase())).toContain("sanctuary");
    expect(plain(article!.snippet)).not.toMatch(/\]\(|\*\*/);

    const quote = (await searchSite("Emanuel")).hits.find((h) => h.kind === "quote");
    expect(quote?.href).toMatch(/^\/articles\/us-sanctuary-cities#quote-\d+$/);
    expect(marked(quote!.title)).toEqual(["Emanuel"]);
  });

  it("ranks a place named by the query above updates that mention it", async () => {
    const w = word();
    const cap = w[0]!.toUpperCase() + w.slice(1);
    const slug = await insertPlace(cap, "VT", "Vermont");
    const [inSummary, inTitle] = await insertUpdates([
      {
        jurisdictionId: boston,
        authorId: author,
        title: "Council minutes",
        summary: `The ${cap} council met; ${cap} agreed.`,
        status: "approved",
        decidedAt: new Date(),
      },
      {
        jurisdictionId: boston,
        authorId: author,
        title: `${cap} adopts a detainer rule`,
        summary: "The council voted.",
        status: "approved",
        decidedAt: new Date(),
      },
    ]);
    const hits = (await searchSite(w)).hits;
    expect(hits.map((h) => h.href)).toEqual([
      `/cities/${slug}`,
      `/updates/${inTitle}`,
      `/updates/${inSummary}`,
    ]);
    expect(hits[1]).toMatchObject({ kind: "update", context: "Boston", state: { code: "MA" } });
    expect(hits[1]!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(marked(hits[2]!.snippet)).toEqual([cap, cap]);
  });
});

describe("searchSite: accents and case", () => {
  it('finds the seeded "San Jose" with "san josé"', async () => {
    const hit = (await searchSite("SAN JOSÉ")).hits[0];
    expect(hit?.href).toBe("/cities/san-jose-ca");
    expect(marked(hit!.title)).toEqual(["San", "Jose"]);
  });

  it('finds a place named "San José" with "san jose", marking the accented word', async () => {
    const slug = await insertPlace("San José", "CR", "Costa Rica");
    const hit = (await searchSite("san jose")).hits.find((h) => h.href === `/cities/${slug}`);
    expect(hit).toBeDefined();
    expect(marked(hit!.title)).toEqual(["San", "José"]);
  });
});

describe("searchSite: states", () => {
  it("finds a state's places by its code or name, even words English search drops", async () => {
    const w = word();
    const slug = await insertPlace(`Port ${w}`, "OR", "Oregon");
    for (const q of ["or", "OR", "Oregon", "oregón"]) {
      const hrefs = (await searchSite(q)).hits.map((h) => h.href);
      expect(hrefs, q).toContain(`/cities/${slug}`);
    }
    const colorado = (await searchSite("co")).hits.slice(0, 2).map((h) => h.href);
    expect(colorado.sort()).toEqual(["/cities/boulder-co", "/cities/denver-co"]);
    const ca = (await searchSite("California")).hits.slice(0, 4).map((h) => h.href);
    expect(ca.sort()).toEqual([
      "/cities/los-angeles-ca",
      "/cities/oakland-ca",
      "/cities/san-francisco-ca",
      "/cities/san-jose-ca",
    ]);
  });
});

describe("searchSite: hidden content", () => {
  it("finds only approved updates, never pending, rejected, withdrawn or hidden ones", async () => {
    const w = word();
    const statuses = ["pending", "rejected", "withdrawn", "hidden", "approved"] as const;
    const ids = await insertUpdates(
      statuses.map((status) => ({
        jurisdictionId: boston,
        authorId: author,
        title: `${w} ${status}`,
        summary: `Mentions ${w} while ${status}.`,
        status,
        decidedAt: status === "pending" ? null : new Date(),
      })),
    );
    const approved = ids[4]!;
    expect((await walk(w, 20)).sort()).toEqual([`update-${approved}`]);

    const db = await getDb();
    await db.update(policyUpdates).set({ status: "hidden" }).where(eq(policyUpdates.id, approved));
    expect(await walk(w, 20)).toEqual([]);
  });
});

describe("searchSite: pagination", () => {
  it("walks every match exactly once, in the order of one big page, whatever is added meanwhile", async () => {
    const w = word();
    // 45 matches with 5 distinct ranks (ties broken by id), plus a place.
    await insertPlace(w, "VT", "Vermont");
    const ids = await insertUpdates(
      Array.from({ length: 45 }, (_, i) => ({
        jurisdictionId: boston,
        authorId: author,
        title: `Rule ${i} of ${i % 2 ? w : "the council"}`,
        summary: `${`${w} `.repeat(1 + (i % 3))}is on the agenda.`,
        status: "approved" as const,
        decidedAt: new Date(),
      })),
    );
    const all = (await searchSite(w, undefined, { pageSize: 100 })).hits.map((h) => h.key);
    expect(all).toHaveLength(46);
    expect(new Set(all).size).toBe(46);
    expect(await walk(w, 7)).toEqual(all);
    expect(await walk(w, 20)).toEqual(all);

    // A better match arriving between pages does not shift the pages still to come.
    const first = await searchSite(w, undefined, { pageSize: 10 });
    await insertUpdates([
      {
        jurisdictionId: boston,
        authorId: author,
        title: `${w} ${w} ${w}`,
        summary: `${w} ${w}`,
        status: "approved",
        decidedAt: new Date(),
      },
    ]);
    const keys = first.hits.map((h) => h.key);
    let cursor = first.nextCursor ?? undefined;
    while (cursor) {
      const page = await searchSite(w, cursor, { pageSize: 10 });
      keys.push(...page.hits.map((h) => h.key));
      cursor = page.nextCursor ?? undefined;
    }
    expect(keys).toEqual(all);
    expect(ids).toHaveLength(45);
  });

  it("takes a forged or broken cursor for the first page", async () => {
    const first = (await searchSite("boston")).hits.map((h) => h.key);
    for (const cursor of ["", "x", "%%%", "MV8xXzE", "a".repeat(500), "LTFlOTk5XzFfMQ"]) {
      const page = await searchSite("boston", cursor);
      expect(Array.isArray(page.hits), cursor).toBe(true);
    }
    expect((await searchSite("boston", "garbage")).hits.map((h) => h.key)).toEqual(first);
  });
});

describe("searchSite: hostile queries", () => {
  it("answers every hostile query with results or a validation message, never an exception", async () => {
    const queries = [
      ...HOSTILE,
      '"',
      '"boston',
      "-",
      "-boston",
      "or",
      "OR OR OR",
      "!",
      "&|:*()",
      "!!boston & | <-> :* ()",
      "a".repeat(10_240),
      "boston\u0000",
      "\u0000",
      "東京 Zürich 🐉 مرحبا",
      "\\",
      "'",
      "' or 1=1 --",
    ];
    for (const raw of queries) {
      const parsed = searchSchema.safeParse({ q: raw });
      if (!parsed.success) {
        expect(parsed.error.issues[0]?.message, raw.slice(0, 20)).toBe(
          "Use at most 200 characters in a search.",
        );
        continue;
      }
      if (!parsed.data.q) continue;
      const page = await searchSite(parsed.data.q);
      expect(Array.isArray(page.hits), raw.slice(0, 20)).toBe(true);
    }
  });

  it("still finds what a hostile query names", async () => {
    for (const raw of ['"boston', "boston\u0000", "-nothing boston", "boston!", "(boston)"]) {
      const { q } = searchSchema.parse({ q: raw });
      expect((await searchSite(q)).hits[0]?.href, raw).toBe("/cities/boston-ma");
    }
  });
});

describe("searchSite: a query matching more updates than it ranks", () => {
  it("ranks the newest UPDATE_CANDIDATES, each once, and says there are more", async () => {
    const w = word();
    const start = Date.UTC(2020, 0, 1);
    const ids = await insertUpdates(
      Array.from({ length: UPDATE_CANDIDATES + 1 }, (_, i) => ({
        jurisdictionId: boston,
        authorId: author,
        title: `Capped ${i}`,
        summary: `${w} rule ${i}.`,
        status: "approved" as const,
        decidedAt: new Date(start + i * 60_000),
      })),
    );
    const first = await searchSite(w);
    expect(first.updatesCapped).toBe(true);
    const keys = await walk(w, 100);
    expect(keys).toHaveLength(UPDATE_CANDIDATES);
    expect(new Set(keys).size).toBe(UPDATE_CANDIDATES);
    // the oldest is the one left out
    expect(keys).not.toContain(`update-${ids[0]}`);
    expect(keys).toContain(`update-${ids[1]}`);

    const few = await searchSite(`${w} "rule 7"`);
    expect(few.updatesCapped).toBe(false);
  });
});
