import { count, eq, inArray, notLike } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { articleQuotes, articles, jurisdictions, policyFacts } from "@/db/schema";
import { seedDatabase } from "./index";
import { SEED_JURISDICTIONS } from "./jurisdictions";

describe("seedDatabase", () => {
  it("is idempotent: seeding again adds nothing and keeps edited values", async () => {
    const db = await getDb();
    const countAll = async () => ({
      articles: (await db.select({ n: count() }).from(articles))[0]!.n,
      quotes: (await db.select({ n: count() }).from(articleQuotes))[0]!.n,
      // (the seeded places only: on a shared Postgres database other test files add their own)
      jurisdictions: (
        await db
          .select({ n: count() })
          .from(jurisdictions)
          .where(notLike(jurisdictions.slug, "test-city-%"))
      )[0]!.n,
      facts: (
        await db
          .select({ n: count() })
          .from(policyFacts)
          .innerJoin(jurisdictions, eq(jurisdictions.id, policyFacts.jurisdictionId))
          .where(notLike(jurisdictions.slug, "test-city-%"))
      )[0]!.n,
    });
    const before = await countAll();
    expect(before.articles).toBeGreaterThanOrEqual(1);
    expect(before.jurisdictions).toBeGreaterThanOrEqual(15);

    await seedDatabase(db);
    await seedDatabase(db);
    expect(await countAll()).toEqual(before);
  });

  it("gives every seeded place its coordinates, also a place seeded before they existed", async () => {
    const db = await getDb();
    const slugs = SEED_JURISDICTIONS.map((j) => j.slug);
    // As drizzle/0021 leaves a database seeded earlier: no coordinates.
    await db
      .update(jurisdictions)
      .set({ latitude: null, longitude: null })
      .where(eq(jurisdictions.slug, "boulder-co"));
    await seedDatabase(db);
    const rows = await db
      .select({
        slug: jurisdictions.slug,
        lat: jurisdictions.latitude,
        lng: jurisdictions.longitude,
      })
      .from(jurisdictions)
      .where(inArray(jurisdictions.slug, slugs));
    expect(rows).toHaveLength(15);
    for (const row of rows) {
      const seed = SEED_JURISDICTIONS.find((j) => j.slug === row.slug)!;
      expect([row.slug, row.lat, row.lng]).toEqual([row.slug, seed.latitude, seed.longitude]);
    }
  });
});
