import { describe, expect, it } from "vitest";
import { isInsideState } from "../../lib/geo/state-bounds";
import { US_STATES } from "../../lib/us-states";
import { LOAD_STATES, loadPlace } from "./load-places";

describe("loadPlace", () => {
  it("covers the fifty states and DC", () => {
    const expected = US_STATES.filter((s) => Number(s.fips) <= 56).map((s) => s.code);
    expect([...LOAD_STATES].sort()).toEqual([...expected].sort());
    expect(LOAD_STATES).toHaveLength(51);
  });

  it("puts each of 1,000 cities inside its state, under a unique slug", () => {
    const places = Array.from({ length: 1000 }, (_, i) => loadPlace(i + 1));
    for (const p of places) {
      expect(isInsideState(p.state, p.latitude, p.longitude), p.slug).toBe(true);
      expect(p.slug).toBe(`load-city-${p.slug.split("-")[2]}-${p.state.toLowerCase()}`);
    }
    expect(new Set(places.map((p) => p.slug)).size).toBe(1000);
    expect(new Set(places.map((p) => p.state)).size).toBe(51);
    // Spread out, not all on the centre points.
    expect(new Set(places.map((p) => `${p.latitude},${p.longitude}`)).size).toBeGreaterThan(900);
  });

  it("is the same on every run", () => {
    expect(loadPlace(1)).toEqual(loadPlace(1));
    expect(loadPlace(1)).toMatchObject({
      slug: "load-city-1-al",
      state: "AL",
      stateName: "Alabama",
    });
  });
});
