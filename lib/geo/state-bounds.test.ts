import { describe, expect, it } from "vitest";
import { SEED_JURISDICTIONS } from "@/db/seed/jurisdictions";
import { US_STATES } from "@/lib/us-states";
import { isInsideState } from "./state-bounds";

describe("isInsideState (interim bounding boxes)", () => {
  it("knows every state, DC and territory of the form's list", () => {
    // a point that is in no state's box (the middle of the Atlantic): each code answers, false
    for (const s of US_STATES) expect(isInsideState(s.code, 30, -40)).toBe(false);
    expect(isInsideState("ZZ", 35.687, -105.938)).toBe(false);
  });

  it("puts the seeded jurisdictions inside their own states", () => {
    for (const j of SEED_JURISDICTIONS) {
      expect(isInsideState(j.state, j.latitude, j.longitude), j.slug).toBe(true);
    }
  });

  it("puts Santa Fe in New Mexico, and not in Massachusetts or Alaska", () => {
    expect(isInsideState("NM", 35.687, -105.938)).toBe(true);
    expect(isInsideState("nm", 35.687, -105.938)).toBe(true);
    expect(isInsideState("MA", 35.687, -105.938)).toBe(false);
    expect(isInsideState("AK", 35.687, -105.938)).toBe(false);
    // Alaska's Aleutians, west of the 180th meridian
    expect(isInsideState("AK", 52.9, 173.1)).toBe(true);
  });
});
