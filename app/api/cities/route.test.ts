import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { decideSubmission } from "@/lib/dal/moderation/decisions";
import { cityResponseSchema, citiesResponseSchema } from "@/lib/open-data/schemas";
import { createTestCity } from "@/test/edits";
import { insertUpdates } from "@/test/updates";
import { actAs, createTestUser, unique, type TestUser } from "@/test/users";
import { GET as getCity } from "./[slug]/route";
import { GET as getList } from "./route";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
// A data cache that keeps what it read until a tag of it is revalidated, as
// Next's does: a 304 must stop once a write expired what the client holds.
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

const ORIGIN = "https://citywatch.test";
const list = (headers: Record<string, string> = {}, query = "") =>
  getList(new Request(`${ORIGIN}/api/cities${query}`, { headers }));
const city = (slug: string, headers: Record<string, string> = {}) =>
  getCity(new Request(`${ORIGIN}/api/cities/${slug}`, { headers }), {
    params: Promise.resolve({ slug }),
  });

let mod: TestUser;
let author: TestUser;
beforeAll(async () => {
  mod = await createTestUser({ role: "moderator" });
  author = await createTestUser();
});
afterEach(() => vi.useRealTimers());

describe("conditional GETs of the public JSON", () => {
  it("/api/cities: ETag and Last-Modified, 304 for a current copy, the usual Cache-Control", async () => {
    const first = await list();
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-cache");
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(Date.parse(lastModified)).toBeLessThanOrEqual(Date.now());
    // the answer is what the OpenAPI document says it is (strict: no field more or less)
    const body = citiesResponseSchema.parse(await first.json());
    expect(body.cities.map((c) => c.slug)).toContain("boston-ma");

    const again = await list({ "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("cache-control")).toBe("no-cache");
    expect((await list({ "if-modified-since": lastModified })).status).toBe(304);
    expect((await list({ "if-none-match": `"stale", ${etag}` })).status).toBe(304);
    expect((await list({ "if-none-match": '"stale"' })).status).toBe(200);
    // another filter is another document
    expect((await list({ "if-none-match": etag }, "?state=CA")).status).toBe(200);
  });

  it("/api/cities/<slug>: 304 until an approved update changes the profile, then 200 with it", async () => {
    const { slug, id } = await createTestCity();
    const first = await city(slug);
    expect(first.status).toBe(200);
    cityResponseSchema.parse(await first.clone().json());
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect((await city(slug, { "if-none-match": etag })).status).toBe(304);
    expect((await city(slug, { "if-modified-since": lastModified })).status).toBe(304);

    const title = `Conditional ${unique()}`;
    const [pending] = await insertUpdates([{ jurisdictionId: id, authorId: author.id, title }]);
    // a second later, so the new Last-Modified is a later HTTP date than the old
    vi.useFakeTimers({ now: Date.now() + 1_500, toFake: ["Date"] });
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

    const changed = await city(slug, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    const { city: profile } = cityResponseSchema.parse(await changed.json());
    expect(profile.updates.map((u) => u.title)).toEqual([title]);
    expect((await city(slug, { "if-modified-since": lastModified })).status).toBe(200);
  });

  it("a seeded city's whole profile, quotes included, is what the document says", async () => {
    const response = await city("denver-co");
    const { city: denver } = cityResponseSchema.parse(await response.json());
    expect(denver.facts).toHaveLength(7);
    expect(denver.quotes.length).toBeGreaterThan(0);
  });

  it("/api/cities/<slug>: no validators on the 404", async () => {
    const missing = await city(`no-such-city-${unique()}`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("etag")).toBeNull();
  });
});
