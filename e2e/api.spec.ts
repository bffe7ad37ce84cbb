import { expect, test } from "@playwright/test";
import { CITY_SLUGS } from "./cities-data";

test("health reports the database in use", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    status: "ok",
    database: process.env.DATABASE_URL ? "postgres" : "pglite",
  });
});

test("/api/cities lists every place, and filters", async ({ request }) => {
  const all = await (await request.get("/api/cities")).json();
  expect(all.cities.map((c: { slug: string }) => c.slug).sort()).toEqual([...CITY_SLUGS].sort());
  const ca = await (await request.get("/api/cities?state=CA")).json();
  expect(ca.cities).toHaveLength(4);
});

test("/api/cities/<slug> gives the profile, and 404 for an unknown slug", async ({ request }) => {
  const response = await request.get("/api/cities/denver-co");
  expect(response.status()).toBe(200);
  const { city } = await response.json();
  expect(city).toMatchObject({ slug: "denver-co", name: "Denver", state: "CO" });
  expect(city.facts).toHaveLength(7);
  expect(city.quotes[0].text).toContain("residents of the city of Denver");
  // no internal database ids of the place or its facts (update ids are public: /updates/<id>)
  expect(city).not.toHaveProperty("id");
  expect(city.facts[0]).not.toHaveProperty("jurisdictionId");
  expect(Array.isArray(city.updates)).toBe(true);

  const missing = await request.get("/api/cities/atlantis-xx");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error).toBe("not_found");
});
