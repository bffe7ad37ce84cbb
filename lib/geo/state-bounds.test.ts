import { describe, expect, it } from "vitest";
import { SEED_JURISDICTIONS } from "@/db/seed/jurisdictions";
import { US_STATES } from "@/lib/us-states";
import { isInsideState } from "./state-bounds";

describe("isInsideState", () => {
  it("puts Santa Fe in New Mexico and not in Texas", () => {
    expect(isInsideState("NM", 35.687, -105.938)).toBe(true);
    expect(isInsideState("nm", 35.687, -105.938)).toBe(true);
    expect(isInsideState("TX", 35.687, -105.938)).toBe(false);
    expect(isInsideState("AK", 35.687, -105.938)).toBe(false);
  });

  it("knows Alaska's Aleutians, west of the 180th meridian", () => {
    expect(isInsideState("AK", 52.84, 173.18)).toBe(true); // Attu Station
  });

  it.each(SEED_JURISDICTIONS.map((j) => [j.slug, j.state, j.latitude, j.longitude] as const))(
    "puts the seeded %s inside %s",
    (_slug, state, latitude, longitude) => {
      expect(isInsideState(state, latitude, longitude)).toBe(true);
    },
  );

  it("knows the territories Albers USA leaves off the map", () => {
    expect(isInsideState("PR", 18.4655, -66.1057)).toBe(true); // San Juan
    expect(isInsideState("GU", 13.4757, 144.7489)).toBe(true); // Hagåtña
    expect(isInsideState("PR", 40.7128, -74.006)).toBe(false);
  });

  it("puts a point in the Atlantic in no state at all", () => {
    expect(US_STATES.filter((s) => isInsideState(s.code, 35, -50))).toEqual([]);
  });

  it("refuses unknown states and impossible coordinates", () => {
    expect(isInsideState("ZZ", 35.687, -105.938)).toBe(false);
    expect(isInsideState("", 35.687, -105.938)).toBe(false);
    expect(isInsideState("NM", Number.NaN, -105.938)).toBe(false);
    expect(isInsideState("NM", 95, -105.938)).toBe(false);
    expect(isInsideState("NM", 35.687, Number.POSITIVE_INFINITY)).toBe(false);
  });
});
