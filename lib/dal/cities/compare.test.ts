import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { POLICY_FIELD_KEYS } from "@/lib/policy-fields";
import { getComparison } from "./compare";
import { getJurisdiction } from "./jurisdictions";

// Opening (migrating and seeding) the database takes a while on a busy machine.
beforeAll(() => getDb().then(() => undefined));

describe("getComparison", () => {
  it("gives each place's profile in the order asked, every field with its source and date", async () => {
    const { places, unknown } = await getComparison(["denver-co", "boston-ma", "chicago-il"]);
    expect(unknown).toEqual([]);
    expect(places.map((p) => p.slug)).toEqual(["denver-co", "boston-ma", "chicago-il"]);
    for (const place of places) {
      const profile = (await getJurisdiction(place.slug))!;
      expect(place).toMatchObject({
        name: profile.name,
        leaderName: profile.leaderName,
        population: profile.population,
        badge: profile.badge,
      });
      expect(place.facts.map((f) => f?.field)).toEqual(POLICY_FIELD_KEYS);
      expect(place.facts).toEqual(
        POLICY_FIELD_KEYS.map((k) => profile.facts.find((f) => f.field === k)),
      );
      expect(place.facts.every((f) => f && f.sourceUrl.startsWith("http"))).toBe(true);
    }
  });

  it("names the slugs it has no place for, including ones that cannot be slugs", async () => {
    const { places, unknown } = await getComparison(["boston-ma", "atlantis-xx", "<b>x</b>"]);
    expect(places.map((p) => p.slug)).toEqual(["boston-ma"]);
    expect(unknown).toEqual(["atlantis-xx", "<b>x</b>"]);
    expect(await getComparison([])).toEqual({ places: [], unknown: [] });
  });
});
