import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { decideSubmission } from "@/lib/dal/moderation/decisions";
import { cityRow, createTestCity } from "@/test/edits";
import { asRead, parseAtom, readable, text, type ParsedFeed } from "@/test/follows";
import { HOSTILE } from "@/test/hostile";
import { insertUpdates } from "@/test/updates";
import { actAs, createTestUser, unique, type TestUser } from "@/test/users";
import { GET } from "./route";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
// A data cache that keeps what it read until a tag of it is revalidated, as
// Next's does: the feed must show an approval because the approval expires
// the city's cached reads, not because nothing was cached.
vi.mock("next/cache", () => {
  const store = new Map<string, { tags: string[]; value: Promise<unknown> }>();
  return {
    revalidateTag: vi.fn((tag: string) => {
      for (const [key, entry] of store) if (entry.tags.includes(tag)) store.delete(key);
    }),
    unstable_cache:
      (fn: () => Promise<unknown>, keyParts: string[], options: { tags?: string[] }) => () => {
        const key = JSON.stringify(keyParts);
        const hit = store.get(key);
        if (hit) return hit.value;
        const value = fn();
        store.set(key, { tags: options.tags ?? [], value });
        return value;
      },
  };
});

// Not 127.0.0.1: NextURL reports local addresses as "localhost".
const ORIGIN = "https://citywatch.test";
const ARTICLE_DATE = "2017-04-24T00:00:00.000Z";

let mod: TestUser;
let author: TestUser;
beforeAll(async () => {
  mod = await createTestUser({ role: "moderator" });
  author = await createTestUser({ name: `Feed Author ${unique()}` });
});
afterEach(() => vi.unstubAllEnvs());

/** GETs a city's feed as the route handler would be called. */
function getFeed(slug: string) {
  vi.stubEnv("NEXTAUTH_URL", "");
  // the handler reads the slug from params; a lone surrogate cannot go into a URL
  const path = /^[a-z0-9-]+$/.test(slug) ? slug : "hostile";
  return GET(new NextRequest(`${ORIGIN}/cities/${path}/feed.xml`), {
    params: Promise.resolve({ slug }),
  });
}

async function feedOf(slug: string): Promise<ParsedFeed> {
  const response = await getFeed(slug);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  return parseAtom(await response.text());
}

const entryIds = (feed: ParsedFeed) => (feed.entry ?? []).map((e) => text(e.id));

