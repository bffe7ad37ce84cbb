// Places of a test's own for the city list's tests: in one state no other test
// file uses (Wyoming), with chosen names, populations and policy values, so each
// filter and order has a known answer on a shared Postgres database too.
import { and, eq, like } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jurisdictions, policyFacts } from "@/db/schema";
import { SEED_JURISDICTIONS } from "@/db/seed/jurisdictions";
import { POLICY_FIELD_KEYS } from "@/lib/policy-fields";

export const TEST_STATE = "WY";

export type TestPlace = {
  id: number;
  slug: string;
  name: string;
  population: number;
  values: Record<string, string>;
};

/** Removes every place earlier runs of these tests left behind. */
export async function removeTestPlaces(): Promise<void> {
  const db = await getDb();
  await db
    .delete(jurisdictions)
    .where(and(eq(jurisdictions.state, TEST_STATE), like(jurisdictions.slug, "browse-%")));
}

/** Adds a place in the test state; `values` override Boston's policy values field by field. */
export async function addTestPlace(
  name: string,
  population: number,
  values: Record<string, string> = {},
): Promise<TestPlace> {
  const db = await getDb();
  const seed = SEED_JURISDICTIONS.find((j) => j.slug === "boston-ma")!;
  const { facts, ...row } = seed;
  const slug = `browse-${name.toLowerCase().replaceAll(/[^a-z0-9]+/g, "-")}-${Math.random().toString(36).slice(2, 8)}`;
  const [city] = await db
    .insert(jurisdictions)
    .values({ ...row, slug, name, population, state: TEST_STATE, stateName: "Wyoming" })
    .returning({ id: jurisdictions.id });
  const all: Record<string, string> = {};
  await db.insert(policyFacts).values(
    POLICY_FIELD_KEYS.map((field) => {
      const value = values[field] ?? facts[field].value;
      all[field] = value;
      return { jurisdictionId: city!.id, field, ...facts[field], value };
    }),
  );
  return { id: city!.id, slug, name, population, values: all };
}
