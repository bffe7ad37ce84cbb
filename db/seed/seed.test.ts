import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { articleQuotes, articles, jurisdictions, policyFacts } from "@/db/schema";
import { seedDatabase } from "./index";

describe("seedDatabase", () => {
  it("is idempotent: seeding again adds nothing and keeps edited values", async () => {
    const db = await getDb();
    const countAll = async () => ({
      articles: (await db.select({ n: count() }).from(articles))[0]!.n,
      quotes: (await db.select({ n: count() }).from(articleQuotes))[0]!.n,
      jurisdictions: (await db.select({ n: count() }).from(jurisdictions))[0]!.n,
      facts: (await db.select({ n: count() }).from(policyFacts))[0]!.n,
    });
    const before = await countAll();
    expect(before.articles).toBeGreaterThanOrEqual(1);
    expect(before.jurisdictions).toBeGreaterThanOrEqual(15);

    await seedDatabase(db);
    await seedDatabase(db);
    expect(await countAll()).toEqual(before);
  });
});