describe("GET /cities/[slug]/feed.xml", () => {
  it("answers 404 in plain text for a city that does not exist", async () => {
    const response = await getFeed(`no-such-city-${unique()}`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe("There is no such city.");
  });

  it.each(
    [...HOSTILE, "BOSTON-MA", "boston-ma/", "../boston-ma", "boston-ma\n", "a".repeat(81)].map(
      (s) => [JSON.stringify(s).slice(0, 40), s],
    ),
  )("answers 404 for the hostile slug %s", async (_, slug) => {
    const response = await getFeed(slug);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("There is no such city.");
  });

  it("for a city with no updates: a feed about the city, dated from the article, no entries", async () => {
    const city = await createTestCity();
    const row = await cityRow(city.id);
    const feed = await feedOf(city.slug);
    const page = `${ORIGIN}/cities/${city.slug}`;
    expect(text(feed.id)).toBe(page);
    expect(text(feed.title)).toBe(`CityWatch: policy updates in ${row.name}, ${row.stateName}`);
    expect(text(feed.updated)).toBe(ARTICLE_DATE);
    expect(feed.link).toContainEqual({
      "@_rel": "self",
      "@_type": "application/atom+xml",
      "@_href": `${page}/feed.xml`,
    });
    expect(feed.link).toContainEqual({
      "@_rel": "alternate",
      "@_type": "text/html",
      "@_href": page,
    });
    expect(feed.entry).toBeUndefined();
  });

  it("holds an update only once a moderator approves it", async () => {
    const city = await createTestCity();
    const tag = unique();
    const [pending, rejected] = await insertUpdates([
      {
        jurisdictionId: city.id,
        authorId: author.id,
        title: `Detainer ordinance ${tag}`,
        summary: `The council limited detainers ${tag}.`,
      },
      {
        jurisdictionId: city.id,
        authorId: author.id,
        title: `Rejected ${tag}`,
        status: "rejected",
        decidedById: mod.id,
        decidedAt: new Date(),
      },
    ]);
    const before = await feedOf(city.slug);
    expect(entryIds(before)).toEqual([]);
    expect(text(before.updated)).toBe(ARTICLE_DATE);
    // The cache double works: a row written past the app (no invalidation) is not seen yet.
    const [sneaked] = await insertUpdates([
      {
        jurisdictionId: city.id,
        authorId: author.id,
        title: `Sneaked ${tag}`,
        status: "approved",
        decidedById: mod.id,
        decidedAt: new Date(Date.UTC(2019, 0, 1)),
      },
    ]);
    expect(entryIds(await feedOf(city.slug))).toEqual([]);

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

    const after = await feedOf(city.slug);
    // approving expired the city's cached reads: the new update leads, the older one follows
    expect(entryIds(after)).toEqual([
      `${ORIGIN}/updates/${pending}`,
      `${ORIGIN}/updates/${sneaked}`,
    ]);
    expect(entryIds(after)).not.toContain(`${ORIGIN}/updates/${rejected}`);
    const e = after.entry![0]!;
    expect(text(e.title)).toBe(`Detainer ordinance ${tag}`);
    expect(text(e.summary)).toBe(`The council limited detainers ${tag}.`);
    expect(text(e.author.name)).toBe(author.name);
    expect(e.link).toEqual([{ "@_rel": "alternate", "@_href": `${ORIGIN}/updates/${pending}` }]);
    const published = text(e.updated);
    expect(Date.now() - Date.parse(published)).toBeLessThan(10 * 60_000);
    expect(text(e.published)).toBe(published);
    expect(text(after.updated)).toBe(published);
  });

  it("lists the newest approved updates first, no other city's", async () => {
    const [city, other] = [await createTestCity(), await createTestCity()];
    const tag = unique();
    const at = (n: number) => new Date(Date.UTC(2021, 0, 1) + n * 3_600_000);
    const ids = await insertUpdates(
      [3, 1, 4, 0, 2].map((n) => ({
        jurisdictionId: city.id,
        authorId: author.id,
        title: `Ordered ${tag} ${n}`,
        status: "approved" as const,
        decidedById: mod.id,
        decidedAt: at(n),
      })),
    );
    const [elsewhere] = await insertUpdates([
      {
        jurisdictionId: other.id,
        authorId: author.id,
        title: `Elsewhere ${tag}`,
        status: "approved",
        decidedById: mod.id,
        decidedAt: at(9),
      },
    ]);
    const feed = await feedOf(city.slug);
    // newest first: 4, 3, 2, 1, 0
    const byTime = [2, 0, 4, 1, 3].map((k) => `${ORIGIN}/updates/${ids[k]}`);
    expect(entryIds(feed)).toEqual(byTime);
    expect(entryIds(feed)).not.toContain(`${ORIGIN}/updates/${elsewhere}`);
    expect(feed.entry!.map((e) => text(e.updated))).toEqual(
      [4, 3, 2, 1, 0].map((n) => at(n).toISOString()),
    );
    expect(text(feed.updated)).toBe(at(4).toISOString());
  });

  it("escapes hostile titles, summaries and author names, and still parses", async () => {
    const city = await createTestCity();
    const tag = unique();
    const hostileAuthor = await createTestUser({ name: `<b>Mallory</b> & "co" ${tag}` });
    // Straight into the database, past the submit form's checks, as an old row might be.
    // (Postgres text holds no NUL, so the control characters start at U+0001.)
    const title = `</title><script>alert(1)</script> & &amp; \u0001\u0008\u000b\u001f ${tag}`;
    const summary = `</summary></entry><entry><title>forged</title> ]]> <!-- x --> \uffff ${tag}`;
    const [id] = await insertUpdates([
      {
        jurisdictionId: city.id,
        authorId: hostileAuthor.id,
        title,
        summary,
        status: "approved",
        decidedById: mod.id,
        decidedAt: new Date(),
      },
    ]);
    const response = await getFeed(city.slug);
    const xml = await response.text();
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("<title>forged</title>");
    const feed = parseAtom(xml);
    expect(entryIds(feed)).toEqual([`${ORIGIN}/updates/${id}`]);
    const e = feed.entry![0]!;
    expect(asRead(text(e.title))).toBe(readable(title));
    expect(asRead(text(e.summary))).toBe(readable(summary));
    expect(text(e.author.name)).toBe(hostileAuthor.name);
  });

  it("links to NEXTAUTH_URL (without its trailing slash) when it is set", async () => {
    const city = await createTestCity();
    const [id] = await insertUpdates([
      {
        jurisdictionId: city.id,
        authorId: author.id,
        title: `Linked ${unique()}`,
        status: "approved",
        decidedById: mod.id,
        decidedAt: new Date(),
      },
    ]);
    vi.stubEnv("NEXTAUTH_URL", "https://citywatch.example/");
    const response = await GET(new NextRequest(`${ORIGIN}/cities/${city.slug}/feed.xml`), {
      params: Promise.resolve({ slug: city.slug }),
    });
    const feed = parseAtom(await response.text());
    const page = `https://citywatch.example/cities/${city.slug}`;
    expect(text(feed.id)).toBe(page);
    expect(feed.link.map((l) => l["@_href"])).toEqual([`${page}/feed.xml`, page]);
    expect(entryIds(feed)).toEqual([`https://citywatch.example/updates/${id}`]);
  });
});
