import { describe, expect, it } from "vitest";
import { POLICY_FIELD_KEYS } from "@/lib/policy-fields";
import { getJurisdiction, listJurisdictions, listStates } from "./jurisdictions";

const SLUGS = [
  "new-york-ny",
  "chicago-il",
  "los-angeles-ca",
  "washington-dc",
  "boston-ma",
  "seattle-wa",
  "baltimore-md",
  "denver-co",
  "boulder-co",
  "san-francisco-ca",
  "oakland-ca",
  "san-jose-ca",
  "new-orleans-la",
  "philadelphia-pa",
  "milwaukee-county-wi",
];

describe("listJurisdictions", () => {
  it("lists the 15 places of the article", async () => {
    // On Postgres, test files that need places of their own add them (test/edits.ts, the
    // browse and proposal tests): the seeded fifteen are all there, each once.
    const all = await listJurisdictions();
    const seeded = all.filter((c) => (SLUGS as readonly string[]).includes(c.slug));
    expect(seeded.map((c) => c.slug).sort()).toEqual([...SLUGS].sort());
    const milwaukee = all.find((c) => c.slug === "milwaukee-county-wi")!;
    expect(milwaukee).toMatchObject({
      kind: "county",
      state: "WI",
      leaderTitle: "County Executive",
    });
  });

  it("gives each place's coordinates (for the map and the JSON API)", async () => {
    const boston = (await listJurisdictions({ state: "MA" })).find((c) => c.slug === "boston-ma");
    expect(boston).toMatchObject({ latitude: 42.3601, longitude: -71.0589 });
    expect((await getJurisdiction("boston-ma"))!).toMatchObject({
      latitude: 42.3601,
      longitude: -71.0589,
    });
  });

  it("filters by state", async () => {
    const ca = await listJurisdictions({ state: "CA" });
    expect(ca.map((c) => c.slug).sort()).toEqual([
      "los-angeles-ca",
      "oakland-ca",
      "san-francisco-ca",
      "san-jose-ca",
    ]);
    expect(await listJurisdictions({ state: "TX" })).toEqual([]);
  });

  it("filters by policy badge, and the filters partition the list", async () => {
    const all = await listJurisdictions();
    const badges = ["sanctuary", "limited", "none", "unknown"] as const;
    let total = 0;
    for (const badge of badges) {
      const some = await listJurisdictions({ badge });
      expect(some.every((c) => c.badge === badge)).toBe(true);
      total += some.length;
    }
    expect(total).toBe(all.length);
    expect((await listJurisdictions({ badge: "sanctuary" })).length).toBeGreaterThan(0);
  });

  it("lists each state once, for the filter", async () => {
    const states = await listStates();
    expect(states.map((s) => s.code)).toContain("CA");
    expect(new Set(states.map((s) => s.code)).size).toBe(states.length);
  });
});

describe("getJurisdiction", () => {
  it.each(SLUGS)("%s has a complete, sourced profile", async (slug) => {
    const city = await getJurisdiction(slug);
    expect(city).not.toBeNull();
    expect(city!.slug).toBe(slug);
    expect(city!.population).toBeGreaterThan(50_000);
    expect(city!.summary.length).toBeGreaterThan(40);
    expect(city!.facts.map((f) => f.field)).toEqual(POLICY_FIELD_KEYS);
    for (const fact of city!.facts) {
      expect(fact.sourceUrl).toMatch(/^https?:\/\//);
      expect(fact.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(fact.valueLabel.length).toBeGreaterThan(0);
    }
  });

  it("carries the article's quote for the city, including joint statements", async () => {
    const oakland = (await getJurisdiction("oakland-ca"))!;
    expect(oakland.leaderName).toBe("Libby Schaaf");
    expect(oakland.quotes).toHaveLength(1);
    expect(oakland.quotes[0]!.text).toContain("the Bay Area will stay true to our values");
    expect(oakland.quotes[0]!.speakerName).toBe("Libby Schaaf");
    const milwaukee = (await getJurisdiction("milwaukee-county-wi"))!;
    expect(milwaukee.quotes).toEqual([]);
    expect(milwaukee.articleMention).toMatch(/Dimitrijevic/);
  });

  it("returns null for unknown or hostile slugs", async () => {
    for (const slug of ["atlantis-xx", "", "'; drop table jurisdictions; --", "../etc/passwd"]) {
      expect(await getJurisdiction(slug)).toBeNull();
    }
    expect(await getJurisdiction("chicago-il")).not.toBeNull();
  });
});
